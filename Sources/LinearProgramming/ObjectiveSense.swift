/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Hashable, Sendable {
    case minimize
    case maximize
}
