import LinearProgramming
import PlacementModel

/// Reads a ``Plan`` out of a solution of a ``PlacementProgram``.
enum PlanReader {
    static func read(_ program: PlacementProgram, _ solution: Solution, study: Study) -> Plan? {
        guard let primal = solution.primal else { return nil }
        let index = program.index, economics = Economics(study: study)
        let years = index.years, scenarios = index.scenarios, slices = index.slices
        let hours = economics.hoursPerSlice
        let workloadCount = study.workloads.count

        // Capacity.
        var fleetYears = [Plan.FleetYear]()
        var capacity = [[Double]]()
        for (fleet, entry) in index.fleets.enumerated() {
            let facility = study.facilities[entry.facility], hardware = study.hardware[entry.hardware]
            var row = [Double]()
            for (y, year) in years.enumerated() {
                let built = program.build[fleet][y].map { primal[$0] * program.blockUnits } ?? 0
                var alive = study.existingUnitsAlive(facility: facility, hardware: hardware, in: year)
                let existing = alive
                for earlier in 0...y where year - years[earlier] < hardware.lifetimeYears {
                    alive += program.build[fleet][earlier].map { primal[$0] * program.blockUnits } ?? 0
                }
                row.append(alive)
                fleetYears.append(Plan.FleetYear(
                    facility: facility.id, hardware: hardware.id, year: year, built: cleaned(built),
                    capacity: cleaned(alive), existing: existing, unitCapexUSD: facility.unitCapexUSD(of: hardware),
                    powerKW: hardware.powerKW))
            }
            capacity.append(row)
        }

        // Dispatch, demand outcomes and money.
        let slotCount = program.slotsPerPoint
        var busy = Array(repeating: Array(repeating: 0.0, count: slotCount), count: index.fleets.count)
        var byWorkload = Array(repeating: Array(repeating: 0.0, count: years.count * scenarios.count * workloadCount),
                               count: index.fleets.count)
        var revenue = Array(repeating: 0.0, count: years.count * scenarios.count)
        var energy = revenue, penalty = revenue
        var outcomes = [Plan.DemandOutcome]()
        for (p, point) in index.demandPoints.enumerated() {
            let tenant = study.tenants[point.tenant]
            for (y, year) in years.enumerated() {
                for (s, scenario) in scenarios.enumerated() {
                    let price = economics.price(tenant, year: year, scenario: scenario)
                    var outcome = Plan.DemandOutcome(tenant: tenant.id, zones: point.zones.map { study.zones[$0].id }, year: year,
                                                     scenario: scenario.id, demand: 0, served: 0, unserved: 0, shortfall: 0)
                    for k in 0..<slices {
                        let slot = program.slot(year: y, scenario: s, slice: k)
                        let position = p * slotCount + slot
                        let stress = program.options.demandScale[tenant.workload] ?? 1
                        outcome.demand += program.demandRate[position] * stress * hours
                        outcome.unserved += (program.unserved[position].map { primal[$0] } ?? 0) * hours
                        let short = (program.shortfall[position].map { primal[$0] } ?? 0) * hours
                        outcome.shortfall += short
                        penalty[y * scenarios.count + s] += short * tenant.shortfallPenaltyUSDPerUnit
                        program.forEachServe(point: p, year: y, slot: slot) { arc, column in
                            let served = primal[column]
                            guard served != 0 else { return }
                            let facility = study.facilities[arc.facility], hardware = study.hardware[arc.hardware]
                            let throughput = economics.effectiveThroughput(hardware, tenant.workload, year: year, scenario: scenario)
                            let accelerators = served / throughput
                            busy[arc.fleet][slot] += accelerators
                            byWorkload[arc.fleet][(y * scenarios.count + s) * workloadCount + point.workload] += accelerators * hours
                            outcome.served += served * hours
                            revenue[y * scenarios.count + s] += served * hours * price
                            energy[y * scenarios.count + s] += accelerators * hours
                                * economics.energyCostPerAcceleratorHour(facility, hardware, year: year, scenario: scenario)
                        }
                    }
                    outcomes.append(outcome)
                }
            }
        }

        var dispatch = [Plan.Dispatch]()
        for (fleet, entry) in index.fleets.enumerated() {
            for (y, year) in years.enumerated() {
                for (s, scenario) in scenarios.enumerated() {
                    let slice = (0..<slices).map { busy[fleet][program.slot(year: y, scenario: s, slice: $0)] }
                    let base = (y * scenarios.count + s) * workloadCount
                    dispatch.append(Plan.Dispatch(
                        facility: study.facilities[entry.facility].id, hardware: study.hardware[entry.hardware].id,
                        year: year, scenario: scenario.id, busyBySlice: slice,
                        hoursByWorkload: Array(byWorkload[fleet][base..<(base + workloadCount)])))
                }
            }
        }

        // Fixed O&M and capital do not depend on the scenario.
        var fixedOM = Array(repeating: 0.0, count: years.count), capital = fixedOM
        for (fleet, entry) in index.fleets.enumerated() {
            let facility = study.facilities[entry.facility], hardware = study.hardware[entry.hardware]
            for (y, year) in years.enumerated() {
                let existing = study.existingUnitsAlive(facility: facility, hardware: hardware, in: year)
                fixedOM[y] += capacity[fleet][y] * economics.fixedOMPerUnitYear(facility, hardware)
                capital[y] += (capacity[fleet][y] - existing) * economics.capitalPerUnitYear(facility, hardware)
            }
        }
        // Existing units of hardware no arc can use are installed all the same: the fleet counts
        // them (idle), so utilization and stranded value include them, and they pay fixed O&M
        // (in the investment LP; a dispatch LP leaves constants out).
        for pair in index.idleExisting {
            let facility = study.facilities[pair.facility], hardware = study.hardware[pair.hardware]
            for (y, year) in years.enumerated() {
                let alive = study.existingUnitsAlive(facility: facility, hardware: hardware, in: year)
                fleetYears.append(Plan.FleetYear(
                    facility: facility.id, hardware: hardware.id, year: year, built: 0, capacity: alive,
                    existing: alive, unitCapexUSD: facility.unitCapexUSD(of: hardware), powerKW: hardware.powerKW))
                for scenario in scenarios {
                    dispatch.append(Plan.Dispatch(
                        facility: facility.id, hardware: hardware.id, year: year, scenario: scenario.id,
                        busyBySlice: Array(repeating: 0, count: slices),
                        hoursByWorkload: Array(repeating: 0, count: workloadCount)))
                }
                if program.options.fixedBuilds == nil {
                    fixedOM[y] += alive * economics.fixedOMPerUnitYear(facility, hardware)
                }
            }
        }
        var financials = [Plan.Financials]()
        var npv = Array(repeating: 0.0, count: scenarios.count)
        for (s, scenario) in scenarios.enumerated() {
            for (y, year) in years.enumerated() {
                let entry = Plan.Financials(
                    scenario: scenario.id, year: year, revenue: revenue[y * scenarios.count + s],
                    energy: energy[y * scenarios.count + s], fixedOM: fixedOM[y], capital: capital[y],
                    penalty: penalty[y * scenarios.count + s])
                financials.append(entry)
                npv[s] += entry.net * economics.discountFactor(year: year)
            }
        }

        // Shadow prices (LP only): duals are in objective units (thousand USD) per row unit.
        var powerPrices = [Plan.ShadowPrice]()
        var budgetPrice: Plan.ShadowPrice?
        if let duals = solution.dual {
            for (f, facility) in study.facilities.enumerated() {
                for (y, year) in years.enumerated() {
                    guard let row = program.powerRow[f][y] else { continue }
                    let limit = program.model.bound(of: row).upper
                    powerPrices.append(Plan.ShadowPrice(
                        facility: facility.id, year: year, value: duals[row] / PlacementProgram.moneyScale,
                        binding: abs(primal[row] - limit) <= 1e-7 * max(1, abs(limit))))
                }
            }
            if let row = program.budgetRow {
                let limit = program.model.bound(of: row).upper
                budgetPrice = Plan.ShadowPrice(facility: nil, year: nil, value: duals[row],
                                               binding: abs(primal[row] - limit) <= 1e-7 * max(1, abs(limit)))
            }
        }

        return Plan(
            termination: solution.termination, primalStatus: solution.primalStatus,
            objectiveUSD: primal.objective / PlacementProgram.moneyScale, years: years,
            scenarios: scenarios.map(\.id), scenarioWeights: program.scenarioWeights,
            workloads: study.workloads.map(\.id), fleetYears: fleetYears, dispatch: dispatch, demand: outcomes,
            financials: financials, npvByScenario: npv, powerShadowPrices: powerPrices,
            budgetShadowPrice: budgetPrice, unreachable: index.unreachable, hoursPerSlice: hours)
    }

    /// Solver noise below 1e-9 units reads as zero.
    static func cleaned(_ value: Double) -> Double { abs(value) < 1e-9 ? 0 : value }
}
