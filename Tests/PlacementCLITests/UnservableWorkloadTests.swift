import Foundation
import PlacementTestSupport
import Testing

/// A workload that no accelerator can serve is a located warning (docs/design.md §4, "Empty
/// fleets and unreachable demand"): `validate` and `optimize` exit 0, the plan reports its
/// tenants' demand under `unreachable_demand` with the reason, and a sweep over `min_memory_gb`
/// writes a row for such a variant.
///
/// The study `tiny/study.yaml` (one year, rate 0, one time slice): facility `abu-dhabi` (PUE 1,
/// 100 USD/MWh, no shell cost or fixed O&M, 10 MW) reached from zone `dubai` in 3 ms; one
/// accelerator `gpu` (80 GB, 1 kW, 1,000 USD, 1-year life, 10 units/hour of either workload);
/// tenant `studio` buys 876,000 video units a year (100 an hour) and tenant `robots` 87,600
/// embodied units (10 an hour), both at 1 USD. A unit earns 1 - 0.1/10 = 0.99 USD and a GPU
/// busy all year 86,724 USD against its 1,000 USD, so every servable unit is served:
/// - both workloads served: 11 GPUs, NPV = 963,600 - 9,636 - 11,000 = 942,964 USD;
/// - embodied needing 500 GB (unservable): 10 GPUs, NPV = 876,000 - 8,760 - 10,000 = 857,240 USD.
/// Either way every GPU is busy all year: fleet utilization 1.
@Suite struct UnservableWorkloadTests {
    let cli: CommandLineRun
    init() throws {
        cli = try CommandLineRun()
        try FileManager.default.createDirectory(atPath: cli.path("tiny"), withIntermediateDirectories: true)
        for (name, text) in Self.files { try cli.write("tiny/" + name, text) }
    }

    static let warning = """
        tiny/workloads.yaml:7:9: warning: no hardware can serve workload 'embodied' \
        (throughput > 0 and at least 500 GB); its tenants' demand is unreachable
          hint: give an accelerator with enough memory a throughput for 'embodied'; until then the plan reports its \
        demand under unreachable_demand

        """

    @Test func validateWarnsWithTheLocationAndExitsZero() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["validate", "tiny/study.yaml"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.error == Self.warning)
    }

    @Test func optimizeReportsTheTenantsDemandAsUnreachableWithTheReason() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["optimize", "tiny/study.yaml", "--format", "json", "--output", "plan.json"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.error.hasPrefix(Self.warning), "\(outcome.error)")
        let text = try cli.read("plan.json")
        #expect(
            text.contains(
                """
                  "unreachable_demand": [
                    {
                      "tenant": "robots",
                      "zone": "dubai",
                      "reason": "no accelerator allowed at the 1 eligible facility has the memory (500 GB) \
                and throughput for embodied"
                    }
                  ],
                """), "\(text)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        expectClose(plan["expected_npv_usd"] as? Double, 857_240)
        let capacity = try #require(plan["capacity"] as? [[String: Any]])
        #expect(capacity.count == 1)
        expectClose(capacity.first?["installed"] as? Double, 10)
    }

    /// The base study (500 GB) warns and loads; the second variant makes `embodied` unservable
    /// and still gives an optimal row, with the embodied revenue gone, instead of stopping the sweep.
    @Test func aSweepOverMinimumMemoryKeepsGoingPastAnUnservableVariant() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["sweep", "tiny/sweep.yaml", "--output", "runs", "--workers", "1"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.error.hasPrefix(Self.warning), "\(outcome.error)")
        let lines = try cli.read("runs.csv").split(separator: "\n")
        try #require(lines.count == 3, "\(lines)")
        #expect(
            lines[0] == "variant,workloads.embodied.min_memory_gb,status,expected_npv_usd,cvar_npv_usd,"
                + "fleet_utilization,resilience,expected_stranded_usd")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { Array($0[0...2]) } == [["0", "24", "optimal"], ["1", "500", "optimal"]])
        for (row, npv) in zip(rows, [942_964.0, 857_240]) {
            expectClose(Double(row[3]), npv)
            expectClose(Double(row[5]), 1)
            expectClose(Double(row[7]), 0)
        }
    }

    static let files: [(String, String)] = [
        (
            "study.yaml",
            """
            schema: 1
            name: One facility, one accelerator, two workloads
            regions: [gulf.yaml]
            hardware: hardware.yaml
            workloads: workloads.yaml
            tenants: tenants.yaml
            scenarios: scenarios.yaml
            horizon: {start: 2026, end: 2026}
            discount_rate: 0
            time_slices: 1

            """
        ),
        (
            "gulf.yaml",
            """
            schema: 1
            region: gulf
            zones:
              - id: dubai
                jurisdiction: AE
                location: {lat: 25.20, lon: 55.27}
                utc_offset_hours: 4
            facilities:
              - id: abu-dhabi
                jurisdiction: AE
                location: {lat: 24.45, lon: 54.38}
                power_mw: {2026: 10}
                pue: 1
                electricity_usd_per_mwh: 100
                shell_capex_usd_per_mw: 0
                fixed_om_usd_per_mw_year: 0
            latency_ms:
              - {zone: dubai, facility: abu-dhabi, rtt_ms: 3}

            """
        ),
        (
            "hardware.yaml",
            """
            schema: 1
            hardware:
              - id: gpu
                memory_gb: 80
                power_kw: 1
                capex_usd: 1_000
                lifetime_years: 1
                throughput: {video: 10, embodied: 10}

            """
        ),
        (
            "workloads.yaml",
            """
            schema: 1
            workloads:
              - id: video
                unit: second of video
                latency_slo_ms: 50
                min_memory_gb: 40
              - id: embodied
                unit: robot-hour
                latency_slo_ms: 25
                min_memory_gb: 500

            """
        ),
        (
            "tenants.yaml",
            """
            schema: 1
            tenants:
              - id: studio
                workload: video
                price_usd_per_unit: 1
                demand:
                  annual_units: {2026: 876_000}
                  zones: {dubai: 1}
              - id: robots
                workload: embodied
                price_usd_per_unit: 1
                demand:
                  annual_units: {2026: 87_600}
                  zones: {dubai: 1}

            """
        ),
        (
            "scenarios.yaml",
            """
            schema: 1
            scenarios:
              - id: base
                probability: 1

            """
        ),
        (
            "sweep.yaml",
            """
            schema: 1
            base: study.yaml
            mode: grid
            vary:
              - path: workloads.embodied.min_memory_gb
                values: [24, 500]

            """
        ),
    ]
}
