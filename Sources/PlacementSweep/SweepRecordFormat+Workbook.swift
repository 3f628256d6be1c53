import PlacementWorkbook

extension SweepRecordFormat {
    /// The rows of a finished sweep as a workbook (`sweep --workbook`, `merge --output FILE.xlsx`):
    /// a Summary naming `source` (the sweep, or the shards merged) and counting the variants by status, and a Variants sheet with the CSV's columns, one
    /// row per variant in id order, every figure a number (money in USD, shares as percentages).
    ///
    /// ```swift
    /// let book = format.workbook(results, source: "Models/sweeps/power-price.yaml")
    /// try OutputFile.write(book.xlsx(), to: "power-price.xlsx")
    /// ```
    public func workbook(_ results: [VariantResult], source: String) -> Workbook {
        var summary = Worksheet.figures(name: "Summary", label: "figure")
        summary.appendFigure("source", .text(source))
        summary.appendFigure("variants", .number(Double(results.count), .usd))
        var counts: [String: Int] = [:]
        for result in results { counts[result.status.rawValue, default: 0] += 1 }
        for status in counts.keys.sorted() {
            summary.appendFigure("status \(status)", .number(Double(counts[status] ?? 0), .usd), unit: "variants")
        }
        let headers =
            ["variant"] + paths + [
                "status", "expected_npv_usd", "cvar_npv_usd", "fleet_utilization", "resilience",
                "expected_stranded_usd",
            ] + (timings ? ["iterations", "seconds", "warm"] : [])
        var variants = Worksheet(name: "Variants", headers: headers)
        for result in results {
            var row: [WorkbookCell] = [.number(Double(result.id), .integer)]
            // A varied number may be a price, a share or a count: shown as Excel's General.
            row += result.values.map { .number($0, .general) }
            row += [
                .text(result.status.rawValue), .number(result.expectedNPV, .usd), .number(result.cvarNPV, .usd),
                .number(result.fleetUtilization, .percent), .number(result.resilience, .percent),
                .number(result.expectedStranded, .usd),
            ]
            if timings {
                row += [
                    .number(Double(result.iterations), .usd), .number(result.seconds, .decimal),
                    .text(result.warmStarted ? "true" : "false"),
                ]
            }
            variants.append(row)
        }
        return Workbook(title: "SovereignPlacement: sweep \(source)", sheets: [summary, variants])
    }

    /// The results of a finished sweep's CSV (the header, then one row per variant, no
    /// fingerprint line), each row checked as `--resume` checks it.
    public func results(ofCSV text: String) -> Result<[VariantResult], SweepRowProblem> {
        var results: [VariantResult] = []
        for line in text.split(separator: "\n").dropFirst() {
            switch result(ofCSVRow: line) {
            case .success(let result): results.append(result)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(results)
    }
}
