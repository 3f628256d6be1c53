import BenchmarkModels
import Foundation

/// A synthetic study of any size in the file schema of docs/design.md §2, for the scale
/// benchmark: region files, hardware, workloads, tenants, scenarios and the study file.
///
/// Everything is drawn from one `SplitMix64` seed, so the same parameters give the same
/// bytes on every machine. The shape follows the bundled study so the LP has the same
/// structure, only larger: regions laid out a few thousand km apart (video reaches a
/// neighbouring region, embodied only nearby sites, reasoning everything), countries
/// with their own time zone and export rules, facilities whose power grows over the
/// horizon, the three accelerator classes and the three workloads of the bundled
/// study, tenants with every residency, and scenarios that move demand, prices,
/// efficiency and electricity. Shares and probabilities are multiples of a power of two
/// written exactly, so they sum to exactly 1.
struct SyntheticStudy {
    struct Parameters {
        var facilities: Int
        var zones: Int
        var tenants: Int
        var years: Int
        var scenarios: Int
        var slices: Int
        var seed: UInt64
        /// Regions; nil derives one per ~8 zones (at least 2, at most 24).
        var regions: Int?
    }

    /// The study file, relative to the output directory.
    static let studyFile = "study.yaml"
    static let startYear = 2026

    let parameters: Parameters

    init(_ parameters: Parameters) throws {
        let p = parameters
        for (name, value) in [("facilities", p.facilities), ("zones", p.zones), ("tenants", p.tenants),
                              ("years", p.years), ("scenarios", p.scenarios)] where value < 1 {
            throw BenchCommand.UsageError(description: "--\(name) must be at least 1, got \(value)")
        }
        guard p.slices >= 1, p.slices <= 24, 24 % p.slices == 0 else {
            throw BenchCommand.UsageError(description: "--slices must divide 24, got \(p.slices)")
        }
        guard p.years <= 100 else { throw BenchCommand.UsageError(description: "--years must be at most 100") }
        if let regions = p.regions, !(1...min(p.zones, p.facilities)).contains(regions) {
            throw BenchCommand.UsageError(description: "--regions must be between 1 and min(zones, facilities)")
        }
        self.parameters = parameters
    }

    var regionCount: Int {
        parameters.regions ?? min(24, max(1, min(parameters.zones, parameters.facilities, max(2, parameters.zones / 8))))
    }

    var years: ClosedRange<Int> { Self.startYear...(Self.startYear + parameters.years - 1) }

    // MARK: The drawn world

    struct Place {
        var lat: Double
        var lon: Double
    }

    struct Country {
        var code: String
        var region: Int
        var center: Place
        var utcOffset: Double
        /// Accelerators export rules allow here; nil = all.
        var hardware: [String]?
        var zones: [Int] = []
        var facilities: [Int] = []
    }

    struct ZoneSite {
        var id: String
        var country: Int
        var place: Place
    }

    struct FacilitySite {
        var id: String
        var country: Int
        var place: Place
        var power: [(year: Int, mw: Double)]
        var pue: Double
        var electricity: Double
        var shell: Double
        var existingH200: Int
    }

    struct TenantSpec {
        var id: String
        var workload: Int
        var residency: String
        var zones: [Int]
        var shares: [Double]
        var weight: Double
        var price: Double
        var committed: Double
        var penalty: Double
        var growth: Double
    }

    /// The three workloads of the bundled study (docs/design.md §1): SLOs that filter arcs
    /// differently, and their daily shapes.
    static let workloads: [(id: String, name: String, unit: String, slo: Double, memory: Double, profile: String)] = [
        ("video", "Multimodal video generation", "second of generated video", 70, 80,
         "[0.35, 0.25, 0.15, 0.15, 0.15, 0.25, 0.45, 0.65, 0.80, 0.90, 1.00, 1.05, 1.10, 1.10, 1.15, 1.25, 1.40, 1.65, 2.00, 2.40, 2.50, 2.20, 1.50, 0.80]"),
        ("reasoning", "Reasoning (long-output LLM)", "million tokens", 250, 40,
         "[0.40, 0.30, 0.30, 0.50, 1.20, 1.60, 1.60, 1.50, 1.30, 1.10, 0.80, 0.60]"),
        ("embodied", "Embodied / robot inference", "robot-hour", 25, 16, "[1.0]"),
    ]

    /// H200-class throughput by workload, to size demand in accelerator-hours.
    static let h200Throughput = [80.0, 2.16, 4.0]
    static let h200PowerKW = 1.25
    static let h200CapexUSD = 42_000.0

    /// Everything drawn from the seed, in a fixed order.
    struct World {
        var regionCenters: [Place] = []
        var countries: [Country] = []
        var zones: [ZoneSite] = []
        var facilities: [FacilitySite] = []
        var measured: [(zone: Int, facility: Int, rtt: Double)] = []
        var tenants: [TenantSpec] = []
        var scenarioWeights: [Int] = []
        var scenarioDenominator = 1
    }

