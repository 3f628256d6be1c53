import Foundation
import PlacementLoader

/// A fuzz target for the loader: the input's first byte picks one file of a small valid study
/// (the study, a region file, a model file or a sweep), the rest replaces that file, and the
/// study (or the sweep) is loaded. The loader must return a study or located diagnostics: never
/// crash, hang or exceed memory.
///
/// Built with `-sanitize=fuzzer -DFUZZING` it is a libFuzzer binary (Tests/Fuzz/run-loader-fuzz.sh);
/// built plainly it replays the files given as arguments, to reproduce a crash under a debugger.
enum LoaderFuzz {
    static let slots = [
        "Models/baseline.yaml", "Regions/gulf.yaml", "Regions/india.yaml", "Models/hardware.yaml",
        "Models/workloads.yaml", "Models/tenants.yaml", "Models/scenarios.yaml", "Models/sweeps/prices.yaml",
    ]

    /// A private copy of the loader tests' valid study.
    static let directory: String = {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("PlacementLoaderTests/Fixtures/valid")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("loader-fuzz-\(getpid())")
        try? FileManager.default.removeItem(at: copy)
        do { try FileManager.default.copyItem(at: source, to: copy) } catch {
            fatalError("cannot copy \(source.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: LoaderFuzz.directoryURL) }
        return copy.path
    }()
    static var directoryURL: URL { URL(fileURLWithPath: directory) }

    /// The files as they were (byte arrays: LeakSanitizer cannot follow `Data`'s packed references
    /// from a global and reported them as leaked).
    static let originals: [[UInt8]] = slots.map {
        [UInt8](FileManager.default.contents(atPath: directory + "/" + $0) ?? Data())
    }

    static func run(_ input: Data) {
        guard let selector = input.first else { return }
        let slot = Int(selector) % slots.count
        let path = directory + "/" + slots[slot]
        _ = FileManager.default.createFile(atPath: path, contents: input.dropFirst())
        defer { _ = FileManager.default.createFile(atPath: path, contents: Data(originals[slot])) }
        let loader = StudyLoader()
        if slot == slots.count - 1 {
            do { _ = try loader.loadSweep(at: path) } catch { check(error) }
        } else {
            do { _ = try loader.loadStudy(at: directory + "/" + slots[0]) } catch { check(error) }
        }
    }

    /// A failure must carry at least one located error.
    static func check(_ failure: LoadFailure) {
        guard !failure.errors.isEmpty else { fatalError("a load failure without an error") }
        for error in failure.errors where error.file.isEmpty { fatalError("an error without a file: \(error)") }
    }
}

/// The input callback libFuzzer calls for every input.
func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    LoaderFuzz.run(Data(bytes: start, count: count))
    return 0
}

#if FUZZING
/// libFuzzer's driver (linked by -sanitize=fuzzer); called from our own main, since SwiftPM names
/// an executable's entry point itself.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

@main struct LoaderFuzzMain {
    static func main() {
        #if FUZZING
        // Set up before the first input, so the leak check of libFuzzer does not count the copy.
        _ = LoaderFuzz.originals
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { testOneInput($0, $1) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            data.withUnsafeBytes { _ = testOneInput($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
            print("ok \(path)")
        }
        #endif
    }
}
