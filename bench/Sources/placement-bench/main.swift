import Foundation

// placement-bench: side-by-side benchmarks (see bench/README.md). Not run by `swift test`.
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    try BenchCommand.run(arguments)
} catch {
    FileHandle.standardError.write(Data("placement-bench: \(error)\n".utf8))
    exit(1)
}
