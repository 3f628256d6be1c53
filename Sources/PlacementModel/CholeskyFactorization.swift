/// The Cholesky factor of a symmetric matrix: the lower-triangular `L` with `L Lᵀ = A`.
///
/// Used to check that a correlation matrix is positive definite (the loader) and to
/// correlate independent standard normals (the sampler: `z = L x`).
///
/// ```swift
/// let factor = CholeskyFactorization([[1, 0.5], [0.5, 1]])
/// factor?.lower   // [[1, 0], [0.5, 0.866...]]
/// CholeskyFactorization([[1, 1], [1, 1]])   // nil: only semi-definite
/// ```
public struct CholeskyFactorization: Hashable, Sendable {
    /// `L`, row by row; entries above the diagonal are 0.
    public let lower: [[Double]]

    /// Pivots at or below this are treated as zero: the matrix is then not positive definite
    /// in any useful sense (the shocks would be near-collinear).
    public static let pivotTolerance = 1e-10

    /// Factors `matrix`; `nil` when it is not square, not symmetric or not positive definite.
    public init?(_ matrix: [[Double]]) {
        let size = matrix.count
        guard matrix.allSatisfy({ $0.count == size }) else { return nil }
        for row in 0..<size {
            for column in 0..<row where matrix[row][column] != matrix[column][row] { return nil }
        }
        var lower = Array(repeating: Array(repeating: 0.0, count: size), count: size)
        for row in 0..<size {
            for column in 0...row {
                var sum = matrix[row][column]
                for inner in 0..<column { sum -= lower[row][inner] * lower[column][inner] }
                if row == column {
                    guard sum > Self.pivotTolerance, sum.isFinite else { return nil }
                    lower[row][column] = sum.squareRoot()
                } else {
                    lower[row][column] = sum / lower[column][column]
                }
            }
        }
        self.lower = lower
    }

    /// `L x`.
    public func apply(_ vector: [Double]) -> [Double] {
        lower.map { row in
            var sum = 0.0
            for (entry, value) in zip(row, vector) { sum += entry * value }
            return sum
        }
    }
}
