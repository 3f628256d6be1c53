import PlacementLoader
import PlacementModel
import PlacementTestSupport
import Testing

/// The `uncertainty:` section of a scenarios file (docs/design.md §8): a valid section read
/// back, and every kind of mistake with the exact located diagnostic `validate` prints.
@Suite("Uncertainty section of a scenarios file")
struct UncertaintyLoadingTests {
    static let scenarios = "Models/scenarios.yaml"

    /// Appended to the fixture's scenarios file, from line 18.
    static let section = UncertaintyFixture.section

    static func fixture(_ old: String? = nil, _ new: String = "") throws -> FixtureStudy {
        let fixture = try FixtureStudy()
        try fixture.write(scenarios, try fixture.contents(scenarios) + section)
        if let old { try fixture.edit(scenarios, old, new) }
        return fixture
    }

    @Test("a valid section is read into the study, in file order")
    func valid() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let study = try fixture.load().get().study
        let model = try #require(study.uncertainty)
        #expect(model.reference == "base")
        #expect(
            model.factors == [
                UncertaintyFactor(kind: .demand, target: "video", drift: 0.05, volatility: 0.3),
                UncertaintyFactor(kind: .efficiency, target: "video", drift: 0.2, volatility: 0.15),
                UncertaintyFactor(kind: .electricity, target: "gulf", drift: 0, volatility: 0.1),
            ])
        #expect(model.correlations == [FactorCorrelation(first: "demand.video", second: "efficiency.video", rho: -0.4)])
        #expect(model.correlationMatrix() == [[1, -0.4, 0], [-0.4, 1, 0], [0, 0, 1]])
    }

    @Test("a scenarios file without the section has no uncertainty model")
    func absent() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        #expect(try fixture.load().get().study.uncertainty == nil)
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            name: "unknown reference scenario",
            edits: [FixtureEdit(scenarios, "  reference: base\n  factors", "  reference: bsae\n  factors")],
            expected: [
                """
                Models/scenarios.yaml:19:14: error: uncertainty names unknown scenario 'bsae'
                  hint: did you mean 'base'?
                """
            ]),
        DiagnosticCase(
            name: "unknown key in the section",
            edits: [FixtureEdit(scenarios, "  reference: base\n  factors", "  referense: base\n  factors")],
            expected: [
                """
                Models/scenarios.yaml:19:3: error: unknown key 'referense' in 'uncertainty' of scenarios file
                  hint: did you mean 'reference'?
                """
            ]),
        DiagnosticCase(
            name: "unknown workload after the dot",
            edits: [FixtureEdit(scenarios, "demand.video: {", "demand.vidoe: {")],
            expected: [
                """
                Models/scenarios.yaml:21:5: error: uncertainty factor 'demand.vidoe' names unknown workload 'vidoe'
                  hint: did you mean 'video'?
                """,
                """
                Models/scenarios.yaml:25:8: error: correlation names factor 'demand.video', which 'factors' does not list
                  hint: did you mean 'demand.vidoe'?
                """,
            ]),
        DiagnosticCase(
            name: "unknown region after the dot",
            edits: [FixtureEdit(scenarios, "electricity.gulf: {", "electricity.gulff: {")],
            expected: [
                """
                Models/scenarios.yaml:23:5: error: uncertainty factor 'electricity.gulff' names unknown region 'gulff'
                  hint: did you mean 'gulf'?
                """
            ]),
        DiagnosticCase(
            name: "unknown factor kind",
            edits: [FixtureEdit(scenarios, "efficiency.video: {", "eficiency.video: {")],
            expected: [
                """
                Models/scenarios.yaml:22:5: error: unknown factor kind 'eficiency' in 'eficiency.video'
                  hint: did you mean 'efficiency'?
                """,
                """
                Models/scenarios.yaml:25:22: error: correlation names factor 'efficiency.video', which 'factors' does not list
                  hint: listed factors: 'demand.video', 'electricity.gulf'
                """,
            ]),
        DiagnosticCase(
            name: "factor name without a dot",
            edits: [FixtureEdit(scenarios, "electricity.gulf: {", "electricity: {")],
            expected: [
                """
                Models/scenarios.yaml:23:5: error: factor 'electricity' is not named kind.id
                  hint: name a factor demand.<workload>, efficiency.<workload>, price.<workload> or electricity.<region>
                """
            ]),
        DiagnosticCase(
            name: "negative volatility",
            edits: [FixtureEdit(scenarios, "volatility: 0.3}", "volatility: -0.3}")],
            expected: [
                """
                Models/scenarios.yaml:21:45: error: 'volatility' must not be negative, found -0.3
                  hint: write a number from 0 to 10
                """
            ]),
        DiagnosticCase(
            name: "a drift beyond a factor of e^10 a year",
            edits: [FixtureEdit(scenarios, "drift: 0.05,", "drift: 700,")],
            expected: [
                """
                Models/scenarios.yaml:21:27: error: 'drift' must be at most 10, found 700
                  hint: write a number from -10 to 10
                """
            ]),
        DiagnosticCase(
            name: "infinite drift",
            edits: [FixtureEdit(scenarios, "drift: 0.05,", "drift: .inf,")],
            expected: [
                """
                Models/scenarios.yaml:21:27: error: 'drift' must be a finite number, found '.inf'
                  hint: write a number from -10 to 10
                """
            ]),
        DiagnosticCase(
            name: "missing drift",
            edits: [FixtureEdit(scenarios, "drift: 0.05, ", "")],
            expected: [
                """
                Models/scenarios.yaml:21:19: error: factor 'demand.video' is missing 'drift'
                  hint: add 'drift: …' with a number from -10 to 10
                """
            ]),
        DiagnosticCase(
            name: "correlation of a factor not listed",
            edits: [FixtureEdit(scenarios, "efficiency.video, -0.4]", "efficiency.vide, -0.4]")],
            expected: [
                """
                Models/scenarios.yaml:25:22: error: correlation names factor 'efficiency.vide', which 'factors' does not list
                  hint: did you mean 'efficiency.video'?
                """
            ]),
        DiagnosticCase(
            name: "correlation of 1",
            edits: [FixtureEdit(scenarios, "efficiency.video, -0.4]", "efficiency.video, 1]")],
            expected: [
                """
                Models/scenarios.yaml:25:40: error: correlation rho must be strictly between -1 and 1, found 1
                  hint: write e.g. -0.4; a correlation of ±1 would make the two factors one
                """
            ]),
        DiagnosticCase(
            name: "a factor paired with itself",
            edits: [FixtureEdit(scenarios, "efficiency.video, -0.4]", "demand.video, 0.5]")],
            expected: [
                """
                Models/scenarios.yaml:25:7: error: correlation pairs factor 'demand.video' with itself
                  hint: a factor's correlation with itself is always 1; pair two different factors
                """
            ]),
        DiagnosticCase(
            name: "a pair listed twice, in either order",
            edits: [
                FixtureEdit(
                    scenarios, "    - [demand.video, efficiency.video, -0.4]",
                    "    - [demand.video, efficiency.video, -0.4]\n    - [efficiency.video, demand.video, 0.2]")
            ],
            expected: [
                """
                Models/scenarios.yaml:26:7: error: correlation lists the pair 'efficiency.video', 'demand.video' twice
                  hint: first listed at Models/scenarios.yaml:25:7; keep one
                """
            ]),
        DiagnosticCase(
            name: "a correlation entry of two items",
            edits: [
                FixtureEdit(scenarios, "[demand.video, efficiency.video, -0.4]", "[demand.video, efficiency.video]")
            ],
            expected: [
                """
                Models/scenarios.yaml:25:7: error: a correlation entry must be [factor, factor, rho], found a list of 2
                  hint: write e.g. [demand.video, efficiency.video, -0.4]
                """
            ]),
        DiagnosticCase(
            name: "a correlation matrix that is not positive definite",
            edits: [
                FixtureEdit(
                    scenarios, "    - [demand.video, efficiency.video, -0.4]",
                    """
                        - [demand.video, efficiency.video, 0.9]
                        - [demand.video, electricity.gulf, 0.9]
                        - [efficiency.video, electricity.gulf, -0.9]
                    """)
            ],
            expected: [
                """
                Models/scenarios.yaml:24:3: error: the correlation matrix is not positive definite
                  hint: these correlations cannot all hold at once (e.g. two factors both strongly tied to a third \
                but opposed to each other); weaken the largest ones
                """
            ]),
    ]

    @Test(arguments: cases)
    func diagnostic(_ testCase: DiagnosticCase) throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        for edit in testCase.edits { try fixture.edit(edit.file, edit.old, edit.new) }
        #expect(fixture.failure(expecting: testCase.kind) == testCase.expected)
    }
}
