/// The `uncertainty:` section the loader and command-line tests append to their fixture study's
/// scenarios file (docs/design.md §8): three factors, one correlation, 8 lines from its first.
public enum UncertaintyFixture {
    /// YAML text, ending with a blank line.
    public static let section = """
        uncertainty:
          reference: base
          factors:
            demand.video: {drift: 0.05, volatility: 0.3}
            efficiency.video: {drift: 0.2, volatility: 0.15}
            electricity.gulf: {drift: 0, volatility: 0.1}
          correlation:
            - [demand.video, efficiency.video, -0.4]

        """
}
