import Foundation
import OutputFiles

/// An Excel workbook as a value: sheets of typed cells and charts, rendered to .xlsx bytes by
/// libxlsxwriter (the only C library this module, and only this module, calls).
///
/// Text cells are written as strings, never formulas; numbers as numbers with their formats.
/// The same workbook always gives the same bytes: the document's creation time is ``created``,
/// not the clock.
///
/// ```swift
/// var sheet = Worksheet(name: "Scenarios", columns: [WorkbookColumn("scenario"), WorkbookColumn("NPV (USD)")])
/// sheet.append([.text("base"), .number(1.2e9, .usd)])
/// let bytes = try Workbook(title: "Plan", sheets: [sheet]).xlsx()
/// try OutputFile.write(bytes, to: "plan.xlsx")
/// ```
public struct Workbook: Sendable, Hashable {
    /// 2026-01-01T00:00:00Z: the creation time written when none is given, so runs are byte-identical.
    public static let fixedCreationTime = Date(timeIntervalSince1970: 1_767_225_600)

    /// The document's title (File > Properties).
    public var title: String
    public var sheets: [Worksheet]
    /// The creation time in the document's properties.
    public var created: Date

    public init(title: String, sheets: [Worksheet], created: Date = Workbook.fixedCreationTime) {
        self.title = title
        self.sheets = sheets
        self.created = created
    }

    /// The .xlsx file's bytes. libxlsxwriter writes only files, so the workbook is assembled in a
    /// private ``ScratchDirectory`` (its own temporary files go there too) and read back; the
    /// caller writes the bytes through ``OutputFile``, atomically and with the usual refusals.
    public func xlsx() throws -> Data {
        try validate()
        let scratch: ScratchDirectory
        do { scratch = try ScratchDirectory.create() } catch {
            throw WorkbookError("cannot write the workbook: \(error)")
        }
        defer { scratch.remove() }
        let file = scratch.path + "/workbook.xlsx"
        try XLSXWriter(path: file, temporaryDirectory: scratch.path).write(self)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw WorkbookError("cannot read back the workbook written to \(file)")
        }
        try Self.checkFileSizeLimit(data)
        return data
    }

    /// Refuses a workbook whose parts may have been cut short by the file-size limit (`ulimit
    /// -f`): libxlsxwriter does not check its writes, and the process ignores SIGXFSZ so that a
    /// write over the limit fails instead of killing it. A part (or the zip) as large as the limit
    /// was cut there.
    static func checkFileSizeLimit(_ data: Data) throws {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
        #else
        let resource = RLIMIT_FSIZE
        #endif
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return }
        let cap = UInt64(limit.rlim_cur)
        // A zip cut at the limit has lost its directory: it is judged by its size before it is read.
        guard UInt64(data.count) < cap, try ZipDirectory(data).entries.allSatisfy({ $0.uncompressedSize < cap })
        else {
            throw WorkbookError(
                "the file would exceed the file-size limit (ulimit -f, \(limit.rlim_cur) bytes): a part of the "
                    + "workbook reached it")
        }
    }

    /// Excel's limits, checked before any C call: sheet names, sizes, chart columns, text length.
    func validate() throws {
        guard !sheets.isEmpty else { throw WorkbookError("a workbook needs at least one sheet") }
        var names: Set<String> = []
        for sheet in sheets {
            let name = sheet.name
            guard !name.isEmpty, name.count <= 31, !name.contains(where: { "[]:*?/\\".contains($0) }),
                !name.hasPrefix("'"), !name.hasSuffix("'")
            else { throw WorkbookError("'\(name)' is not a valid sheet name (1-31 characters, none of []:*?/\\)") }
            guard names.insert(name.lowercased()).inserted else {
                throw WorkbookError("two sheets are named '\(name)'")
            }
            guard !sheet.columns.isEmpty, sheet.columns.count <= 16_384, sheet.rows.count < 1_048_576 else {
                throw WorkbookError("sheet '\(name)' has no columns or more rows or columns than Excel holds")
            }
            for (index, row) in sheet.rows.enumerated() where row.count > sheet.columns.count {
                throw WorkbookError("row \(index + 2) of sheet '\(name)' has more cells than the sheet has columns")
            }
            let texts =
                sheet.columns.map(\.header)
                + sheet.rows.joined().compactMap {
                    if case .text(let text) = $0 { text } else { nil }
                }
            if texts.contains(where: { $0.utf8.count > 32_767 || $0.contains("\0") }) {
                throw WorkbookError("sheet '\(name)' has a text longer than Excel's 32,767 characters or a NUL")
            }
            for chart in sheet.charts {
                let columns = [chart.categories] + chart.values
                guard !chart.values.isEmpty, columns.allSatisfy({ (0..<sheet.columns.count).contains($0) }) else {
                    throw WorkbookError("the chart '\(chart.title)' of sheet '\(name)' names a column it does not have")
                }
                guard chart.kind != .rangeBar || chart.values.count == 2 else {
                    throw WorkbookError("the range bar chart '\(chart.title)' needs a start and a length column")
                }
            }
        }
    }
}
