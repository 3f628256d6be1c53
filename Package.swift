// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SovereignPlacement",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "placement", targets: ["placement"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // GLPK's headers and library, from Debian's libglpk-dev (Debian ships no glpk.pc).
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The setjmp/longjmp guard that keeps GLPK's fatal errors from aborting the process.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        .target(name: "LinearProgramming"),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "CGLPKGuard", "LinearProgramming"]),
        .target(
            name: "PlacementCLI",
            dependencies: [
                "LinearProgramming",
                "GLPKSolver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "placement", dependencies: ["PlacementCLI"]),
        // Benchmarks (bench/): generated and published models, and the side-by-side timing tool.
        .target(name: "BenchmarkModels", dependencies: ["LinearProgramming"], path: "bench/Sources/BenchmarkModels"),
        .executableTarget(
            name: "placement-bench",
            dependencies: ["BenchmarkModels", "GLPKSolver", "LinearProgramming"],
            path: "bench/Sources/placement-bench"
        ),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming"]),
        .testTarget(
            name: "GLPKSolverTests",
            dependencies: ["GLPKSolver", "LinearProgramming", "BenchmarkModels"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
