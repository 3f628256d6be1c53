// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SovereignPlacement",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "placement", targets: ["placement"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
        .library(name: "SovereignPlacement", targets: ["SovereignPlacement"]),
        .library(name: "PlacementModel", targets: ["PlacementModel"]),
        .library(name: "PlacementLoader", targets: ["PlacementLoader"]),
        .library(name: "PlacementOptimizer", targets: ["PlacementOptimizer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    ],
    targets: [
        // GLPK's headers and library, from Debian's libglpk-dev (Debian ships no glpk.pc).
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // libxlsxwriter's headers and library, from Debian's libxlsxwriter-dev; only PlacementWorkbook uses it.
        .systemLibrary(
            name: "CXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // The setjmp/longjmp guard that keeps GLPK's fatal errors from aborting the process.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        .target(name: "LinearProgramming"),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "CGLPKGuard", "LinearProgramming"]),
        .target(name: "PlacementModel"),
        // Output files written atomically, devices and FIFOs by opening, locks, cleanup on signals.
        .target(name: "OutputFiles"),
        // Excel workbooks (sheets of typed cells, native charts) rendered by libxlsxwriter.
        .target(name: "PlacementWorkbook", dependencies: ["CXLSXWriter", "OutputFiles"]),
        .target(name: "PlacementLoader", dependencies: ["PlacementModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "PlacementOptimizer", dependencies: ["PlacementModel", "LinearProgramming"]),
        .target(name: "PlacementAnalysis", dependencies: ["PlacementModel", "PlacementOptimizer"]),
        // The one planning pipeline: investment solve (monolithic or decomposed), canonical dispatch, analysis.
        .target(
            name: "PlacementPlanning",
            dependencies: ["PlacementAnalysis", "PlacementOptimizer", "PlacementModel", "LinearProgramming"]
        ),
        // Risk distributions (docs/design.md §8): the seeded path sampler, plans held on the paths, summaries.
        .target(
            name: "PlacementRisk",
            dependencies: ["PlacementModel", "PlacementPlanning", "PlacementAnalysis", "ResultFormats"]
        ),
        // What changed between two optimize results (read through one decoding layer).
        .target(name: "PlacementCompare", dependencies: ["PlacementModel"]),
        // The placement program as GNU MathProg (`placement export --format gmpl`).
        .target(name: "PlacementExport", dependencies: ["PlacementOptimizer", "PlacementModel"]),
        // CSV tables and JSON values as every output writes them (reports, sweep records).
        .target(name: "ResultFormats"),
        .target(
            name: "PlacementReports",
            dependencies: [
                "PlacementPlanning", "PlacementAnalysis", "PlacementOptimizer", "PlacementModel", "LinearProgramming",
                "PlacementCompare", "ResultFormats", "PlacementWorkbook", "PlacementRisk",
            ]
        ),
        .target(
            name: "PlacementSweep",
            dependencies: [
                "PlacementPlanning", "PlacementAnalysis", "PlacementOptimizer", "PlacementModel", "ResultFormats",
                "LinearProgramming", "OutputFiles", "PlacementWorkbook",
            ]
        ),
        .target(
            name: "PlacementCLI",
            dependencies: [
                "LinearProgramming", "GLPKSolver", "PlacementModel", "PlacementLoader", "PlacementOptimizer",
                "PlacementAnalysis", "PlacementPlanning", "PlacementReports", "PlacementSweep", "OutputFiles",
                "PlacementExport", "PlacementCompare", "PlacementRisk", "PlacementWorkbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "placement", dependencies: ["PlacementCLI"]),
        // The scripting API in one import, and a runnable example of it.
        .target(
            name: "SovereignPlacement",
            dependencies: [
                "GLPKSolver", "LinearProgramming", "PlacementAnalysis", "PlacementLoader", "PlacementModel",
                "PlacementOptimizer", "PlacementPlanning", "PlacementReports", "PlacementSweep",
            ]
        ),
        .executableTarget(name: "what-if", dependencies: ["SovereignPlacement"], path: "Examples/WhatIf"),
        // Benchmarks (bench/): generated and published models, and the side-by-side timing tool.
        .target(name: "BenchmarkModels", dependencies: ["LinearProgramming"], path: "bench/Sources/BenchmarkModels"),
        .executableTarget(
            name: "placement-bench",
            dependencies: [
                "BenchmarkModels", "GLPKSolver", "LinearProgramming", "PlacementModel", "PlacementLoader",
                "PlacementOptimizer", "PlacementAnalysis", "PlacementPlanning", "PlacementSweep", "PlacementRisk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "bench/Sources/placement-bench"
        ),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming"]),
        // Workbooks read back by unzipping them (the system `unzip`) and parsing their XML.
        .testTarget(name: "PlacementWorkbookTests", dependencies: ["PlacementWorkbook", "PlacementTestSupport"]),
        .testTarget(name: "PlacementModelTests", dependencies: ["PlacementModel"]),
        .testTarget(
            name: "PlacementPlanningTests",
            dependencies: [
                "PlacementPlanning", "PlacementOptimizer", "PlacementAnalysis", "PlacementModel", "PlacementLoader",
                "GLPKSolver", "LinearProgramming", "PlacementReports", "PlacementTestSupport", "BenchmarkModels",
            ]
        ),
        .testTarget(
            name: "PlacementLoaderTests",
            dependencies: ["PlacementLoader", "PlacementModel", "BenchmarkModels", "PlacementTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        // Shared test fixtures: a small study assembled in code, and numeric expectations.
        .target(
            name: "PlacementTestSupport",
            dependencies: ["PlacementModel", "PlacementLoader", "PlacementPlanning", "GLPKSolver"],
            path: "Tests/PlacementTestSupport"
        ),
        .testTarget(
            name: "PlacementOptimizerTests",
            dependencies: [
                "PlacementOptimizer", "PlacementModel", "PlacementLoader", "GLPKSolver", "LinearProgramming",
                "PlacementTestSupport",
            ]
        ),
        .testTarget(
            name: "PlacementAnalysisTests",
            dependencies: [
                "PlacementAnalysis", "PlacementOptimizer", "PlacementModel", "PlacementLoader", "GLPKSolver",
                "LinearProgramming", "PlacementTestSupport",
            ]
        ),
        .testTarget(
            name: "PlacementSweepTests",
            dependencies: [
                "PlacementSweep", "PlacementPlanning", "PlacementLoader", "PlacementModel", "GLPKSolver",
                "PlacementTestSupport",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlacementReportsTests",
            dependencies: [
                "PlacementReports", "PlacementAnalysis", "PlacementOptimizer", "PlacementPlanning", "PlacementLoader",
                "GLPKSolver", "PlacementModel", "PlacementTestSupport", "BenchmarkModels", "PlacementWorkbook",
                "PlacementRisk",
            ],
            exclude: ["Snapshots"]
        ),
        // A libFuzzer target for the loader (Tests/Fuzz/run-loader-fuzz.sh); built plainly it replays inputs.
        .executableTarget(name: "loader-fuzz", dependencies: ["PlacementLoader"], path: "Tests/Fuzz/LoaderFuzz"),

        .testTarget(
            name: "PlacementExportTests",
            dependencies: [
                "PlacementExport", "PlacementOptimizer", "PlacementModel", "PlacementLoader", "GLPKSolver",
                "PlacementTestSupport",
            ]
        ),
        .testTarget(
            name: "PlacementRiskTests",
            dependencies: [
                "PlacementRisk", "PlacementModel", "PlacementLoader", "PlacementPlanning", "PlacementAnalysis",
                "GLPKSolver",
                "PlacementTestSupport",
            ]
        ),
        .testTarget(
            name: "PlacementCompareTests",
            dependencies: [
                "PlacementCompare", "PlacementReports", "PlacementAnalysis", "PlacementOptimizer",
                "PlacementModel", "PlacementPlanning", "GLPKSolver", "PlacementTestSupport",
            ]
        ),
        // The command line: `placement` run as a subprocess (exit statuses, messages, files left behind)
        // and the command types themselves (completion scripts, table units).
        .testTarget(
            name: "PlacementCLITests",
            dependencies: [
                "placement", "PlacementCLI", "PlacementTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Repository-wide rules (no tracked file cites a path outside the repository).
        .testTarget(name: "RepositoryTests"),
        .testTarget(
            name: "BenchmarkModelsTests", dependencies: ["BenchmarkModels", "PlacementLoader", "PlacementModel"]),
        .testTarget(
            name: "GLPKSolverTests",
            dependencies: ["GLPKSolver", "LinearProgramming", "BenchmarkModels", "PlacementTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
