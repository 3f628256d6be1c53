// The scripting API in one import: load a study, change a number, optimize, analyse, read results.
//
// ```swift
// import SovereignPlacement
//
// let study = try StudyLoader().loadStudy(at: "Models/baseline.yaml").study
// let pipeline = PlanningPipeline(solver: GLPKSolver())   // also known as IncrementalPlanner
// let result = try pipeline.run(study)
// print(result.plan?.expectedNPV ?? .nan, result.analysis?.finalResilience ?? .nan)
// ```
//
// See Examples/WhatIf for a runnable what-if loop (`swift run what-if`).
@_exported import GLPKSolver
@_exported import LinearProgramming
@_exported import PlacementAnalysis
@_exported import PlacementLoader
@_exported import PlacementModel
@_exported import PlacementOptimizer
@_exported import PlacementPlanning
@_exported import PlacementReports
@_exported import PlacementSweep
