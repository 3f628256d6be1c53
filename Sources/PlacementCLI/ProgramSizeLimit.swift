import Foundation
import PlacementModel
import PlacementOptimizer

/// Refuses, before anything is built, a command that would build a study's whole program
/// larger than the machine's memory can hold: the program's size is estimated from the study
/// (``ProgramSize``) and priced per nonzero as measured on the bundled study.
enum ProgramSizeLimit {
    /// What a command does with the whole program, and what that costs per nonzero.
    enum Use {
        /// Built and written as MathProg (`export --format gmpl`): about 120 bytes a nonzero.
        case mathProg
        /// Built and written by GLPK as LP or MPS text (`export`, `--export-lp`, `--export-mps`):
        /// about 650 bytes a nonzero (GLPK's copy and the text, twice).
        case modelFile
        /// Built and solved whole (`--method primal` or `dual`).
        case solve

        var bytesPerNonzero: Double {
            switch self {
            case .mathProg: 200
            case .modelFile: 800
            case .solve: 600
            }
        }

        var words: String {
            switch self {
            case .mathProg, .modelFile: "writing the whole program"
            case .solve: "solving the whole program (--method primal or dual)"
            }
        }
    }

    /// The memory a command may plan to use: half the machine's.
    static var budgetBytes: Double { Double(ProcessInfo.processInfo.physicalMemory) / 2 }

    /// GLPK counts nonzeros in a C int.
    static let maximumNonzeros = Double(Int32.max)

    /// Fails (exit 65) naming the study when `use` of its whole program would not fit.
    static func check(_ study: Study, path: String, use: Use) throws {
        let size = ProgramSize(index: PlacementIndex(study: study))
        let bytes = Double(size.nonzeros) * use.bytesPerNonzero
        guard bytes > budgetBytes || Double(size.nonzeros) > maximumNonzeros else { return }
        printError(
            "\(path): error: \(use.words) needs about \(gigabytes(bytes)) of memory, more than half of this "
                + "machine's \(gigabytes(Double(ProcessInfo.processInfo.physicalMemory))): the program would hold "
                + "about \(size.rows) rows, \(size.columns) columns and \(size.nonzeros) nonzeros")
        printError(
            "  hint: use fewer years, time slices, scenarios, tenants or facilities; `placement optimize` "
                + "with --method auto or decomposed solves one (year, scenario) block at a time")
        throw ExitStatus.invalidData
    }

    private static func gigabytes(_ bytes: Double) -> String { String(format: "%.1f GB", bytes / 1e9) }
}
