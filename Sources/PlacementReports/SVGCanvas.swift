import Foundation

/// A small writer of inline SVG for the HTML report.
///
/// Every text and attribute value goes through ``HTMLReport/escape(_:)``; coordinates are
/// written with at most two decimals in the POSIX locale, so the markup is XML-clean and
/// the same plan gives the same bytes.
///
/// ```swift
/// var svg = SVGCanvas(id: "demo", width: 200, height: 100, label: "A bar")
/// svg.rect(x: 10, y: 10, width: 20, height: 80, fill: "#0072b2", className: "bar", tooltip: "80 MW")
/// svg.text("2030", x: 20, y: 98, anchor: .middle)
/// let markup = svg.rendered()
/// ```
struct SVGCanvas {
    enum Anchor: String {
        case start, middle, end
    }

    let id: String?
    let className: String
    let width: Double
    let height: Double
    /// Read out by screen readers (`aria-label`).
    let label: String
    private var body: [String] = []

    init(id: String? = nil, className: String = "chart", width: Double, height: Double, label: String) {
        self.id = id
        self.className = className
        self.width = width.rounded(.up)
        self.height = height.rounded(.up)
        self.label = label
    }

    /// A rectangle; `tooltip` becomes a `<title>` child (shown on hover).
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, className: String? = nil,
        tooltip: String? = nil, stroke: String? = nil, data: [(String, String)] = []
    ) {
        var attributes = [
            ("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(0, width))),
            ("height", Self.number(max(0, height))), ("fill", fill),
        ]
        if let stroke { attributes.append(("stroke", stroke)) }
        if let className { attributes.insert(("class", className), at: 0) }
        attributes += data.map { ("data-\($0.0)", $0.1) }
        element("rect", attributes, tooltip: tooltip)
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#b8bcc4", width: Double = 1,
        dash: String? = nil, className: String? = nil, tooltip: String? = nil, data: [(String, String)] = []
    ) {
        var attributes = [
            ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
            ("stroke", stroke), ("stroke-width", Self.number(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.insert(("class", className), at: 0) }
        attributes += data.map { ("data-\($0.0)", $0.1) }
        element("line", attributes, tooltip: tooltip)
    }

    /// A polygon (`fill` given) or an open polyline (`fill` nil: stroked, unfilled) through `points`.
    mutating func polyline(
        _ points: [(x: Double, y: Double)], fill: String?, stroke: String = "none", width: Double = 1,
        className: String? = nil, tooltip: String? = nil
    ) {
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        var attributes = [
            ("points", list), ("fill", fill ?? "none"), ("stroke", stroke), ("stroke-width", Self.number(width)),
        ]
        if let className { attributes.insert(("class", className), at: 0) }
        element(fill == nil ? "polyline" : "polygon", attributes, tooltip: tooltip)
    }

    mutating func circle(
        cx: Double, cy: Double, r: Double, fill: String, className: String? = nil, tooltip: String? = nil
    ) {
        var attributes = [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("fill", fill)]
        if let className { attributes.insert(("class", className), at: 0) }
        element("circle", attributes, tooltip: tooltip)
    }

    /// A text label; `rotate` turns it (degrees, clockwise) about its anchor point; `background`
    /// paints a box behind an unrotated label so that grid and reference lines do not cross it.
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, className: String? = nil,
        fill: String? = nil, rotate: Double? = nil, tooltip: String? = nil, background: String? = nil,
        fontSize: Double = 11
    ) {
        if let background, rotate == nil {
            let width = Self.textWidth(text, fontSize: fontSize) + 4
            let left =
                switch anchor {
                case .start: x - 2
                case .middle: x - width / 2
                case .end: x - width + 2
                }
            body.append(
                "<rect class=\"label-box\" x=\"\(Self.number(left))\" y=\"\(Self.number(y - fontSize))\" "
                    + "width=\"\(Self.number(width))\" height=\"\(Self.number(fontSize + 3))\" fill=\"\(HTMLReport.escape(background))\"/>"
            )
        }
        var attributes = [("x", Self.number(x)), ("y", Self.number(y))]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        // A style attribute, not a fill attribute: the page's CSS would override a presentation attribute.
        if let fill { attributes.append(("style", "fill:\(fill)")) }
        if let rotate {
            attributes.append(("transform", "rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))"))
        }
        if let className { attributes.insert(("class", className), at: 0) }
        var inner = HTMLReport.escape(text)
        if let tooltip { inner = "<title>\(HTMLReport.escape(tooltip))</title>" + inner }
        body.append("<text\(Self.attributes(attributes))>\(inner)</text>")
    }

    /// A horizontal value axis: grid lines and labels at `ticks` from `left` to `right`,
    /// where `y(value)` maps a value to its position.
    mutating func horizontalGrid(
        ticks: [Double], left: Double, right: Double, y: (Double) -> Double,
        label: (Double) -> String
    ) {
        for tick in ticks {
            let position = y(tick)
            line(
                x1: left, y1: position, x2: right, y2: position, stroke: tick == 0 ? "#8a8f98" : "#e3e5e9",
                className: "grid")
            text(label(tick), x: left - 4, y: position + 3.5, anchor: .end, className: "tick")
        }
    }

    func rendered() -> String {
        var attributes = [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", className),
            ("width", Self.number(width)), ("height", Self.number(height)),
            ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"),
            ("role", "img"), ("aria-label", label),
        ]
        if let id { attributes.insert(("id", id), at: 0) }
        return "<svg\(Self.attributes(attributes))>\n" + body.joined(separator: "\n") + "\n</svg>"
    }

    private mutating func element(_ name: String, _ attributes: [(String, String)], tooltip: String?) {
        if let tooltip {
            body.append("<\(name)\(Self.attributes(attributes))><title>\(HTMLReport.escape(tooltip))</title></\(name)>")
        } else {
            body.append("<\(name)\(Self.attributes(attributes))/>")
        }
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(HTMLReport.escape($0.1))\"" }.joined()
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12.5", "3", "-0.25").
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        let magnitude = Int64(abs(hundredths))
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return (negative ? "-" : "") + text
    }

    /// Round tick values from 0 to at least `maximum`: steps of 1, 2 or 5 times a power of 10.
    static func ticks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum.isFinite, maximum > 0 else { return [0, 1] }
        let rough = maximum / Double(max(1, count))
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let last = (maximum / step).rounded(.up)
        return (0...Int(last)).map { Double($0) * step }
    }

    /// Approximate width in pixels of `text` at `fontSize` (for laying out labels).
    static func textWidth(_ text: String, fontSize: Double = 11) -> Double {
        Double(text.count) * fontSize * 0.6
    }
}
