import LinearProgramming

/// Loads a model into GLPK and releases it, without solving: what building costs.
/// For benchmarks that compare model building with other tools.
public enum GLPKProbe {
    public static func load(_ model: LinearProgram) throws {
        do { try model.validate() } catch { throw GLPKError.invalidModel(error) }
        _ = try GLPKProblem(model: model)
    }
}
