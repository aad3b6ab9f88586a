import Testing
@testable import ReportKit

/// ``TextSpans/snippet(aroundScalars:context:)`` must give the Character walk's snippet whenever it gives one.
@Suite("snippet on scalar offsets") struct ScalarSnippetTests {
    /// Lone Characters, and scalars that join their neighbours (combining marks, variation selectors, ZWJ emoji
    /// sequences, CR LF, regional indicators, Hangul jamo, an ideographic tone mark) or are pictographs.
    static let pieces: [String] = [
        "营", "商", "环", "境", "a", "1", "%", "，", "。", "“", "”", "—", "…", "《", "》", "％", " ", "\u{3000}",
        "e\u{301}", "\u{301}", "1\u{FE0F}\u{20E3}", "\u{1F468}\u{200D}\u{1F469}", "\u{200D}", "\r\n", "\r", "\n", "\u{1F1E8}\u{1F1F3}",
        "\u{1F1E8}", "\u{1100}\u{1161}", "\u{AC00}", "\u{302A}", "\u{3030}", "\u{203C}", "\u{20000}", "\u{FE0F}", "\u{0600}",
    ]

    @Test("equals TextNormalizer.snippet wherever it answers, and answers on plain Chinese text") func matchesCharacterWalk() {
        var random = SplitMix64(seed: 77)
        var answered = 0, declined = 0
        for round in 0..<6_000 {
            // Mostly lone Characters, so that both outcomes are common.
            let rare = round % 3 == 0 ? 3 : 12
            var text = ""
            for _ in 0..<Int(random.next() % 40) {
                text += random.next() % UInt64(rare) == 0 ? Self.pieces[18 + Int(random.next() % UInt64(Self.pieces.count - 18))]
                    : Self.pieces[Int(random.next() % 18)]
            }
            let spans = TextSpans(text)
            let count = spans.scalars.count
            let lower = Int(random.next() % UInt64(count + 1))
            let upper = lower + Int(random.next() % UInt64(count - lower + 1))
            let context = Int(random.next() % 10)
            let expected = TextNormalizer.snippet(
                text, around: spans.index(ofScalar: lower)..<spans.index(ofScalar: upper), context: context)
            if let fast = spans.snippet(aroundScalars: lower..<upper, context: context) {
                #expect(Array(fast.utf8) == Array(expected.utf8), "\(text.debugDescription) \(lower)..<\(upper) ±\(context)")
                answered += 1
            } else {
                declined += 1
            }
        }
        #expect(answered > 1_000 && declined > 1_000)
        #expect(TextSpans("").snippet(aroundScalars: 0..<0, context: 8) == "")
        #expect(TextSpans("营商").snippet(aroundScalars: 1..<3, context: 8) == nil)
    }
}
