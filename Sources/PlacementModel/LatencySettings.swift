/// How round trips are estimated where none is measured.
///
/// `rtt_ms = 2 * great_circle_km * routeFactor / 200 + baseMs` (light in fibre covers
/// about 200 km per ms; routes are longer than the great circle).
///
/// ```swift
/// LatencySettings().estimatedRTTMs(kilometres: 1000)   // 2*1000*1.6/200 + 4 = 20
/// ```
public struct LatencySettings: Hashable, Sendable {
    /// Fibre route length over great-circle distance (default 1.6).
    public var routeFactor: Double
    /// Fixed overhead added to every estimate, ms (default 4).
    public var baseMs: Double

    /// Kilometres light travels in fibre per millisecond.
    public static let fibreKilometresPerMs = 200.0

    /// Creates latency settings.
    public init(routeFactor: Double = 1.6, baseMs: Double = 4) {
        self.routeFactor = routeFactor
        self.baseMs = baseMs
    }

    /// Estimated round trip over `kilometres` of great-circle distance, ms.
    public func estimatedRTTMs(kilometres: Double) -> Double {
        2 * kilometres * routeFactor / Self.fibreKilometresPerMs + baseMs
    }
}
