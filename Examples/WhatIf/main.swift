// A small what-if loop from Swift: how does the bundled plan's value and risk move with the
// price of power at the Riyadh campus? Run from the repository root: `swift run what-if`.
import Foundation
import SovereignPlacement

let path = CommandLine.arguments.dropFirst().first ?? "Models/baseline.yaml"
let loaded: LoadedStudy
do {
    loaded = try StudyLoader().loadStudy(at: path)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(error.kind == .missingInput ? 66 : 65)
}

// One planner keeps the GLPK sessions: after the first price each re-solve is warm.
var options = PlanningOptions()
options.method = .primal
let planner = PlanningPipeline(solver: GLPKSolver(), options: options)
var study = loaded.study
let field = "facilities.riyadh-hexagon.electricity_usd_per_mwh"
print("Riyadh power price is \(try study.number(at: field)) USD/MWh in \(path)")
var table = TextTable(header: ["USD/MWh", "expected NPV", "fleet resilience", "expected stranded", "iterations", "warm"])
for price in [30.0, 48, 65, 80] {
    try study.setNumber(at: field, to: price)
    let result = try planner.run(study)
    guard let plan = result.plan else {
        table.append([Format.grouped(price), "no plan (\(result.investment.termination.rawValue))", "", "", "", ""])
        continue
    }
    table.append([
        Format.grouped(price), Format.money(plan.expectedNPV),
        Format.percent(result.analysis?.finalResilience),
        Format.money(result.analysis?.finalExpectedStranded ?? .nan),
        Format.grouped(Double(result.iterations)), result.warmStarted ? "yes" : "no",
    ])
}
print(table.rendered())
