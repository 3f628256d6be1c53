import LinearProgramming

/// The Wyndor Glass LP (Hillier & Lieberman), the suite's hand-solved reference:
/// max 3x + 5y subject to plant1: x <= 4, plant2: 2y <= 12, plant3: 3x + 2y <= 18.
/// Optimum 36 at (2, 6), row duals 0, 1.5 and 1.
///
/// Variants for structure tests replace a plant's terms, given as (column, coefficient) with
/// column 0 = x and 1 = y, or y's cost.
struct Wyndor {
    var lp = LinearProgram(name: "wyndor", sense: .maximize)
    let x: Variable
    let y: Variable
    let plant1: Constraint
    let plant2: Constraint
    let plant3: Constraint
    var plants: [Constraint] { [plant1, plant2, plant3] }

    init(
        plant1 terms1: [(Int, Double)] = [(0, 1)], plant3 terms3: [(Int, Double)] = [(0, 3), (1, 2)],
        yObjective: Double = 5
    ) {
        x = lp.addVariable(name: "x", objective: 3)
        y = lp.addVariable(name: "y", objective: yObjective)
        plant1 = lp.addConstraint(name: "plant1", terms: terms1.map { (Variable(index: $0), $1) }, .lessOrEqual(4))
        plant2 = lp.addConstraint(name: "plant2", terms: [(y, 2)], .lessOrEqual(12))
        plant3 = lp.addConstraint(name: "plant3", terms: terms3.map { (Variable(index: $0), $1) }, .lessOrEqual(18))
    }
}