    func draw() -> World {
        var random = SplitMix64(seed: parameters.seed)
        var world = World()
        let regions = regionCount
        // Region centres on a 6-wide lattice 22 degrees apart (~2,300 km at these latitudes):
        // the estimated round trip to a neighbouring region is ~40 ms, inside video's 70 ms,
        // two regions away ~80 ms, outside it.
        for r in 0..<regions {
            world.regionCenters.append(Place(lat: 30 - 22 * Double(r / 6) + random.uniform(-3, 3),
                                             lon: 42 + 22 * Double(r % 6) + random.uniform(-3, 3)))
        }
        let zonesOf = (0..<regions).map { r in stride(from: r, to: parameters.zones, by: regions).map { $0 } }
        let facilitiesOf = (0..<regions).map { r in stride(from: r, to: parameters.facilities, by: regions).map { $0 } }
        // Up to three countries a region, each with at least one zone and one facility, so an
        // in-country tenant always has a facility of its own jurisdiction.
        var countryOfZone = [Int](repeating: 0, count: parameters.zones)
        var countryOfFacility = [Int](repeating: 0, count: parameters.facilities)
        for r in 0..<regions {
            let count = max(1, min(3, zonesOf[r].count, facilitiesOf[r].count))
            let first = world.countries.count
            for _ in 0..<count {
                let center = Place(lat: world.regionCenters[r].lat + random.uniform(-4, 4),
                                   lon: world.regionCenters[r].lon + random.uniform(-4, 4))
                // Export rules (the bundled study's B200 licences): most countries allow all
                // three classes, some no B200, some no NPU.
                let rule = random.uniform(0, 1)
                let hardware: [String]? = rule < 0.6 ? nil
                    : rule < 0.85 ? ["gpu-h200", "npu-inference"] : ["gpu-h200", "gpu-b200"]
                world.countries.append(Country(
                    code: Self.countryCode(world.countries.count), region: r, center: center,
                    utcOffset: min(14, max(-12, (center.lon / 7.5).rounded() / 2)), hardware: hardware))
            }
            for (position, z) in zonesOf[r].enumerated() { countryOfZone[z] = first + position % count }
            for (position, f) in facilitiesOf[r].enumerated() { countryOfFacility[f] = first + position % count }
        }
        for z in 0..<parameters.zones {
            let country = countryOfZone[z], center = world.countries[country].center
            world.countries[country].zones.append(z)
            world.zones.append(ZoneSite(id: "zone-\(z + 1)", country: country,
                                        place: Place(lat: center.lat + random.uniform(-3, 3),
                                                     lon: center.lon + random.uniform(-3, 3))))
        }
        for f in 0..<parameters.facilities {
            let country = countryOfFacility[f]
            world.countries[country].facilities.append(f)
            let facility = drawFacility(f, country: country, world: world, random: &random)
            world.facilities.append(facility)
        }
        // A quarter of the zones have a measured round trip to their nearest facility, which
        // overrides the estimate (routes are rarely the great circle).
        for z in 0..<parameters.zones where random.uniform(0, 1) < 0.25 {
            let nearest = (0..<parameters.facilities).min {
                Self.estimatedRTT(world.zones[z].place, world.facilities[$0].place)
                    < Self.estimatedRTT(world.zones[z].place, world.facilities[$1].place)
            }!
            let estimate = Self.estimatedRTT(world.zones[z].place, world.facilities[nearest].place)
            world.measured.append((z, nearest, max(1, (estimate * random.uniform(0.85, 1.3) * 2).rounded() / 2)))
        }
        for t in 0..<parameters.tenants {
            let tenant = drawTenant(t, world: world, random: &random)
            world.tenants.append(tenant)
        }
        // The planning case carries about three times the weight of any other scenario.
        world.scenarioDenominator = Self.powerOfTwo(atLeast: 64 * parameters.scenarios)
        world.scenarioWeights = Self.apportion(
            (0..<parameters.scenarios).map { $0 == 0 ? 3 : random.uniform(0.5, 1.5) }, over: world.scenarioDenominator)
        return world
    }

