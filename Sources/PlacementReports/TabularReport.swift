import PlacementWorkbook

/// A report with the four outputs of `--format`: a table for people, JSON, CSV and a workbook.
/// The comparison, the alternatives, the break-even prices and the value of information are such reports, so one call
/// writes whichever format was asked for.
///
/// ```swift
/// func text(of report: some TabularReport) -> String { report.table() }
/// ```
public protocol TabularReport {
    func table() -> String
    func json() -> JSONValue
    func csv() -> CSVTable
    func workbook() -> Workbook
}

extension ComparisonReport: TabularReport {}
extension AlternativesReport: TabularReport {}
extension ExplainReport: TabularReport {}
extension ValueReport: TabularReport {}
