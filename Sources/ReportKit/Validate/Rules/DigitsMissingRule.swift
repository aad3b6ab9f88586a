import Foundation

/// `digits-missing`: a unit or percent sign where the number was stripped (`网上申报率达%`,
/// `实现零跑腿事项项`, `自年3月`, `共办理件`, an empty `“”`). The figure is lost; the text says so.
struct DigitsMissingRule: ValidationRule {
    let id = "digits-missing"
    let defaultSeverity = Finding.Severity.warning
    let rationale = "Sources that lost their digits must not pass as complete; these spots read as a unit with no number."

    /// Each pattern with the character pairs every match of it contains (the last character of a lead word,
    /// then the unit or mark). Scanning for those pairs is cheap; the regex runs only when one is present,
    /// which for text with its digits intact is almost never.
    static let patterns: [(NSRegularExpression, String, CharacterPairs)] = [
        ("(达到|达|为|至|到|共|计|约|近|超过|逾|率)[%％]", "a percent sign without its number", CharacterPairs("到达为至共计约近过逾率", "%％")),
        ("(自|至|截至|于|在|从)年[0-9一二三四五六七八九十]", "a year without its digits", CharacterPairs("自至于在从", "年")),
        ("(^|[，,。；;\\n])年以来", "a year without its digits", CharacterPairs("年", "以")),
        ("事项项", "a count without its number", CharacterPairs("项", "项")),
        ("(大厅|实现|均|共|累计|共办理|办理|核发|完成)(项|件|家|个|次)(事项|[，,。；;])", "a count without its number", CharacterPairs("厅现均共计理发成", "项件家个次")),
        ("“”", "an empty quotation, probably a stripped number or name", CharacterPairs("“", "”")),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1, $0.2) }

    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        let text = document.text
        let whole = NSRange(text.startIndex..., in: text)
        var findings: [(Int, Finding)] = []
        let present = CharacterPairs.present(Self.patterns.map(\.2), in: text)
        for ((pattern, what, _), isPresent) in zip(Self.patterns, present) where isPresent {
            for match in pattern.matches(in: text, range: whole) {
                guard let range = Range(match.range, in: text) else { continue }
                let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
                let end = start + text[range].unicodeScalars.count
                let context = TextNormalizer.snippet(text, around: range, context: 8)
                findings.append(
                    (start,
                    finding(document, field: "text", message: "'\(text[range])' has \(what): the source lost its digits here.",
                        start: start, end: end, snippet: context)))
            }
        }
        return findings.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// A cheap necessary condition for a pattern: some character of `first` directly followed by one of `second`.
/// The sets are a few characters each, so a linear scan beats hashing every character of the text.
struct CharacterPairs: Sendable {
    let first: [Unicode.Scalar]
    let second: [Unicode.Scalar]

    init(_ first: String, _ second: String) {
        self.first = Array(first.unicodeScalars)
        self.second = Array(second.unicodeScalars)
    }

    /// Which of `pairs` occur in `text`, in one pass over its scalars.
    static func present(_ pairs: [CharacterPairs], in text: String) -> [Bool] {
        var found = [Bool](repeating: false, count: pairs.count)
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            guard scalar.value >= 0x25 else { continue }  // every second character is % or above
            for (index, pair) in pairs.enumerated() where !found[index] && pair.second.contains(scalar) && pair.first.contains(previous) {
                found[index] = true
            }
        }
        return found
    }
}
