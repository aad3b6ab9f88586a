import Foundation

/// Turns dates as written (`2024-04-19 18:35`, `2024年4月19日`, `2024-05-20T09:30:00+08:00`,
/// `2024/5/20`) into ISO 8601 `YYYY-MM-DD`; partial dates without a year stay nil.
enum DateNormalizer {
    static let pattern = try! NSRegularExpression(pattern: "((?:19|20)\\d{2})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})")

    /// ``referenceISODate(_:)``, read from the UTF-8 by hand when ``DateBytes`` can decide (ICU's regex costs about
    /// ten thousand instructions per date), else by the regular expression.
    static func isoDate(_ written: String?) -> String? {
        guard let written else { return nil }
        if let decided = DateBytes.isoDate(written) { return decided }
        return referenceISODate(written)
    }

    /// The first match of ``pattern`` as ISO 8601, by the regular expression itself: what ``isoDate(_:)`` must equal.
    static func referenceISODate(_ written: String?) -> String? {
        guard let written else { return nil }
        let range = NSRange(written.startIndex..., in: written)
        guard let match = pattern.firstMatch(in: written, range: range),
            let year = Range(match.range(at: 1), in: written).flatMap({ Int(written[$0]) }),
            let month = Range(match.range(at: 2), in: written).flatMap({ Int(written[$0]) }),
            let day = Range(match.range(at: 3), in: written).flatMap({ Int(written[$0]) }),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// `String(format: "%0<width>d", value)` for a non-negative value, without Foundation's formatter.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
