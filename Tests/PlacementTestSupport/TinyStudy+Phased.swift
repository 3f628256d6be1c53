import PlacementModel

extension TinyStudy {
    /// The phased study of the adaptive-decision tests (docs/design.md §9): 2026-2028, two
    /// scenarios of probability 1/2 equal in 2026; from 2027 `bust` prices video at 0.005 USD a
    /// unit, below the 0.01 USD of energy it takes, so nothing is worth serving there.
    /// `AdaptiveDecisionTests` derives its optima: RP(here-and-now) 1,704,480 USD, RP(adaptive)
    /// 1,709,480 (in 2028 `boom` builds 10 accelerators, `bust` none), WS 1,714,480.
    public static var phased: TinyStudy {
        var tiny = TinyStudy()
        tiny.horizon = Horizon(start: 2026, end: 2028)
        tiny.scenarios = [
            Scenario(id: "boom", probability: 0.5),
            Scenario(id: "bust", probability: 0.5, price: ["video": YearSeries([2027: 0.005])]),
        ]
        return tiny
    }
}
