import PlacementModel
import Testing

/// Numbers addressed by path, as sweeps change them.
@Suite("Number paths")
struct NumberPathTests {
    @Test func readsAndSetsEveryKindOfNumber() throws {
        var study = try SampleStudy.make()
        let changes: [(String, Double)] = [
            ("facilities.abu-dhabi-campus.electricity_usd_per_mwh", 30),
            ("facilities.abu-dhabi-campus.pue", 1.2),
            ("facilities.abu-dhabi-campus.existing.gpu-h200", 50),
            ("zones.dubai.utc_offset_hours", 3),
            ("hardware.gpu-h200.capex_usd", 30_000),
            ("hardware.gpu-h200.lifetime_years", 6),
            ("hardware.gpu-h200.throughput.video", 2000),
            ("workloads.video.latency_slo_ms", 60),
            ("workloads.video.daily_profile.1", 5),
            ("tenants.studio.price_usd_per_unit", 0.08),
            ("tenants.studio.demand.zones.dubai", 0.9),
            ("scenarios.boom.probability", 0.5),
            ("discount_rate", 0.05),
            ("budget_usd", 1e9),
            ("time_slices", 8),
            ("risk.alpha", 0.95),
            ("policy.max_category_share", 0.5),
            ("integer_blocks.units", 500),
            ("stress.shock", 0.5),
        ]
        for (path, value) in changes {
            try study.setNumber(at: path, to: value)
            #expect(try study.number(at: path) == value, "\(path)")
        }
        #expect(study.facility("abu-dhabi-campus")?.electricityUSDPerMWh == 30)
        #expect(study.regions[0].facilities[0].electricityUSDPerMWh == 30)
        #expect(study.regions[0].zones[0].utcOffsetHours == 3)
        #expect(study.hardware("gpu-h200")?.lifetimeYears == 6)
        #expect(study.workload("video")?.dailyProfile.values == [1, 5])
        #expect(study.integerBuildUnits == 500 && study.timeSlices == 8)
    }

    @Test func yearKeysReadEffectiveValuesAndSetListsTheYear() throws {
        var study = try SampleStudy.make()
        #expect(try study.number(at: "facilities.abu-dhabi-campus.power_mw.2027") == 200)
        try study.setNumber(at: "facilities.abu-dhabi-campus.power_mw.2029", to: 800)
        #expect(study.facility("abu-dhabi-campus")?.powerMW(in: 2028) == 1000)
        #expect(study.facility("abu-dhabi-campus")?.powerMW(in: 2030) == 800)
        #expect(try study.number(at: "tenants.studio.demand.annual_units.2027") == 200)
        try study.setNumber(at: "tenants.studio.demand.annual_units.2030", to: 1600)
        #expect(study.tenant("studio")?.annualUnits(in: 2029) == 800)
        #expect(try study.number(at: "scenarios.base.demand.video.2029") == 1)
        try study.setNumber(at: "scenarios.base.demand.video.2029", to: 0.5)
        #expect(study.scenario("base")?.demandMultiplier(for: "video", in: 2030) == 0.5)
        #expect(try study.number(at: "scenarios.boom.demand.video.2028") == 1.5)
        try study.setNumber(at: "scenarios.boom.electricity.gulf.2027", to: 1.2)
        #expect(study.scenario("boom")?.electricityMultiplier(for: "gulf", in: 2028) == 1.2)
    }

    @Test func latencySettingsRebuildEstimates() throws {
        var study = try SampleStudy.make()
        let before = study.rttMs(zone: "dubai", facility: "abu-dhabi-campus")
        try study.setNumber(at: "latency.base_ms", to: 14)
        #expect(abs(study.rttMs(zone: "dubai", facility: "abu-dhabi-campus") - (before + 10)) < 1e-9)
    }

    @Test(arguments: [
        ("facilities.riyadh.pue", "unknown facility 'riyadh'; known facility ids: 'abu-dhabi-campus'"),
        ("facilities.abu-dhabi-campu.pue", "unknown facility 'abu-dhabi-campu'; did you mean 'abu-dhabi-campus'?"),
        ("facilities.abu-dhabi-campus.peu", "unknown key 'peu' in 'facilities.abu-dhabi-campus'; did you mean 'pue'?"),
        (
            "facilities.abu-dhabi-campus.power_mw.2035",
            "'2035' is not a year of the horizon 2026-2030; use a year from 2026 to 2030"
        ),
        (
            "facilities.abu-dhabi-campus.power_mw",
            "'facilities.abu-dhabi-campus.power_mw' does not name a number; expected facilities.abu-dhabi-campus.power_mw.<year>"
        ),
        ("scenarios.boom.demand.vidoe.2027", "unknown workload 'vidoe'; did you mean 'video'?"),
        (
            "tenants.studio.demand.zone.dubai",
            "unknown key 'zone' in 'tenants.studio'; did you mean 'zones'?"
        ),
        ("discount", "unknown key 'discount' in number path 'discount'; did you mean 'discount_rate'?"),
        ("workloads.video.daily_profile.2", "'2' is not an entry of 'daily_profile'; use an index from 0 to 1"),
    ])
    func unknownPathsExplainThemselves(path: String, expected: String) throws {
        let study = try SampleStudy.make()
        #expect(throws: NumberPathError.self) { try study.number(at: path) }
        do {
            _ = try study.number(at: path)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func valuesOutsideAFieldsRangeAreRefused() throws {
        var study = try SampleStudy.make()
        #expect(
            throws: NumberPathError(
                message: "'facilities.abu-dhabi-campus.pue' must be at least 1",
                hint: "0.9 is outside the accepted range")
        ) {
            try study.setNumber(at: "facilities.abu-dhabi-campus.pue", to: 0.9)
        }
        #expect(throws: NumberPathError.self) { try study.setNumber(at: "hardware.gpu-h200.lifetime_years", to: 2.5) }
        #expect(throws: NumberPathError.self) { try study.setNumber(at: "time_slices", to: 5) }
        #expect(throws: NumberPathError.self) { try study.number(at: "budget_usd") }
        #expect(study.facility("abu-dhabi-campus")?.pue == 1.35)
    }

    @Test func sweepVariantsCombineInGridAndZipOrder() throws {
        let study = try SampleStudy.make()
        let grid = Sweep(
            base: "x", mode: .grid,
            dimensions: [
                SweepDimension(path: "discount_rate", values: [0.05, 0.1]),
                SweepDimension(path: "stress.shock", values: [0.5, 0.6, 0.7]),
            ])
        #expect(grid.variantCount == 6)
        #expect(grid.assignments(ofVariant: 4).map(\.value) == [0.1, 0.6])
        let variant = try grid.variant(5, of: study)
        #expect(variant.discountRate == 0.1 && variant.stress.shock == 0.7)
        let zip = Sweep(base: "x", mode: .zip, dimensions: grid.dimensions)
        #expect(zip.variantCount == 2)
        #expect(zip.assignments(ofVariant: 1).map(\.value) == [0.1, 0.6])
    }
}
