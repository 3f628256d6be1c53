import Foundation
import GLPKSolver
import PlacementAnalysis
import PlacementCompare
import PlacementModel
import PlacementOptimizer
import PlacementReports
import PlacementTestSupport

/// The snapshot of a study optimized and analysed as `placement optimize --format json` does
/// (the one place these tests call the planning pipeline).
func solvedSnapshot(_ study: Study, name: String) throws -> ResultSnapshot {
    try ResultSnapshot(json: Data(try solvedReport(study, name: name).json().serialized().utf8), file: name)
}

/// The optimize report of a study, as `placement report` renders it.
func solvedReport(_ study: Study, name: String) throws -> OptimizeReport {
    OptimizeReport(studyPath: name, result: try TestPlanning.run(study))
}
