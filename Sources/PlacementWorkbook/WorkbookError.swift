/// Why a workbook could not be written: a sheet or cell Excel would reject (found before any
/// file is made), or libxlsxwriter's own error.
///
/// ```swift
/// do { _ = try workbook.xlsx() } catch { print("error: \(error)") }
/// ```
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
