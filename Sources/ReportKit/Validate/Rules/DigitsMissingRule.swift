import Foundation

/// `digits-missing`: a unit or percent sign where the number was stripped (`网上申报率达%`,
/// `实现零跑腿事项项`, `自年3月`, `共办理件`, an empty `“”`). The figure is lost; the text says so.
struct DigitsMissingRule: ValidationRule {
    let id = "digits-missing"
    let defaultSeverity = Finding.Severity.warning
    let rationale = "Sources that lost their digits must not pass as complete; these spots read as a unit with no number."

    /// The patterns as regular expressions, with what a match of each means. ``DigitsMissingScanner`` finds
    /// their matches; the expressions stay as the definition it is tested against.
    static let patterns: [(pattern: String, what: String)] = [
        ("(达到|达|为|至|到|共|计|约|近|超过|逾|率)[%％]", "a percent sign without its number"),
        ("(自|至|截至|于|在|从)年[0-9一二三四五六七八九十]", "a year without its digits"),
        ("(^|[，,。；;\\n])年以来", "a year without its digits"),
        ("事项项", "a count without its number"),
        ("(大厅|实现|均|共|累计|共办理|办理|核发|完成)(项|件|家|个|次)(事项|[，,。；;])", "a count without its number"),
        ("“”", "an empty quotation, probably a stripped number or name"),
    ]

    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding] {
        let spans = document.spansOfText()
        let text = spans.text
        let matches = DigitsMissingScanner.matches(in: spans)
        guard !matches.isEmpty else { return [] }
        var findings: [(Int, Finding)] = []
        findings.reserveCapacity(matches.count)
        for match in matches {
            // The match's scalar offsets as String indices, from the spans' UTF-8 offsets (the scalar view
            // walks from the start for each): the same positions, so the same slices and snippets.
            let range = spans.index(ofScalar: match.start)..<spans.index(ofScalar: match.end)
            let context = spans.snippet(aroundScalars: match.start..<match.end, context: 8)
                ?? TextNormalizer.snippet(text, around: range, context: 8)
            let what = Self.patterns[match.pattern].what
            findings.append(
                (match.start,
                finding(document, field: "text", message: "'\(text[range])' has \(what): the source lost its digits here.",
                    start: match.start, end: match.end, snippet: context)))
        }
        return findings.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The matches as `NSRegularExpression` finds them, in scalar offsets: the reference the scanner must equal.
    static func regexMatches(in text: String) -> [DigitsMissingScanner.Match] {
        let whole = NSRange(text.startIndex..., in: text)
        var found: [DigitsMissingScanner.Match] = []
        for (number, entry) in patterns.enumerated() {
            let expression = try! NSRegularExpression(pattern: entry.pattern)
            for match in expression.matches(in: text, range: whole) {
                guard let range = Range(match.range, in: text) else { continue }
                let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
                found.append(.init(pattern: number, start: start, end: start + text[range].unicodeScalars.count))
            }
        }
        return found
    }
}
