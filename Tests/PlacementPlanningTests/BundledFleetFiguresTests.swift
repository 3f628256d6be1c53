import PlacementAnalysis
import PlacementPlanning
import PlacementTestSupport
import Testing

/// The bundled study's fleet figures of `stress`, per case and year, pinned at 1e-6 of the
/// fleet's book value. They agree with an independent reference model of docs/design.md §4 to
/// 1e-8 of book value; the write-off is sensitive to the block-value hold (ValueHoldTests), so a
/// change there shows here first. Cases: the scenarios base, demand-spiral,
/// efficiency-dominates and video-litigation, then the video, reasoning and embodied stresses.
@Suite struct BundledFleetFiguresTests {
    static let figures: [Int: (stranded: [Double], atRisk: [Double])] = [
        2026: (
            stranded: [0.0, 0.0, 0.0, 0.0, 444279172.7140366, 2949074941.994474, 1087053.681295072],
            atRisk: [
                660985458.3516684, 660985458.3516684, 660985458.3516684, 660985458.3516684, 1433179883.9723728,
                3012042981.4374332, 808360796.959632,
            ]
        ),
        2027: (
            stranded: [
                23.740731035373592, 0.0, 2145833807.2653837, 2398890.637593455, 2398890.6376144853, 3384689587.7050767,
                23.013216288302836,
            ],
            atRisk: [
                514661185.48822343, 0.0, 2438067802.7686377, 1145531319.3417394, 1145531319.3368719, 3519972125.073483,
                627178085.3790423,
            ]
        ),
        2028: (
            stranded: [
                40.88855348026187, 0.0, 7012612218.7195, 1311601361.806861, 1039738323.579986, 6013614519.702347,
                110177962.06710717,
            ],
            atRisk: [
                892423304.3089467, 0.0, 7565206621.014446, 2523769715.340251, 2093157066.4097197, 6679298607.471928,
                1160099460.8896673,
            ]
        ),
        2029: (
            stranded: [
                137.12981069795978, 0.0, 13624706385.149652, 2197807894.255607, 1855946036.7837436, 9236648101.101328,
                521132794.4105376,
            ],
            atRisk: [
                1048909126.1588562, 0.0, 14155252105.99436, 4040269902.575623, 3589686073.969245, 9926006788.867226,
                1526460723.8709457,
            ]
        ),
        2030: (
            stranded: [
                215.93791855659887, 0.0, 22971445829.80147, 3633155448.2069063, 3299940326.6284485, 14081023377.709715,
                792761939.0001512,
            ],
            atRisk: [
                2400403678.9584494, 0.0, 24428640861.563778, 7942568669.696672, 6943827288.515348, 18002323001.397793,
                3095328864.7670355,
            ]
        ),
    ]

    @Test(arguments: [PlanningOptions.Method.primal, .decomposed])
    func fleetStrandedAndAtRiskValueStayPinned(method: PlanningOptions.Method) async throws {
        let analysis = try #require(try await TestPlanning.bundled(method).analysis)
        #expect(analysis.stranded.scenarios == ["base", "demand-spiral", "efficiency-dominates", "video-litigation"])
        #expect(analysis.stranded.stressWorkloads == ["video", "reasoning", "embodied"])
        #expect(analysis.stranded.fleet.map(\.year) == [2026, 2027, 2028, 2029, 2030])
        for row in analysis.stranded.fleet {
            let expected = try #require(Self.figures[row.year])
            let tolerance = 1e-6 * row.bookValue
            for (name, ours, theirs) in [
                ("stranded", row.stranded.byScenario + row.stranded.byStress, expected.stranded),
                ("at risk", row.atRisk.byScenario + row.atRisk.byStress, expected.atRisk),
            ] {
                #expect(ours.count == theirs.count)
                for (position, (value, pinned)) in zip(ours, theirs).enumerated() {
                    #expect(
                        abs(value - pinned) <= tolerance,
                        "\(name) \(row.year), case \(position): \(value) against \(pinned)")
                }
            }
        }
    }
}
