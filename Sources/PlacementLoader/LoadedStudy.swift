import PlacementModel

/// A study that loaded, with the warnings found on the way.
public struct LoadedStudy: Sendable {
    /// The resolved study.
    public var study: Study
    /// Warnings (never errors), in file order.
    public var warnings: [Diagnostic]
    /// Every file read, as displayed in diagnostics, study file first.
    public var files: [String]
}

/// A sweep that loaded, with its base study.
public struct LoadedSweep: Sendable {
    /// The sweep; its paths and values are checked against ``base``.
    public var sweep: Sweep
    /// The base study.
    public var base: LoadedStudy
    /// Warnings of the sweep file and of the base study.
    public var warnings: [Diagnostic]
}
