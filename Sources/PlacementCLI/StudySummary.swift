import Foundation
import PlacementModel

/// The short text `validate` prints for a valid study.
struct StudySummary {
    let study: Study
    let path: String
    let warningCount: Int

    var text: String {
        var lines = [
            "\(path): valid" + (warningCount > 0 ? " (\(warningCount) warning\(warningCount == 1 ? "" : "s"))" : "")
        ]
        func list(_ label: String, _ names: [String]) {
            lines.append("  \(label) (\(names.count)): \(names.joined(separator: ", "))")
        }
        list("regions", study.regions.map(\.id.rawValue))
        list("facilities", study.facilities.map(\.id.rawValue))
        list("zones", study.zones.map(\.id.rawValue))
        list("tenants", study.tenants.map(\.id.rawValue))
        list("scenarios", study.scenarios.map { "\($0.id) (p=\(Self.format($0.probability)))" })
        if let uncertainty = study.uncertainty {
            // What `placement sample` would draw from (docs/design.md §8).
            let start = uncertainty.reference.map { "from '\($0)'" } ?? "from multipliers of 1"
            let pairs = uncertainty.correlations.count
            lines.append(
                "  uncertainty (\(uncertainty.factors.count) factors \(start), \(pairs) correlation\(pairs == 1 ? "" : "s")): "
                    + uncertainty.factors.map(\.name).joined(separator: ", "))
        }
        lines.append("  horizon: \(study.horizon.start)-\(study.horizon.end), \(study.timeSlices) time slices")
        if study.decisions != .hereAndNow { lines += treeLines }
        let pairs = study.zones.count * study.facilities.count
        lines.append("  zone-facility pairs within each workload's latency SLO (of \(pairs)):")
        let width = study.workloads.map(\.id.rawValue.count).max() ?? 0
        for workload in study.workloads {
            let within = study.zones.reduce(0) { count, zone in
                count
                    + study.facilities.filter { study.rttMs(zone: zone.id, facility: $0.id) <= workload.latencySLOMs }
                    .count
            }
            let name = workload.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("    \(name)  \(within) (SLO \(Self.format(workload.latencySLOMs)) ms)")
        }
        return lines.joined(separator: "\n")
    }

    /// The scenario tree of adaptive decisions (docs/design.md §9): each year's nodes and their
    /// scenarios, the scenarios of a node building the same that year.
    private var treeLines: [String] {
        let tree = study.scenarioTree
        var lines = ["  decisions: \(study.decisions.rawValue); scenario tree (year, node: scenarios):"]
        for (y, year) in study.horizon.years.enumerated() {
            for (node, members) in tree.nodes[y].enumerated() {
                lines.append(
                    "    \(year)  node \(node): {\(members.map { study.scenarios[$0].id.rawValue }.joined(separator: ", "))}"
                )
            }
        }
        return lines
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
