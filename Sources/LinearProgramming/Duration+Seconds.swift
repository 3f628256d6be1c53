extension Duration {
    /// The duration in seconds as a Double.
    ///
    /// ```swift
    /// let clock = ContinuousClock()
    /// let start = clock.now
    /// let solution = try solver.solve(lp)
    /// print("solved in \((clock.now - start).seconds) s")
    /// ```
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
