import Foundation

/// The world a synthetic study describes, drawn from its seed: places, countries, facilities,
/// tenants and scenario weights.
extension SyntheticStudy {
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

    /// The three workloads of the bundled study (design.md §1): SLOs that filter arcs
    /// differently, and their daily shapes.
    static let workloads: [(id: String, name: String, unit: String, slo: Double, memory: Double, profile: String)] = [
        (
            "video", "Multimodal video generation", "second of generated video", 70, 80,
            "[0.35, 0.25, 0.15, 0.15, 0.15, 0.25, 0.45, 0.65, 0.80, 0.90, 1.00, 1.05, "
                + "1.10, 1.10, 1.15, 1.25, 1.40, 1.65, 2.00, 2.40, 2.50, 2.20, 1.50, 0.80]"
        ),
        (
            "reasoning", "Reasoning (long-output LLM)", "million tokens", 250, 40,
            "[0.40, 0.30, 0.30, 0.50, 1.20, 1.60, 1.60, 1.50, 1.30, 1.10, 0.80, 0.60]"
        ),
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
            world.regionCenters.append(
                Place(
                    lat: 30 - 22 * Double(r / 6) + random.uniform(-3, 3),
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
                let center = Place(
                    lat: world.regionCenters[r].lat + random.uniform(-4, 4),
                    lon: world.regionCenters[r].lon + random.uniform(-4, 4))
                // Export rules (the bundled study's B200 licences): most countries allow all
                // three classes, some no B200, some no NPU.
                let rule = random.uniform(0, 1)
                let hardware: [String]? =
                    rule < 0.6
                    ? nil
                    : rule < 0.85 ? ["gpu-h200", "npu-inference"] : ["gpu-h200", "gpu-b200"]
                world.countries.append(
                    Country(
                        code: Self.countryCode(world.countries.count), region: r, center: center,
                        utcOffset: min(14, max(-12, (center.lon / 7.5).rounded() / 2)), hardware: hardware))
            }
            for (position, z) in zonesOf[r].enumerated() { countryOfZone[z] = first + position % count }
            for (position, f) in facilitiesOf[r].enumerated() { countryOfFacility[f] = first + position % count }
        }
        for z in 0..<parameters.zones {
            let country = countryOfZone[z]
            let center = world.countries[country].center
            world.countries[country].zones.append(z)
            world.zones.append(
                ZoneSite(
                    id: "zone-\(z + 1)", country: country,
                    place: Place(
                        lat: center.lat + random.uniform(-3, 3),
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
            // Not every year is listed: a year carries forward (design.md §2).
            if random.uniform(0, 1) < 0.75 { power.append((year, mw)) }
        }
        let shell = (random.uniform(8, 15) * 10).rounded() / 10 * 1e6
        // Existing H200s (allowed everywhere) fit in the first year's power, so in every
        // year they are alive (power never falls).
        let existing =
            random.uniform(0, 1) < 0.3
            ? Int(power[0].1 * random.uniform(0.1, 0.4) * 1000 / Self.h200PowerKW / 100) * 100 : 0
        return FacilitySite(
            id: parameters.hostileNames ? String(format: "campus-%02d-long-facility-name", f + 1) : "site-\(f + 1)",
            country: country, place: place, power: power,
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
                let first = random.index(world.regionCenters.count)
                let second = random.index(world.regionCenters.count)
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
        let price: Double
        let committed: Double
        let penalty: Double
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
        return TenantSpec(
            id: "\(Self.workloads[workload].id)-tenant-\(t / 3 + 1)", workload: workload,
            residency: residency, zones: zones, shares: shares, weight: random.uniform(0.5, 1.5),
            price: price, committed: committed, penalty: penalty, growth: random.uniform(1.35, 1.7))
    }

    // MARK: Drawing helpers

    /// Round trip estimated as design.md §2 does with the study's defaults (route
    /// factor 1.6, 4 ms base, haversine on a 6371 km sphere).
    static func estimatedRTT(_ a: Place, _ b: Place) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.lat - a.lat) * radians
        let dLon = (b.lon - a.lon) * radians
        let h =
            sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * radians) * cos(b.lat * radians) * sin(dLon / 2) * sin(dLon / 2)
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
}
