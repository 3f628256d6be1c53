import Foundation

extension SplitMix64 {
    /// Uniform in [low, high), from the top 53 bits (portable, unlike `Double.random(in:)`).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in 0..<count.
    mutating func index(_ count: Int) -> Int {
        Int(next() % UInt64(count))
    }
}
