/// A typed identifier: a lower-case kebab-case name that is unique within its kind.
///
/// The phantom `Kind` keeps identifiers of different kinds apart, so a
/// ``FacilityID`` cannot be passed where a ``ZoneID`` is expected.
///
/// ```swift
/// let site: FacilityID = "abu-dhabi-campus"
/// let zone = ZoneID("dubai")
/// print(site, zone)            // abu-dhabi-campus dubai
/// ```
public struct Identifier<Kind>: Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The identifier as written in the files.
    public let rawValue: String

    /// Creates an identifier from its text, without checking its form (see ``isWellFormed(_:)``).
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates an identifier from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The identifier's text.
    public var description: String { rawValue }

    /// Orders identifiers by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The rule every identifier follows: lower-case kebab-case, at most ``maximumLength`` bytes.
public enum IdentifierSyntax {
    /// The longest id, in bytes (ASCII characters). The LP's longest names join six ids
    /// (`serve[tenant,zones,facility,hardware,year,scenario,slice]`, merged zones shortened to
    /// the first and a count): 40-byte ids keep them under GLPK's 255-byte limit, and the
    /// MathProg export's symbols under its 100-character limit.
    public static let maximumLength = 40

    /// Whether `text` is lower-case kebab-case: `[a-z0-9]+` words joined by single hyphens,
    /// e.g. `gpu-h200` or `abu-dhabi-campus`.
    public static func isWellFormed(_ text: String) -> Bool {
        var previousWasHyphen = true  // a leading hyphen is rejected
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": previousWasHyphen = false
            case "-":
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default: return false
            }
        }
        return !text.isEmpty && !previousWasHyphen
    }
}

/// Marks ``RegionID``.
public enum RegionKind {}
/// Marks ``ZoneID``.
public enum ZoneKind {}
/// Marks ``FacilityID``.
public enum FacilityKind {}
/// Marks ``HardwareID``.
public enum HardwareKind {}
/// Marks ``WorkloadID``.
public enum WorkloadKind {}
/// Marks ``TenantID``.
public enum TenantKind {}
/// Marks ``ScenarioID``.
public enum ScenarioKind {}

/// Identifies a ``Region``.
public typealias RegionID = Identifier<RegionKind>
/// Identifies a ``Zone``.
public typealias ZoneID = Identifier<ZoneKind>
/// Identifies a ``Facility``.
public typealias FacilityID = Identifier<FacilityKind>
/// Identifies a ``Hardware`` accelerator type.
public typealias HardwareID = Identifier<HardwareKind>
/// Identifies a ``Workload``.
public typealias WorkloadID = Identifier<WorkloadKind>
/// Identifies a ``Tenant``.
public typealias TenantID = Identifier<TenantKind>
/// Identifies a ``Scenario``.
public typealias ScenarioID = Identifier<ScenarioKind>
