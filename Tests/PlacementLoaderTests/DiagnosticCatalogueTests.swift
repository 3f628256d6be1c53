import PlacementLoader
import Testing

/// Every kind of data error, each on a fixture edited in one place, with the exact text
/// `validate` prints (file:line:column, severity, message, hint).
@Suite("Diagnostics for invalid data")
struct DiagnosticCatalogueTests {
    static let gulf = "Regions/gulf.yaml"
    static let india = "Regions/india.yaml"
    static let hardware = "Models/hardware.yaml"
    static let workloads = "Models/workloads.yaml"
    static let tenants = "Models/tenants.yaml"
    static let scenarios = "Models/scenarios.yaml"
    static let study = "Models/baseline.yaml"

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            name: "unknown key with did-you-mean",
            edits: [FixtureEdit(gulf, "    name: Abu Dhabi AI campus", "    nmae: Abu Dhabi AI campus")],
            expected: [
                """
                Regions/gulf.yaml:15:5: error: unknown key 'nmae' in facility 'abu-dhabi-campus'
                  hint: did you mean 'name'?
                """
            ]),
        DiagnosticCase(
            name: "unknown workload of a tenant",
            edits: [FixtureEdit(tenants, "workload: reasoning", "workload: reasonin")],
            expected: [
                """
                Models/tenants.yaml:21:15: error: tenant 'agent-labs' names unknown workload 'reasonin'
                  hint: did you mean 'reasoning'?
                """
            ]),
        DiagnosticCase(
            name: "unknown zone in zone shares",
            edits: [FixtureEdit(tenants, "{mumbai: 0.7, delhi: 0.3}", "{mumbai: 0.7, dehli: 0.3}")],
            expected: [
                """
                Models/tenants.yaml:19:28: error: tenant 'india-video' names unknown zone 'dehli'
                  hint: did you mean 'delhi'?
                """
            ]),
        DiagnosticCase(
            name: "unknown hardware in an allow-list",
            edits: [FixtureEdit(gulf, "[gpu-h200, gpu-b200]", "[gpu-h200, gpu-b20]")],
            expected: [
                """
                Regions/gulf.yaml:23:26: error: facility 'abu-dhabi-campus' names unknown hardware 'gpu-b20'
                  hint: did you mean 'gpu-b200' or 'gpu-h200'?
                """
            ]),
        DiagnosticCase(
            name: "unknown hardware in existing units",
            edits: [FixtureEdit(gulf, "{gpu-h200: 2_000}", "{gpu-h20: 2_000}")],
            expected: [
                """
                Regions/gulf.yaml:24:16: error: facility 'abu-dhabi-campus' names unknown hardware 'gpu-h20'
                  hint: did you mean 'gpu-h200' or 'gpu-b200'?
                """
            ]),
        DiagnosticCase(
            name: "unknown zone and facility in a measured latency",
            edits: [
                FixtureEdit(
                    gulf, "{zone: dubai, facility: abu-dhabi-campus, rtt_ms: 3}",
                    "{zone: dubay, facility: abu-dhabi-campu, rtt_ms: 3}")
            ],
            expected: [
                """
                Regions/gulf.yaml:34:12: error: latency entry names unknown zone 'dubay'
                  hint: did you mean 'dubai'?
                """,
                """
                Regions/gulf.yaml:34:29: error: latency entry names unknown facility 'abu-dhabi-campu'
                  hint: did you mean 'abu-dhabi-campus'?
                """,
            ]),
        DiagnosticCase(
            name: "unknown workload and region in scenario multipliers",
            edits: [
                FixtureEdit(
                    scenarios, "demand: {video: {2027: 1.5, 2029: 2}}", "demand: {vidoe: {2027: 1.5, 2029: 2}}"),
                FixtureEdit(scenarios, "electricity: {gulf:", "electricity: {gluf:"),
            ],
            expected: [
                """
                Models/scenarios.yaml:8:14: error: scenario 'video-boom' names unknown workload 'vidoe'
                  hint: did you mean 'video'?
                """,
                """
                Models/scenarios.yaml:14:19: error: scenario 'efficiency-shock' names unknown region 'gluf'
                  hint: did you mean 'gulf'?
                """,
            ]),
        DiagnosticCase(
            name: "unknown stress reference",
            edits: [FixtureEdit(scenarios, "reference: base", "reference: bsae")],
            expected: [
                """
                Models/scenarios.yaml:17:14: error: stress names unknown scenario 'bsae'
                  hint: did you mean 'base'?
                """
            ]),
        DiagnosticCase(
            name: "duplicate id across region files",
            edits: [FixtureEdit(india, "id: chennai-park", "id: riyadh-hexagon")],
            expected: [
                """
                Regions/india.yaml:24:9: error: duplicate facility id 'riyadh-hexagon'
                  hint: first declared at Regions/gulf.yaml:25:9; ids must be unique
                """
            ]),
        DiagnosticCase(
            name: "text where a number is expected",
            edits: [FixtureEdit(hardware, "capex_usd: 35_000", "capex_usd: lots")],
            expected: [
                """
                Models/hardware.yaml:7:16: error: 'capex_usd' must be a number, found 'lots'
                  hint: write a number from 0 to 1e9, e.g. 1.5, 1_000 or 9.2e6
                """
            ]),
        DiagnosticCase(
            name: "quoted number",
            edits: [FixtureEdit(hardware, "capex_usd: 35_000", "capex_usd: \"35000\"")],
            expected: [
                """
                Models/hardware.yaml:7:16: error: 'capex_usd' must be a number, found the quoted text '35000'
                  hint: write a number from 0 to 1e9 without quotes, e.g. 1.5, 1_000 or 9.2e6
                """
            ]),
        DiagnosticCase(
            name: "mapping where a list is expected",
            edits: [FixtureEdit(gulf, "hardware: [gpu-h200, gpu-b200]", "hardware: {gpu-h200: 1}")],
            expected: [
                """
                Regions/gulf.yaml:23:15: error: 'hardware' must be a list, found a mapping
                  hint: write one '- item' per line, or [a, b]
                """
            ]),
        DiagnosticCase(
            name: "missing required field",
            edits: [FixtureEdit(workloads, "    unit: robot-hour\n", "")],
            expected: [
                """
                Models/workloads.yaml:14:5: error: workload 'embodied' is missing 'unit'
                  hint: add 'unit: …' with text
                """
            ]),
        DiagnosticCase(
            name: "negative and non-finite numbers",
            edits: [
                FixtureEdit(gulf, "electricity_usd_per_mwh: 48", "electricity_usd_per_mwh: -48"),
                FixtureEdit(gulf, "pue: 1.4", "pue: .inf"),
            ],
            expected: [
                """
                Regions/gulf.yaml:29:10: error: 'pue' must be a finite number, found '.inf'
                  hint: write a number from 1 to 10
                """,
                """
                Regions/gulf.yaml:30:30: error: 'electricity_usd_per_mwh' must not be negative, found -48
                  hint: write a number from 0 to 1e5
                """,
            ]),
        DiagnosticCase(
            name: "PUE below 1 and a fractional lifetime",
            edits: [
                FixtureEdit(gulf, "pue: 1.35", "pue: 0.9"),
                FixtureEdit(hardware, "lifetime_years: 4", "lifetime_years: 2.5"),
            ],
            expected: [
                """
                Regions/gulf.yaml:19:10: error: 'pue' must be at least 1, found 0.9
                  hint: write a number from 1 to 10
                """,
                """
                Models/hardware.yaml:20:21: error: 'lifetime_years' must be a whole number from 1 to 100, found 2.5
                  hint: write a whole number from 1 to 100
                """,
            ]),
        DiagnosticCase(
            name: "zero power per accelerator",
            edits: [FixtureEdit(hardware, "power_kw: .4", "power_kw: 0")],
            expected: [
                """
                Models/hardware.yaml:18:15: error: 'power_kw' must be at least 0.001, found 0
                  hint: write a number from 0.001 to 1000
                """
            ]),
        DiagnosticCase(
            name: "probabilities that do not sum to 1",
            edits: [FixtureEdit(scenarios, "probability: 0.2", "probability: 0.25")],
            expected: [
                """
                Models/scenarios.yaml:2:1: error: scenario probabilities sum to 1.05, not 1
                  hint: make the probabilities add up to 1 (within 1e-6)
                """
            ]),
        DiagnosticCase(
            name: "zone shares that do not sum to 1",
            edits: [FixtureEdit(tenants, "{dubai: 0.6, riyadh: 0.4}", "{dubai: 0.6, riyadh: 0.5}")],
            expected: [
                """
                Models/tenants.yaml:12:14: error: zone shares of tenant 'gulf-studios' sum to 1.1, not 1
                  hint: make the shares add up to 1 (within 1e-6)
                """
            ]),
        DiagnosticCase(
            name: "committed share above 1",
            edits: [FixtureEdit(tenants, "committed_share: 0.3", "committed_share: 1.5")],
            expected: [
                """
                Models/tenants.yaml:7:22: error: 'committed_share' must be between 0 and 1, found 1.5
                  hint: write a number from 0 to 1
                """
            ]),
        DiagnosticCase(
            name: "implausible and non-integer year keys",
            edits: [
                FixtureEdit(scenarios, "{video: {2027: 1.5, 2029: 2}}", "{video: {227: 1.5, 2029: 2}}"),
                FixtureEdit(india, "power_mw: {2026: 80}", "power_mw: {2026.5: 80}"),
            ],
            expected: [
                """
                Regions/india.yaml:18:16: error: year key '2026.5' in 'power_mw' is not an integer
                  hint: key each value by a whole year, e.g. 2028
                """,
                """
                Models/scenarios.yaml:8:22: error: year 227 in 'demand.video' is not a plausible year
                  hint: write years in full, e.g. 2028
                """,
            ]),
        DiagnosticCase(
            name: "daily profile of a length that does not divide 24, and a zero entry",
            edits: [
                FixtureEdit(workloads, "[0.4, 0.6, 1.4, 1.6]", "[0.4, 0.6, 1.4, 1.6, 1]"),
                FixtureEdit(workloads, "[0.7, 1.3]", "[0.7, 0]"),
            ],
            expected: [
                """
                Models/workloads.yaml:8:20: error: 'daily_profile' has 5 entries, which does not divide 24
                  hint: use 1, 2, 3, 4, 6, 8, 12 or 24 entries, one per equal part of the local day
                """,
                """
                Models/workloads.yaml:13:26: error: 'daily_profile' must be at least 0.001, found 0
                  hint: write a number from 0.001 to 1000
                """,
            ]),
        DiagnosticCase(
            name: "time slices that do not divide 24",
            edits: [FixtureEdit(study, "time_slices: 6", "time_slices: 5")],
            expected: [
                """
                Models/baseline.yaml:10:14: error: 'time_slices' must divide 24 (1, 2, 3, 4, 6, 8, 12 or 24), found 5
                  hint: write a divisor of 24 (1, 2, 3, 4, 6, 8, 12 or 24)
                """
            ]),
        DiagnosticCase(
            name: "schema missing, and newer than supported",
            edits: [
                FixtureEdit(hardware, "schema: 1\n", ""),
                FixtureEdit(workloads, "schema: 1", "schema: 2"),
            ],
            expected: [
                """
                Models/hardware.yaml:1:1: error: missing 'schema: 1' in the hardware file
                  hint: start every file with 'schema: 1'
                """,
                """
                Models/workloads.yaml:1:9: error: schema 2 is newer than this tool supports (1)
                  hint: use a newer placement, or write the file for schema 1
                """,
            ]),
        DiagnosticCase(
            name: "a study path that does not exist",
            edits: [FixtureEdit(study, "../Regions/india.yaml", "../Regions/indai.yaml")],
            expected: [
                """
                Models/baseline.yaml:3:33: error: cannot read 'Regions/indai.yaml': no such file
                  hint: check the path; it is relative to the file that names it
                """
            ],
            kind: .missingInput),
        DiagnosticCase(
            name: "an id that is not kebab-case",
            edits: [FixtureEdit(tenants, "id: robot-fleet", "id: Robot Fleet")],
            expected: [
                """
                Models/tenants.yaml:29:9: error: 'Robot Fleet' is not a valid id
                  hint: ids are lower-case kebab-case (letters, digits, single hyphens), e.g. 'robot-fleet'
                """
            ]),
        DiagnosticCase(
            name: "jurisdiction that is not two upper-case letters",
            edits: [
                FixtureEdit(
                    gulf, "    jurisdiction: AE\n    location: {lat: 25.20",
                    "    jurisdiction: UAE\n    location: {lat: 25.20"),
                FixtureEdit(
                    india, "    jurisdiction: IN\n    location: {lat: 19.08",
                    "    jurisdiction: in\n    location: {lat: 19.08"),
            ],
            expected: [
                """
                Regions/gulf.yaml:6:19: error: 'jurisdiction' must be two upper-case letters, found 'UAE'
                  hint: use the ISO 3166-1 alpha-2 code, e.g. 'AE', 'IN', 'SG'
                """,
                """
                Regions/india.yaml:6:19: error: 'jurisdiction' must be two upper-case letters, found 'in'
                  hint: did you mean 'IN'?
                """,
            ]),
        DiagnosticCase(
            name: "latitude and longitude out of range",
            edits: [
                FixtureEdit(gulf, "{lat: 25.20, lon: 55.27}", "{lat: 95.2, lon: 55.27}"),
                FixtureEdit(india, "{lat: 13.08, lon: 80.27}", "{lat: 13.08, lon: 200}"),
            ],
            expected: [
                """
                Regions/gulf.yaml:7:21: error: 'lat' must be between -90 and 90 degrees, found 95.2
                  hint: write a latitude from -90 to 90
                """,
                """
                Regions/india.yaml:26:33: error: 'lon' must be between -180 and 180 degrees, found 200
                  hint: write a longitude from -180 to 180
                """,
            ]),
        DiagnosticCase(
            name: "one latency pair measured twice with different values in two files",
            edits: [
                FixtureEdit(
                    india, "  - {zone: dubai, facility: navi-mumbai, rtt_ms: 28}",
                    "  - {zone: dubai, facility: navi-mumbai, rtt_ms: 28}\n  - {zone: dubai, facility: abu-dhabi-campus, rtt_ms: 5}"
                )
            ],
            expected: [
                """
                Regions/india.yaml:35:5: error: latency dubai -> abu-dhabi-campus is measured twice with different values (3 and 5 ms)
                  hint: keep one measurement; the other is at Regions/gulf.yaml:34:5
                """
            ]),
        DiagnosticCase(
            name: "existing units of hardware the facility does not allow",
            edits: [FixtureEdit(gulf, "hardware: [gpu-h200, gpu-b200]", "hardware: [gpu-b200]")],
            expected: [
                """
                Regions/gulf.yaml:24:16: error: existing units of 'gpu-h200' at facility 'abu-dhabi-campus' are not allowed there
                  hint: add 'gpu-h200' to the facility's hardware list or remove the existing units
                """
            ]),
        DiagnosticCase(
            name: "existing units that do not fit in power_mw",
            edits: [FixtureEdit(gulf, "{gpu-h200: 2_000}", "{gpu-h200: 50_000}")],
            expected: [
                """
                Regions/gulf.yaml:24:16: error: existing units at facility 'abu-dhabi-campus' draw 60 MW in 2026, more than its power_mw of 50
                  hint: raise power_mw for 2026 or reduce the existing units; the plan could not exist
                """
            ]),
        DiagnosticCase(
            name: "existing units still alive in a year without power",
            edits: [
                FixtureEdit(gulf, "power_mw: {2026: 50, 2028: 200}", "power_mw: {2026: 50, 2030: 0}"),
                FixtureEdit(
                    hardware, "lifetime_years: 5\n    throughput: {video: 1800",
                    "lifetime_years: 6\n    throughput: {video: 1800"),
            ],
            expected: [
                """
                Regions/gulf.yaml:24:16: error: existing units at facility 'abu-dhabi-campus' draw 2.4 MW in 2030, more than its power_mw of 0
                  hint: raise power_mw for 2030 or reduce the existing units; the plan could not exist
                """
            ]),
        DiagnosticCase(
            name: "numbers that passed before and then broke the solver or trapped",
            edits: [
                FixtureEdit(study, "discount_rate: 0.08", "discount_rate: 1e300"),
                FixtureEdit(study, "{start: 2026, end: 2030}", "{start: 1e300, end: 2030}"),
                FixtureEdit(hardware, "lifetime_years: 4", "lifetime_years: 1e9"),
                FixtureEdit(hardware, "power_kw: .4", "power_kw: 1e-300"),
                FixtureEdit(tenants, "price_usd_per_unit: 8", "price_usd_per_unit: 1e308"),
            ],
            expected: [
                """
                Models/baseline.yaml:8:18: error: 'start' must be a whole number from 1900 to 2200, found 1e300
                  hint: write a whole number from 1900 to 2200
                """,
                """
                Models/baseline.yaml:9:16: error: 'discount_rate' must be at most 1, found 1e300
                  hint: write a number from 0 to 1
                """,
                """
                Models/hardware.yaml:18:15: error: 'power_kw' must be at least 0.001, found 1e-300
                  hint: write a number from 0.001 to 1000
                """,
                """
                Models/hardware.yaml:20:21: error: 'lifetime_years' must be a whole number from 1 to 100, found 1e9
                  hint: write a whole number from 1 to 100
                """,
                """
                Models/tenants.yaml:22:25: error: 'price_usd_per_unit' must be at most 10000, found 1e308
                  hint: write a number from 0 to 10000
                """,
            ]),
        DiagnosticCase(
            name: "the same year written twice",
            edits: [FixtureEdit(gulf, "{2026: 50, 2028: 200}", "{2026: 50, 02026: 60, 2028: 200}")],
            expected: [
                """
                Regions/gulf.yaml:18:26: error: year 2026 appears twice in 'power_mw' (as '2026' and '02026')
                  hint: '2026' is already set at 18:16; keep one of them
                """
            ]),
        DiagnosticCase(
            name: "residency that is not one of the three",
            edits: [FixtureEdit(tenants, "residency: in-region", "residency: in_region")],
            expected: [
                """
                Models/tenants.yaml:9:16: error: 'residency' must be in-country, in-region or anywhere, found 'in_region'
                  hint: did you mean 'in-region'?
                """
            ]),
    ]

    @Test(arguments: cases)
    func reportsExactly(_ testCase: DiagnosticCase) throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        for edit in testCase.edits { try fixture.edit(edit.file, edit.old, edit.new) }
        #expect(fixture.failure(expecting: testCase.kind) == testCase.expected)
    }
}
