import Foundation
import PlacementModel

/// The zones x facilities round-trip table of `validate --latency`; `*` marks measured values.
struct LatencyMatrix {
    let study: Study

    var text: String {
        let facilities = study.facilities.map(\.id.rawValue)
        let zoneWidth = max(4, study.zones.map(\.id.rawValue.count).max() ?? 0)
        let widths = facilities.map { max($0.count, 7) }
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        var lines = [
            "round trips in ms (* measured, otherwise estimated with route_factor "
                + "\(study.latencySettings.routeFactor) and base_ms \(study.latencySettings.baseMs))"
        ]
        lines.append(
            ([pad("zone", zoneWidth, left: true)] + zip(facilities, widths).map { pad($0, $1) })
                .joined(separator: "  "))
        for zone in study.zones {
            let cells = zip(study.facilities, widths).map { facility, width -> String in
                guard let entry = study.latency.entry(zone: zone.id, facility: facility.id) else {
                    return pad("-", width)
                }
                let mark = entry.source == .measured ? "*" : " "
                return pad(String(format: "%.1f", entry.rttMs) + mark, width)
            }
            lines.append(([pad(zone.id.rawValue, zoneWidth, left: true)] + cells).joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}
