import Foundation
import GLPKSolver
import PlacementAnalysis
import PlacementCompare
import PlacementModel
import PlacementOptimizer
import PlacementReports

/// The snapshot of a study optimized and analysed as `placement optimize --format json` does
/// (the one place these tests call the planning pipeline).
func solvedSnapshot(_ study: Study, name: String) throws -> ResultSnapshot {
    try ResultSnapshot(json: Data(try solvedReport(study, name: name).json().serialized().utf8), file: name)
}

/// The optimize report of a study, as `placement report` renders it.
func solvedReport(_ study: Study, name: String) throws -> OptimizeReport {
    let solver = GLPKSolver()
    let result = try PlacementOptimizer(solver: solver).optimize(study)
    let analysis = try result.plan.map { try PlanAnalysis.run(study: study, plan: $0, solver: solver) }
    return OptimizeReport(study: study, studyPath: name, result: result, analysis: analysis)
}