    private func drawFacility(_ f: Int, country: Int, world: World, random: inout SplitMix64) -> FacilitySite {
        // Near one of its country's zones (within ~110 km), so embodied demand there can reach it.
        let zones = world.countries[country].zones
        let anchor = world.zones[zones[random.index(zones.count)]].place
        let place = Place(lat: anchor.lat + random.uniform(-1, 1), lon: anchor.lon + random.uniform(-1, 1))
        var mw = (random.uniform(20, 150) / 5).rounded() * 5
        var power = [(years.lowerBound, mw)]
        for year in years.dropFirst() {
            mw = (mw * random.uniform(1.1, 1.5) / 5).rounded() * 5
            // Not every year is listed: a year carries forward (docs/design.md §2).
            if random.uniform(0, 1) < 0.75 { power.append((year, mw)) }
        }
        let shell = (random.uniform(8, 15) * 10).rounded() / 10 * 1e6
        // Existing H200s (allowed everywhere) fit in the first year's power, so in every
        // year they are alive (power never falls).
        let existing = random.uniform(0, 1) < 0.3
            ? Int(power[0].1 * random.uniform(0.1, 0.4) * 1000 / Self.h200PowerKW / 100) * 100 : 0
        return FacilitySite(
            id: "site-\(f + 1)", country: country, place: place, power: power,
            pue: (random.uniform(1.15, 1.5) * 100).rounded() / 100,
            electricity: random.uniform(25, 130).rounded(), shell: shell, existingH200: existing)
    }

    private func drawTenant(_ t: Int, world: World, random: inout SplitMix64) -> TenantSpec {
        let workload = t % 3
        let roll = random.uniform(0, 1)
        let residency: String
        switch workload {
        case 0: residency = roll < 0.5 ? "anywhere" : roll < 0.9 ? "in-region" : "in-country"
        case 1: residency = roll < 0.4 ? "anywhere" : roll < 0.7 ? "in-region" : "in-country"
        default: residency = roll < 0.7 ? "anywhere" : "in-country"
        }
        var candidates: [Int]
        var fraction: Double
        switch residency {
        case "in-country":
            candidates = world.countries[random.index(world.countries.count)].zones
            fraction = 1
        case "in-region":
            let region = random.index(world.regionCenters.count)
            candidates = world.zones.indices.filter { world.countries[world.zones[$0].country].region == region }
            fraction = random.uniform(0.5, 1)
        default:
            if workload == 2 {
                // A robot fleet operates in one or two regions; its latency target keeps it local anyway.
                let first = random.index(world.regionCenters.count), second = random.index(world.regionCenters.count)
                candidates = world.zones.indices.filter {
                    [first, second].contains(world.countries[world.zones[$0].country].region)
                }
                fraction = random.uniform(0.5, 1)
            } else {
                candidates = Array(world.zones.indices)
                fraction = random.uniform(0.2, workload == 0 ? 0.5 : 0.6)
            }
        }
        let count = max(1, min(candidates.count, Int((Double(candidates.count) * fraction).rounded())))
        for i in 0..<count { candidates.swapAt(i, i + random.index(candidates.count - i)) }
        let zones = candidates.prefix(count).sorted()
        let denominator = Self.powerOfTwo(atLeast: 64 * zones.count)
        let shares = Self.apportion(zones.map { _ in random.uniform(0.2, 1) }, over: denominator)
            .map { Double($0) / Double(denominator) }
        let price: Double, committed: Double, penalty: Double
        switch workload {
        case 0:
            price = Self.round(random.uniform(0.05, 0.2), 3)
            committed = Self.round(random.uniform(0.1, 0.5), 2)
            penalty = Self.round(price * random.uniform(0.4, 1), 3)
        case 1:
            price = Self.round(random.uniform(2, 8), 2)
            committed = Self.round(random.uniform(0.2, 0.9), 2)
            penalty = Self.round(price * random.uniform(0.5, 2), 2)
        default:
            price = Self.round(random.uniform(1.2, 3), 2)
            committed = Self.round(random.uniform(0.8, 0.95), 2)
            penalty = Self.round(price * random.uniform(5, 15), 1)
        }
        return TenantSpec(id: "\(Self.workloads[workload].id)-tenant-\(t / 3 + 1)", workload: workload,
                          residency: residency, zones: zones, shares: shares, weight: random.uniform(0.5, 1.5),
                          price: price, committed: committed, penalty: penalty, growth: random.uniform(1.35, 1.7))
    }

    // MARK: Files

