import Foundation

/// Colours of the HTML report: categorical palettes that stay apart for colour-blind
/// readers, a diverging scale for utilization around breakeven and a sequential one for shares.
enum SVGPalette {
    /// Accelerators (Okabe-Ito order, black left out).
    static let hardwareColors = [
        "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#7f7f7f",
    ]
    /// Workloads (Tableau 10).
    static let workloadColors = [
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
        "#9c755f", "#bab0ac",
    ]

    static func hardware(_ position: Int) -> String { categorical(hardwareColors, position) }
    static func workload(_ position: Int) -> String { categorical(workloadColors, position) }

    /// The listed colour, then hues a golden angle apart for longer lists.
    private static func categorical(_ colors: [String], _ position: Int) -> String {
        if position >= 0, position < colors.count { return colors[position] }
        let hue = (Double(position) * 137.508).truncatingRemainder(dividingBy: 360)
        return hsl(hue: hue, saturation: 0.55, lightness: 0.5)
    }

    /// Utilization: red below `breakeven` (darker the lower), pale at breakeven, blue above.
    static func utilization(_ value: Double, breakeven: Double) -> String {
        let low: RGB = (178, 24, 43)
        let middle: RGB = (247, 247, 247)
        let high: RGB = (33, 102, 172)
        let value = min(max(value, 0), 1)
        if value < breakeven {
            return hex(mix(low, middle, breakeven > 0 ? value / breakeven : 1))
        }
        return hex(mix(middle, high, breakeven < 1 ? (value - breakeven) / (1 - breakeven) : 1))
    }

    /// A share from 0 (pale blue) to 1 (dark blue).
    static func share(_ value: Double) -> String {
        let value = min(max(value, 0), 1)
        return hex(mix((222, 235, 247), (8, 48, 107), value.squareRoot()))
    }

    /// Black or white, whichever reads better on `background` ("#rrggbb").
    static func ink(on background: String) -> String {
        guard background.count == 7, let value = Int(background.dropFirst(), radix: 16) else { return "#1d232b" }
        let r = Double((value >> 16) & 0xff)
        let g = Double((value >> 8) & 0xff)
        let b = Double(value & 0xff)
        return 0.299 * r + 0.587 * g + 0.114 * b < 150 ? "#ffffff" : "#1d232b"
    }

    private typealias RGB = (Double, Double, Double)

    private static func mix(_ a: RGB, _ b: RGB, _ t: Double) -> RGB {
        (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
    }

    private static func hex(_ color: RGB) -> String {
        func byte(_ value: Double) -> String {
            let clamped = Int(min(max(value.rounded(), 0), 255))
            let digits = String(clamped, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + byte(color.0) + byte(color.1) + byte(color.2)
    }

    private static func hsl(hue: Double, saturation: Double, lightness: Double) -> String {
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        let x = chroma * (1 - abs((hue / 60).truncatingRemainder(dividingBy: 2) - 1))
        let m = lightness - chroma / 2
        let (r, g, b): RGB =
            switch hue {
            case ..<60: (chroma, x, 0)
            case ..<120: (x, chroma, 0)
            case ..<180: (0, chroma, x)
            case ..<240: (0, x, chroma)
            case ..<300: (x, 0, chroma)
            default: (chroma, 0, x)
            }
        return hex(((r + m) * 255, (g + m) * 255, (b + m) * 255))
    }
}
