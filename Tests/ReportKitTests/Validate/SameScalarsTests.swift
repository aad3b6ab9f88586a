import Testing
@testable import ReportKit

/// ``TextSpans/hasScalars(of:at:)`` must answer as comparing the scalars one by one (``OffsetsRule``'s definition).
@Suite("quote against text scalars") struct SameScalarsTests {
    static let pieces: [String] = ["营", "商", "a", "1", "%", "，", "\u{E9}", "e\u{301}", "\u{301}", "\u{20000}", "\u{1F468}\u{200D}\u{1F469}", "\r\n", "\n"]

    @Test("equals the scalar comparison, for slices of the text and for other quotes") func matchesScalarComparison() {
        var random = SplitMix64(seed: 4242)
        var same = 0, different = 0
        for _ in 0..<4_000 {
            let text = (0..<Int(random.next() % 24)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let spans = TextSpans(text)
            let count = spans.scalars.count
            let lower = Int(random.next() % UInt64(count + 1))
            let upper = lower + Int(random.next() % UInt64(count - lower + 1))
            // The slice itself, the slice with one scalar changed or dropped, or random text (canonically
            // equivalent forms included).
            var quote = String(String.UnicodeScalarView(spans.scalars[lower..<upper]))
            switch random.next() % 4 {
            case 0: break
            case 1: if !quote.isEmpty { quote.unicodeScalars.removeLast() }
            case 2: quote = quote.replacingOccurrences(of: "\u{E9}", with: "e\u{301}") + (random.next() % 2 == 0 ? "" : "营")
            default: quote = (0..<Int(random.next() % 4)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            }
            let expected = spans.scalars[lower..<upper].elementsEqual(quote.unicodeScalars)
            #expect(spans.hasScalars(of: quote, at: lower..<upper) == expected, "\(text.debugDescription) \(lower)..<\(upper) \(quote.debugDescription)")
            if expected { same += 1 } else { different += 1 }
        }
        #expect(same > 500 && different > 500)
    }
}
