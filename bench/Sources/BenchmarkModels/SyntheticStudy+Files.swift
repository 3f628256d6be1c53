import Foundation

/// The drawn world written as the tool's YAML files, and the number formats they use.
extension SyntheticStudy {
    // MARK: Files

    /// Every file, relative to the output directory; the study file first.
    public func files() -> [(path: String, text: String)] {
        let world = draw()
        var random = SplitMix64(seed: parameters.seed ^ 0x5CE7_A210)
        var files = [(Self.studyFile, studyText(world))]
        for r in world.regionCenters.indices { files.append(("regions/region-\(r + 1).yaml", regionText(r, world))) }
        files.append(("hardware.yaml", Self.hardwareText))
        files.append(("workloads.yaml", workloadsText()))
        files.append(("tenants.yaml", tenantsText(world)))
        files.append(("scenarios.yaml", scenariosText(world, random: &random)))
        return files
    }

    /// Writes ``files()`` under `directory` (created if needed), each file atomically, and
    /// returns the study file's URL.
    @discardableResult
    public func write(to directory: URL) throws -> URL {
        try Self.write(files(), to: directory)
        return directory.appendingPathComponent(Self.studyFile)
    }

    /// Writes `files` (paths relative to `directory`, as ``files()`` gives them), each atomically.
    public static func write(_ files: [(path: String, text: String)], to directory: URL) throws {
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    private var header: String {
        """
        schema: 1
        # Synthetic data written by: placement-bench generate-study \(parameters.arguments.joined(separator: " "))
        # Not real figures: shaped like the bundled study, sized for benchmarks.

        """
    }

    private func studyText(_ world: World) -> String {
        // A budget of ~60% of what filling every facility's final power with H200s would
        // cost, so the budget row binds as in the bundled study.
        let fullBuild = world.facilities.reduce(0.0) { total, facility in
            total + facility.power.last!.mw * (1000 / Self.h200PowerKW * Self.h200CapexUSD + facility.shell)
        }
        var text =
            header + """
                name: Synthetic study, \(parameters.facilities) facilities, \(parameters.zones) zones, \
                \(parameters.tenants) tenants
                regions:

                """
        for r in world.regionCenters.indices { text += "  - regions/region-\(r + 1).yaml\n" }
        text += """
            hardware: hardware.yaml
            workloads: workloads.yaml
            tenants: tenants.yaml
            scenarios: scenarios.yaml
            horizon: {start: \(years.lowerBound), end: \(years.upperBound)}
            discount_rate: 0.08
            time_slices: \(parameters.slices)
            budget_usd: \(Self.scientific(0.6 * fullBuild, 3))
            risk: {alpha: 0.9, weight: 0.0}
            policy: {max_category_share: 1.0}
            latency: {route_factor: 1.6, base_ms: 4}
            breakeven_utilization: 0.6

            """
        return text
    }

    private func regionText(_ r: Int, _ world: World) -> String {
        let name = parameters.hostileNames ? "'Synthetic & <Region> \(r + 1)'" : "Synthetic region \(r + 1)"
        var text = header + "region: region-\(r + 1)\nname: \(name)\nzones:\n"
        let countries = world.countries.indices.filter { world.countries[$0].region == r }
        for c in countries {
            let country = world.countries[c]
            for z in country.zones {
                let place = world.zones[z].place
                text +=
                    "  - {id: \(world.zones[z].id), jurisdiction: \(country.code), "
                    + "location: {lat: \(Self.coordinate(place.lat)), lon: \(Self.coordinate(place.lon))}, "
                    + "utc_offset_hours: \(Self.number(country.utcOffset))}\n"
            }
        }
        text += "facilities:\n"
        for c in countries {
            let country = world.countries[c]
            for f in country.facilities {
                let site = world.facilities[f]
                let power = site.power.map { "\($0.year): \(Self.number($0.mw))" }.joined(separator: ", ")
                text += """
                      - id: \(site.id)

                    """
                if parameters.hostileNames { text += "    name: 'Site \(f + 1) <A&B> \"quoted\"'\n" }
                text += """
                        jurisdiction: \(country.code)
                        location: {lat: \(Self.coordinate(site.place.lat)), lon: \(Self.coordinate(site.place.lon))}
                        power_mw: {\(power)}
                        pue: \(Self.number(site.pue))
                        electricity_usd_per_mwh: \(Self.number(site.electricity))
                        shell_capex_usd_per_mw: \(Self.number(site.shell))
                        fixed_om_usd_per_mw_year: \(Self.number(Self.round(0.03 * site.shell, 0)))

                    """
                if let hardware = country.hardware { text += "    hardware: [\(hardware.joined(separator: ", "))]\n" }
                if site.existingH200 > 0 { text += "    existing: {gpu-h200: \(site.existingH200)}\n" }
            }
        }
        // A measured pair is listed once, in the file of the zone's region (the bundled convention).
        let measured = world.measured.filter { world.countries[world.zones[$0.zone].country].region == r }
        if !measured.isEmpty {
            text += "latency_ms:\n"
            for entry in measured {
                text +=
                    "  - {zone: \(world.zones[entry.zone].id), facility: \(world.facilities[entry.facility].id), "
                    + "rtt_ms: \(Self.number(entry.rtt))}\n"
            }
        }
        return text
    }

    /// The bundled study's accelerator classes (Models/hardware.yaml, where the figures are sourced).
    static let hardwareText = """
        schema: 1
        # The bundled study's accelerator classes (Models/hardware.yaml).
        hardware:
          - {id: gpu-h200, name: H200-class GPU, memory_gb: 141, power_kw: 1.25, capex_usd: 42000, lifetime_years: 4,
             throughput: {video: 80, reasoning: 2.16, embodied: 4}}
          - {id: gpu-b200, name: B200-class GPU, memory_gb: 192, power_kw: 1.8, capex_usd: 62000, lifetime_years: 5,
             throughput: {video: 128, reasoning: 3.456, embodied: 5.6}}
          - {id: npu-inference, name: Inference NPU class, memory_gb: 64, power_kw: 0.5, capex_usd: 12000,
             lifetime_years: 5,
             throughput: {video: 0, reasoning: 0.756, embodied: 1.6}}

        """

    private func workloadsText() -> String {
        var text = "schema: 1\n# The bundled study's workloads (Models/workloads.yaml).\nworkloads:\n"
        for workload in Self.workloads {
            text += """
                  - id: \(workload.id)
                    name: \(workload.name)
                    unit: \(workload.unit)
                    latency_slo_ms: \(Self.number(workload.slo))
                    min_memory_gb: \(Self.number(workload.memory))
                    daily_profile: \(workload.profile)

                """
        }
        return text
    }

    private func tenantsText(_ world: World) -> String {
        // Demand in the first year is ~70% of what the first year's power could serve with
        // H200s round the clock, split by tenant weight; it grows 35-70% a year while power
        // grows 10-50%, so power and budget bind as the horizon goes on.
        let firstYearHours = world.facilities.reduce(0.0) { $0 + $1.power[0].mw } * 1000 / Self.h200PowerKW * 8760
        let totalWeight = world.tenants.reduce(0.0) { $0 + $1.weight }
        var text = header + "tenants:\n"
        for tenant in world.tenants {
            let workload = Self.workloads[tenant.workload]
            let first = Self.significant(
                0.7 * firstYearHours * tenant.weight / totalWeight * Self.h200Throughput[tenant.workload], 4)
            var annual = "\(years.lowerBound): \(Self.scientific(first, 4))"
            if parameters.years > 1 {
                let last = first * pow(tenant.growth, Double(parameters.years - 1))
                annual += ", \(years.upperBound): \(Self.scientific(last, 4))"
            }
            let zones = zip(tenant.zones, tenant.shares)
                .map { "\(world.zones[$0.0].id): \(Self.number($0.1))" }.joined(separator: ", ")
            text += """
                  - id: \(tenant.id)
                    workload: \(workload.id)
                    price_usd_per_unit: \(Self.number(tenant.price))
                    committed_share: \(Self.number(tenant.committed))
                    shortfall_penalty_usd_per_unit: \(Self.number(tenant.penalty))
                    residency: \(tenant.residency)
                    demand:
                      annual_units: {\(annual)}
                      zones: {\(zones)}

                """
        }
        return text
    }

    private func scenariosText(_ world: World, random: inout SplitMix64) -> String {
        // Multipliers start the year after the first (before its first year a multiplier is 1).
        let moving = parameters.years > 1 ? Array(years.dropFirst()) : [years.lowerBound]
        /// A yearly random walk of a multiplier, each year's step in [low, high).
        func path(_ low: Double, _ high: Double) -> String {
            var level = 1.0
            return "{"
                + moving.map { year in
                    level *= random.uniform(low, high)
                    return "\(year): \(Self.number(Self.round(level, 3)))"
                }.joined(separator: ", ") + "}"
        }
        let workloads = Self.workloads.map(\.id)
        let regions = world.regionCenters.indices.map { "region-\($0 + 1)" }
        var text = header + "scenarios:\n"
        for s in 0..<parameters.scenarios {
            let probability = Double(world.scenarioWeights[s]) / Double(world.scenarioDenominator)
            guard s > 0 else {
                text +=
                    "  - id: base\n    name: Planning case (tenants as written)\n"
                    + "    probability: \(Self.number(probability))\n"
                continue
            }
            // The downside and upside stories of the bundled scenarios, cycled; each draw
            // differs, so later cycles are new variants of the same story.
            let archetype = Self.scenarioArchetypes[(s - 1) % Self.scenarioArchetypes.count]
            let cycle = (s - 1) / Self.scenarioArchetypes.count
            var sections: [(String, [String])] = []
            switch archetype.id {
            case "demand-spiral":
                sections = [
                    ("demand", workloads.map { "\($0): \(path(1.05, 1.35))" }),
                    ("price", workloads.map { "\($0): \(path(1, 1.05))" }),
                    (
                        "electricity",
                        regions.filter { _ in random.uniform(0, 1) < 0.5 }.map { "\($0): \(path(1, 1.08))" }
                    ),
                ]
            case "efficiency-dominates":
                sections = [
                    ("demand", workloads.map { "\($0): \(path(0.88, 1))" }),
                    ("price", workloads.map { "\($0): \(path(0.7, 0.92))" }),
                    ("efficiency", workloads.map { "\($0): \(path(1.1, 1.4))" }),
                ]
            case "video-litigation":
                sections = [("demand", ["video: \(path(0.3, 0.8))"])]
            case "price-war":
                sections = [
                    ("demand", workloads.map { "\($0): \(path(1, 1.12))" }),
                    ("price", workloads.map { "\($0): \(path(0.78, 0.95))" }),
                ]
            default:
                sections = [("electricity", regions.map { "\($0): \(path(1.03, 1.25))" })]
            }
            text +=
                "  - id: \(archetype.id)\(cycle > 0 ? "-\(cycle + 1)" : "")\n    name: \(archetype.name)\n"
                + "    probability: \(Self.number(probability))\n"
            for (key, entries) in sections where !entries.isEmpty {
                text += "    \(key):\n" + entries.map { "      \($0)\n" }.joined()
            }
        }
        text += "stress: {shock: 0.7, reference: base}\n"
        return text
    }

    static let scenarioArchetypes: [(id: String, name: String)] = [
        ("demand-spiral", "Demand compounds faster than planned"),
        ("efficiency-dominates", "Efficiency outpaces adoption, prices fall"),
        ("video-litigation", "Video demand collapses after rulings"),
        ("price-war", "Prices competed down, volume up a little"),
        ("grid-stress", "Electricity tariffs rise everywhere"),
    ]

    // MARK: Number formats

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }

    /// `value` to `digits` significant digits, read back from its text so that what is
    /// written is what later sums use.
    static func significant(_ value: Double, _ digits: Int) -> Double {
        Double(scientific(value, digits))!
    }

    /// `value` with `digits` significant digits in the schema's exponent form, e.g. `5.273e8`.
    static func scientific(_ value: Double, _ digits: Int) -> String {
        let text = String(format: "%.\(digits - 1)e", value)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        return "\(text[..<e])e\(exponent)"
    }

    static func coordinate(_ value: Double) -> String { number(round(value, 2)) }

    /// Shortest text that reads back as the same Double, without a trailing ".0".
    static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
