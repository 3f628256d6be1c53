/// Numbers addressed by path, for sweeps: `facilities.riyadh-hexagon.electricity_usd_per_mwh`,
/// `facilities.abu-dhabi-campus.power_mw.2028`, `tenants.acme.demand.annual_units.2030`,
/// `scenarios.boom.demand.video.2027`, `hardware.gpu-h200.capex_usd`, `discount_rate`,
/// `stress.shock`, … Key names are those of the YAML files.
///
/// Year-keyed values read their effective value (carried forward or interpolated);
/// setting one lists that year. Setting checks the field's own range (a PUE stays >= 1)
/// but not sums across fields (scenario probabilities, zone shares).
///
/// ```swift
/// var variant = study
/// try variant.setNumber(at: "facilities.riyadh-hexagon.electricity_usd_per_mwh", to: 30)
/// try variant.number(at: "scenarios.base.probability")   // 0.5
/// ```
extension Study {
    /// The number at `path` (its effective value for year-keyed series).
    ///
    /// - Throws: ``NumberPathError`` for an unknown id or key (with did-you-mean), a year
    ///   outside the horizon, or an optional setting that is not set.
    public func number(at path: String) throws(NumberPathError) -> Double {
        let target = try Self.resolveNumber(path, in: self)
        guard let value = target.read(self) else {
            throw NumberPathError(message: "'\(path)' is not set in this study", hint: "set it in the study file first")
        }
        return value
    }

    /// Sets the number at `path` to `value`.
    ///
    /// - Throws: ``NumberPathError`` as ``number(at:)``, or when `value` breaks the field's rule.
    public mutating func setNumber(at path: String, to value: Double) throws(NumberPathError) {
        let target = try Self.resolveNumber(path, in: self)
        if let problem = target.rule.violation(of: value) {
            throw NumberPathError(message: "'\(path)' \(problem)", hint: "\(value) is outside the accepted range")
        }
        target.write(&self, value)
    }

    /// Checks that `path` names a number of this study, without reading it.
    public func checkNumberPath(_ path: String) throws(NumberPathError) {
        _ = try Self.resolveNumber(path, in: self)
    }

    /// The rule that values at `path` must follow.
    public func numberRule(at path: String) throws(NumberPathError) -> NumberRule {
        try Self.resolveNumber(path, in: self).rule
    }

    static func resolveNumber(_ path: String, in study: Study) throws(NumberPathError) -> NumberTarget {
        let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = components.first, !head.isEmpty, !components.contains("") else {
            throw NumberPathError(message: "'\(path)' is not a number path", hint: "write ids and keys joined by '.'")
        }
        if let scope = NumberPathTable.scopes.first(where: { $0.name == head }) {
            guard components.count >= 2 else {
                throw NumberPathError(
                    message: "'\(path)' needs a \(scope.noun) id",
                    hint: "e.g. \(head).\(scope.ids(study).first ?? "<id>").\(scope.keys.first ?? "")")
            }
            let ids = scope.ids(study)
            guard ids.contains(components[1]) else {
                throw NumberPathError(
                    message: "unknown \(scope.noun) '\(components[1])'",
                    hint: Suggestions.hint(for: components[1], among: ids, noun: "known \(scope.noun) ids") ?? "")
            }
            return try scope.resolve(study, components[1], Array(components.dropFirst(2)))
        }
        let heads = NumberPathTable.scopes.map(\.name) + NumberPathTable.studyFields.map { $0.pattern[0] }
        guard NumberPathTable.studyFields.contains(where: { $0.pattern[0] == head }) else {
            throw NumberPathError(
                message: "unknown key '\(head)' in number path '\(path)'",
                hint: Suggestions.hint(for: head, among: NumberPathResolver.unique(heads), noun: "paths start with")
                    ?? "")
        }
        let (field, arguments) = try NumberPathResolver.match(
            components, fields: NumberPathTable.studyFields, item: study, study: study, prefix: "study")
        return NumberTarget(
            rule: field.rule, read: { field.read($0, arguments) }, write: { field.write(&$0, arguments, $1) })
    }
}
