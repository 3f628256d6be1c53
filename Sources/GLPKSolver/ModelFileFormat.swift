/// File formats a model can be exported to, and what they contain.
///
/// Readers disagree on two things, so the export avoids both:
/// - the objective constant: GLPK reads it as the objective row's right-hand side with
///   one sign, HiGHS and CPLEX with the other. The export moves it into a column
///   `objective_constant` fixed at 1 whose cost is the constant, which every reader
///   understands.
/// - the objective sense: free MPS has no sense that GLPK reads (it rejects `OBJSENSE`)
///   and every reader minimises by default. A maximisation is therefore written to MPS as
///   the minimisation of the negated objective: the optimum a
///   reader reports is minus the model's. The CPLEX LP format states its sense and keeps it.
///
/// Integer columns keep explicit bounds in MPS (GLPK writes `PL` for an integer column
/// with no upper bound), since some readers take an unbounded integer column as binary;
/// a test checks this. A comment at the top of each file repeats these facts.
///
/// ```swift
/// try GLPKSolver.export(lp, to: URL(fileURLWithPath: "plan.mps"), format: .freeMPS)
/// // glpsol --freemps plan.mps   reports -(objective) for a maximisation
/// ```
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// Free (modern) MPS; read it with `glpsol --freemps`.
    case freeMPS = "mps"
    /// CPLEX LP format; read it with `glpsol --lp`.
    case cplexLP = "lp"
}
