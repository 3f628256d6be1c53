import PlacementModel

/// Loads studies and sweeps from YAML files, reporting every problem at once with its
/// file, line and column.
///
/// ```swift
/// let loader = StudyLoader()
/// do {
///     let loaded = try loader.loadStudy(at: "Models/baseline.yaml")
///     loaded.warnings.forEach { print($0) }
///     print(loaded.study.facilities.count)
/// } catch {
///     error.diagnostics.forEach { print($0) }   // Regions/india.yaml:14:7: error: …
///     exit(error.kind.exitCode)                  // 66 missing input, 65 invalid data
/// }
/// ```
public struct StudyLoader: Sendable {
    /// Bounds for hostile input.
    public var limits: LoadLimits

    /// Creates a loader.
    public init(limits: LoadLimits = LoadLimits()) { self.limits = limits }

    /// Loads the study at `path` and every file it names.
    ///
    /// Paths in diagnostics are `path` as given, and referenced files joined to its
    /// directory and normalised.
    public func loadStudy(at path: String) throws(LoadFailure) -> LoadedStudy {
        try loadStudy(at: path, scenariosFile: nil)
    }

    /// Loads the study at `path` and every file it names; with `scenariosFile`, that scenarios
    /// file (as given, not joined to the study's directory) instead of the one the study names,
    /// checked like it: a saved plan's structure evaluated on other scenarios.
    ///
    /// Paths in diagnostics are `path` as given, and referenced files joined to its
    /// directory and normalised.
    ///
    /// ```swift
    /// let paths = try StudyLoader().loadStudy(at: "Models/baseline.yaml", scenariosFile: "paths.yaml")
    /// ```
    public func loadStudy(at path: String, scenariosFile: String?) throws(LoadFailure) -> LoadedStudy {
        let context = DecodingContext()
        var files: [String] = []
        let study = readStudy(
            at: path, reference: nil, context: context, files: &files, scenariosFile: scenariosFile)
        return try finish(context, files: files) { study }
    }

    /// Loads the sweep at `path` and its base study, and checks every varied path and
    /// value against the base.
    public func loadSweep(at path: String) throws(LoadFailure) -> LoadedSweep {
        let context = DecodingContext()
        var files = [path]
        var sweep: Sweep?
        var base: Study?
        switch SourceReader(limits: limits).read(path, reference: nil) {
        case .failure(let failure): record(failure, in: context)
        case .success(let root):
            sweep = SweepFileDecoder(context: context, file: path).decode(root) { basePath, location in
                base = readStudy(at: basePath, reference: location, context: context, files: &files)
                return base
            }
        }
        let loaded = try finish(context, files: files) { base }
        guard let sweep else {
            throw LoadFailure(kind: .invalidData, diagnostics: context.sortedDiagnostics(fileOrder: files))
        }
        let sweepWarnings = loaded.warnings.filter { $0.file == path }
        let baseWarnings = loaded.warnings.filter { $0.file != path }
        return LoadedSweep(
            sweep: sweep,
            base: LoadedStudy(study: loaded.study, warnings: baseWarnings, files: Array(files.dropFirst())),
            warnings: sweepWarnings + baseWarnings)
    }

    private func finish(
        _ context: DecodingContext, files: [String], study: () -> Study?
    ) throws(LoadFailure) -> LoadedStudy {
        let diagnostics = context.sortedDiagnostics(fileOrder: files)
        guard !context.hasErrors, let study = study() else {
            throw LoadFailure(kind: context.hasUnreadableInput ? .missingInput : .invalidData, diagnostics: diagnostics)
        }
        return LoadedStudy(study: study, warnings: diagnostics, files: files)
    }

    private func record(_ failure: SourceReader.Failure, in context: DecodingContext) {
        switch failure {
        case .unreadable(let diagnostic): context.add(diagnostic, unreadable: true)
        case .invalid(let diagnostic): context.add(diagnostic)
        }
    }

    /// Reads a study and its files into `context`; returns the study when nothing failed.
    private func readStudy(
        at path: String, reference: SourceLocation?, context: DecodingContext, files: inout [String],
        scenariosFile: String? = nil
    ) -> Study? {
        let reader = SourceReader(limits: limits)
        files.append(path)
        let root: YAMLNode
        switch reader.read(path, reference: reference) {
        case .failure(let failure):
            record(failure, in: context)
            return nil
        case .success(let node): root = node
        }
        let draft = StudyDraft()
        let (list, settings) = StudyFileDecoder(context: context, file: path).decode(root)
        draft.settings = settings
        let models = ModelFileDecoder(context: context, draft: draft)
        let regions = RegionFileDecoder(context: context, draft: draft)
        var everyFileParsed = list.regionsComplete
        func load(_ file: StudyFileDecoder.FileReference?, _ decode: (YAMLNode) -> Bool) {
            guard let file else {
                everyFileParsed = false
                return
            }
            files.append(file.path)
            switch reader.read(file.path, reference: file.location) {
            case .failure(let failure):
                record(failure, in: context)
                everyFileParsed = false
            case .success(let node):
                if !decode(node) { everyFileParsed = false }
            }
        }
        for file in list.regions { load(file, regions.decode) }
        load(list.hardware, models.decodeHardware)
        load(list.workloads, models.decodeWorkloads)
        load(list.tenants, models.decodeTenants)
        let scenarios = scenariosFile.map { StudyFileDecoder.FileReference(path: $0, location: .wholeFile($0)) }
        load(scenarios ?? list.scenarios, models.decodeScenarios)
        // With a file missing, its ids are unknown and every reference to them would cascade.
        if everyFileParsed { CrossFileChecks(context: context, draft: draft).run() }
        guard !context.hasErrors, let settings = draft.settings else { return nil }
        return StudyAssembly.study(from: draft, settings: settings, context: context, studyFile: path)
    }
}
