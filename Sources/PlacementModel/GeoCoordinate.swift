import Foundation

/// A point on the Earth in decimal degrees.
///
/// ```swift
/// let dubai = GeoCoordinate(latitude: 25.20, longitude: 55.27)
/// let mumbai = GeoCoordinate(latitude: 19.08, longitude: 72.88)
/// dubai.greatCircleKilometres(to: mumbai)   // ≈ 1 930
/// ```
public struct GeoCoordinate: Hashable, Sendable {
    /// Mean Earth radius used by every distance in the project, in km.
    public static let earthRadiusKilometres = 6371.0

    /// Latitude in degrees, -90...90.
    public var latitude: Double
    /// Longitude in degrees, -180...180.
    public var longitude: Double

    /// Creates a coordinate.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance by the haversine formula, in km.
    public func greatCircleKilometres(to other: GeoCoordinate) -> Double {
        let radians = Double.pi / 180
        let phi1 = latitude * radians
        let phi2 = other.latitude * radians
        let deltaPhi = (other.latitude - latitude) * radians
        let deltaLambda = (other.longitude - longitude) * radians
        let a =
            sin(deltaPhi / 2) * sin(deltaPhi / 2)
            + cos(phi1) * cos(phi2) * sin(deltaLambda / 2) * sin(deltaLambda / 2)
        // min guards asin against rounding just above 1 for antipodal points.
        return 2 * Self.earthRadiusKilometres * asin(min(1, a.squareRoot()))
    }
}
