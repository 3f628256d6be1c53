/// The keys of the optimize result JSON (`sovereign-placement.optimize/3`, docs/results-json.md),
/// written once for its writer (`OptimizeReport.json` in PlacementReports) and its reader
/// (``ResultSnapshot/init(json:file:)``). A key used in several objects (`year`, `facility`, ...)
/// is one constant, listed with the object that uses it first.
///
/// ```swift
/// members.append((ResultKey.expectedNPVUSD, .finite(plan.expectedNPV)))
/// let npv = try fields.number(ResultKey.expectedNPVUSD)
/// ```
public enum ResultKey {
    // MARK: The top level

    public static let schema = "schema"
    public static let study = "study"
    /// `here-and-now` or `adaptive` (docs/design.md §9); optimize/3.
    public static let decisions = "decisions"
    /// The scenario tree's nodes with their builds; optimize/3.
    public static let nodes = "nodes"
    /// A node's builds.
    public static let builds = "builds"
    /// Accelerators of a node's build.
    public static let units = "units"
    public static let status = "status"
    public static let objectiveUSD = "objective_usd"
    public static let expectedNPVUSD = "expected_npv_usd"
    public static let risk = "risk"
    public static let capexUSD = "capex_usd"
    public static let scenarios = "scenarios"
    public static let capacity = "capacity"
    public static let utilization = "utilization"
    public static let demand = "demand"
    public static let financials = "financials"
    public static let shadowPrices = "shadow_prices"
    public static let resilience = "resilience"
    public static let strandedAssets = "stranded_assets"
    public static let unreachableDemand = "unreachable_demand"
    public static let statistics = "statistics"

    // MARK: `status`

    public static let termination = "termination"
    public static let primal = "primal"
    public static let dual = "dual"
    public static let optimal = "optimal"
    public static let message = "message"
    public static let method = "method"
    public static let relativeGap = "relative_gap"
    public static let mipGap = "mip_gap"

    // MARK: `statistics`

    public static let rows = "rows"
    public static let columns = "columns"
    public static let nonzeros = "nonzeros"
    public static let integer = "integer"
    public static let decomposition = "decomposition"
    public static let iterations = "iterations"
    public static let seconds = "seconds"
    public static let decompositionProgress = "decomposition_progress"
    public static let blockSolves = "block_solves"
    public static let cuts = "cuts"
    public static let lowerBoundUSD = "lower_bound_usd"
    public static let upperBoundUSD = "upper_bound_usd"
    public static let iteration = "iteration"
    public static let load = "load"
    public static let build = "build"
    public static let solve = "solve"
    public static let canonical = "canonical"
    public static let analysis = "analysis"

    // MARK: `risk`

    public static let alpha = "alpha"
    public static let weight = "weight"
    public static let cvarNPVUSD = "cvar_npv_usd"

    // MARK: `scenarios`

    public static let id = "id"
    public static let probability = "probability"
    public static let npvUSD = "npv_usd"

    // MARK: `capacity`

    public static let facility = "facility"
    public static let hardware = "hardware"
    public static let year = "year"
    public static let built = "built"
    public static let installed = "installed"
    public static let existing = "existing"
    public static let itMW = "it_mw"
    public static let bookValueUSD = "book_value_usd"

    // MARK: `utilization`

    public static let fleet = "fleet"
    public static let facilities = "facilities"
    public static let fleets = "fleets"
    public static let scenario = "scenario"
    public static let usedHours = "used_hours"
    public static let peakBusy = "peak_busy"
    public static let categoryMix = "category_mix"
    public static let herfindahl = "herfindahl"

    // MARK: `demand`

    public static let tenant = "tenant"
    public static let zones = "zones"
    public static let demandUnits = "demand_units"
    public static let servedUnits = "served_units"
    public static let unservedUnits = "unserved_units"
    public static let shortfallUnits = "shortfall_units"

    // MARK: `financials`

    public static let revenueUSD = "revenue_usd"
    public static let energyUSD = "energy_usd"
    public static let fixedOMUSD = "fixed_om_usd"
    public static let capitalUSD = "capital_usd"
    public static let penaltyUSD = "penalty_usd"
    public static let netUSD = "net_usd"

    // MARK: `shadow_prices`

    public static let powerUSDPerMW = "power_usd_per_mw"
    public static let budgetUSDPerUSD = "budget_usd_per_usd"
    public static let value = "value"
    public static let binding = "binding"

    // MARK: `resilience`

    public static let shock = "shock"
    public static let referenceScenario = "reference_scenario"
    public static let stresses = "stresses"
    public static let referenceUtilization = "reference_utilization"
    public static let stressedUtilization = "stressed_utilization"
    public static let worstStress = "worst_stress"

    // MARK: `stranded_assets`

    public static let breakevenUtilization = "breakeven_utilization"
    public static let probabilityFleetBelowBreakevenFinalYear = "probability_fleet_below_breakeven_final_year"
    public static let stranded = "stranded"
    public static let atRisk = "at_risk"
    public static let expectedUSD = "expected_usd"
    public static let worstScenarioUSD = "worst_scenario_usd"
    public static let worstScenario = "worst_scenario"
    public static let cvarUSD = "cvar_usd"
    public static let worstStressUSD = "worst_stress_usd"
    public static let byScenarioUSD = "by_scenario_usd"
    public static let byStressUSD = "by_stress_usd"

    // MARK: `unreachable_demand`

    public static let zone = "zone"
    public static let reason = "reason"
}