    /// Every file, relative to the output directory; the study file first.
    func files() -> [(path: String, text: String)] {
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

    private var header: String {
        let p = parameters
        return """
        schema: 1
        # Synthetic data written by: placement-bench generate-study --facilities \(p.facilities) --zones \(p.zones) \
        --tenants \(p.tenants) --years \(p.years) --scenarios \(p.scenarios) --slices \(p.slices) --seed \(p.seed)
        # Not real figures: shaped like the bundled study, sized for benchmarks.

        """
    }

    private func studyText(_ world: World) -> String {
        // A budget of ~60% of what filling every facility's final power with H200s would
        // cost, so the budget row binds as in the bundled study.
        let fullBuild = world.facilities.reduce(0.0) { total, facility in
            total + facility.power.last!.mw * (1000 / Self.h200PowerKW * Self.h200CapexUSD + facility.shell)
        }
        var text = header + """
        name: Synthetic study, \(parameters.facilities) facilities, \(parameters.zones) zones, \(parameters.tenants) tenants
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
        var text = header + "region: region-\(r + 1)\nname: Synthetic region \(r + 1)\nzones:\n"
        let countries = world.countries.indices.filter { world.countries[$0].region == r }
        for c in countries {
            let country = world.countries[c]
            for z in country.zones {
                let place = world.zones[z].place
                text += "  - {id: \(world.zones[z].id), jurisdiction: \(country.code), "
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
                text += "  - {zone: \(world.zones[entry.zone].id), facility: \(world.facilities[entry.facility].id), "
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
      - {id: npu-inference, name: Inference NPU class, memory_gb: 64, power_kw: 0.5, capex_usd: 12000, lifetime_years: 5,
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
                annual += ", \(years.upperBound): \(Self.scientific(first * pow(tenant.growth, Double(parameters.years - 1)), 4))"
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
            return "{" + moving.map { year in
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
                text += "  - id: base\n    name: Planning case (tenants as written)\n    probability: \(Self.number(probability))\n"
                continue
            }
            // The downside and upside stories of the bundled scenarios, cycled; each draw
            // differs, so later cycles are new variants of the same story.
            let archetype = Self.scenarioArchetypes[(s - 1) % Self.scenarioArchetypes.count]
            let cycle = (s - 1) / Self.scenarioArchetypes.count
            var sections: [(String, [String])] = []
            switch archetype.id {
            case "demand-spiral":
                sections = [("demand", workloads.map { "\($0): \(path(1.05, 1.35))" }),
                            ("price", workloads.map { "\($0): \(path(1, 1.05))" }),
                            ("electricity", regions.filter { _ in random.uniform(0, 1) < 0.5 }.map { "\($0): \(path(1, 1.08))" })]
            case "efficiency-dominates":
                sections = [("demand", workloads.map { "\($0): \(path(0.88, 1))" }),
                            ("price", workloads.map { "\($0): \(path(0.7, 0.92))" }),
                            ("efficiency", workloads.map { "\($0): \(path(1.1, 1.4))" })]
            case "video-litigation":
                sections = [("demand", ["video: \(path(0.3, 0.8))"])]
            case "price-war":
                sections = [("demand", workloads.map { "\($0): \(path(1, 1.12))" }),
                            ("price", workloads.map { "\($0): \(path(0.78, 0.95))" })]
            default:
                sections = [("electricity", regions.map { "\($0): \(path(1.03, 1.25))" })]
            }
            text += "  - id: \(archetype.id)\(cycle > 0 ? "-\(cycle + 1)" : "")\n    name: \(archetype.name)\n"
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

    // MARK: Helpers

    /// Round trip estimated as docs/design.md §2 does with the study's defaults (route
    /// factor 1.6, 4 ms base, haversine on a 6371 km sphere).
    static func estimatedRTT(_ a: Place, _ b: Place) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.lat - a.lat) * radians, dLon = (b.lon - a.lon) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * radians) * cos(b.lat * radians) * sin(dLon / 2) * sin(dLon / 2)
        let km = 2 * 6371.0 * asin(min(1, sqrt(h)))
        return 2 * km * 1.6 / 200 + 4
    }

    /// Whole parts of `denominator` in proportion to `weights`, each at least 1 and summing
    /// exactly to `denominator`; the rounding remainder goes to the largest part.
    static func apportion(_ weights: [Double], over denominator: Int) -> [Int] {
        let total = weights.reduce(0, +)
        var parts = weights.map { max(1, Int(($0 / total * Double(denominator)).rounded(.down))) }
        let largest = parts.indices.max { parts[$0] < parts[$1] }!
        parts[largest] += denominator - parts.reduce(0, +)
        return parts
    }

    /// k / 2^n is exact in binary and in a short decimal, so parts written this way sum to
    /// exactly 1 when read back.
    static func powerOfTwo(atLeast value: Int) -> Int {
        var result = 1024
        while result < value { result *= 2 }
        return result
    }

    /// ISO 3166 reserves XA-XZ and QM-QZ for user-assigned codes; beyond those, any pair.
    static func countryCode(_ n: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if n < 26 { return "X\(letters[n])" }
        if n < 40 { return "Q\(letters[n - 26 + 12])" }
        let k = n - 40
        return "\(letters[(k / 26) % 26])\(letters[k % 26])"
    }

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

extension SplitMix64 {
    /// Uniform in [low, high), from the top 53 bits (portable, unlike `Double.random(in:)`).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in 0..<count.
    mutating func index(_ count: Int) -> Int {
        Int(next() % UInt64(count))
    }
}
