import Testing
@testable import ReportKit

/// Initiatives read from slices of the text (no String per candidate, one per sentence) must be the ones the
/// String-per-candidate loop found.
@Suite("initiatives fast path") struct InitiativeFastPathTests {
    /// The loop as first written: every candidate's term made a String, deduplicated by its UTF-8, each mention's
    /// sentence made a String of its own.
    static func reference(_ spans: TextSpans, reportID: String) -> [TermMention] {
        var seen = Set<String>()
        var seenPlain = Set<UTF8Key>()
        var mentions: [TermMention] = []
        for span in spans.slogans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let trimmed = spans.trimmed(span)
            let scalars = Array(spans.scalars[trimmed])
            guard scalars.contains(where: CJK.isIdeograph) else { continue }
            if spans.titles.contains(where: { $0.contains(span.lowerBound) }) { continue }
            let before = spans.scalars[max(0, span.lowerBound - 8)..<max(0, span.lowerBound - 1)]
            let term = spans.string(trimmed)
            if spans.isPlain {
                guard scalars.count >= 2, !scalars.contains("?") else { continue }
                if QuotedTermExtractor.honourWords.words.contains(where: Array(before).containsSubsequence) { continue }
                if scalars.first == "十" && scalars.last == "五" { continue }
                if scalars.count <= 3 && !QuotedTermExtractor.hasReformMarker(scalars) { continue }
                if scalars.first == "第" { continue }
                if scalars.contains(where: QuotedTermExtractor.isSpeechMark) { continue }
            } else {
                guard term.count >= 2, !term.contains("?") else { continue }
                let before = String(scalars: before)
                if QuotedTermExtractor.honourMarkers.contains(where: before.contains) { continue }
                if term.hasPrefix("十") && term.hasSuffix("五") { continue }
                if !QuotedTermExtractor.looksLikeReformName(term) { continue }
                if term.hasPrefix("第") { continue }
                if term.contains(where: { "!?！？".contains($0) }) { continue }
            }
            guard spans.isPlain ? seenPlain.insert(UTF8Key(term)).inserted : seen.insert(term).inserted else { continue }
            let sentence = spans.sentence(containing: span.lowerBound)
            mentions.append(
                TermMention(
                    reportID: reportID, term: term, documentType: nil, sentence: spans.string(sentence),
                    charStart: span.lowerBound, charEnd: span.upperBound))
        }
        return mentions
    }

    static let pieces = [
        "“", "”", "‘", "’", "「", "」", "\"", "《", "》", "。", "，", "！", "\n", " ", "\u{3000}", "?", "第", "十", "五", "一", "办", "网",
        "通", "好", "企业", "授予", "获评", "称号", "入选", "一网通办", "秒批", "样板间", "店小二", "十四五", "第一", "高效办成一件事",
        "a", "5", "e\u{301}", "\u{20000}", "“一网通办”", "“秒批”", "“一窗受理”", "‘三集中’", "「好办」", "“第一”", "“十四五”", "“办 ”",
        "“网e\u{301}办”", "《“一网通办”办法》", "被授予“百佳县”",
    ]

    @Test("equals the String-per-candidate loop on generated reports") func generated() {
        var random = SplitMix64(seed: 88)
        var found = 0
        for round in 0..<4000 {
            // Mostly plain text; every eighth report has a combining accent somewhere, which makes it not plain.
            let pool = round % 8 == 0 ? Self.pieces : Self.pieces.filter { ScalarText.isPlain($0) }
            let text = (0..<Int(random.next() % 60)).map { _ in pool[Int(random.next() % UInt64(pool.count))] }.joined()
            let spans = TextSpans(text)
            let expected = Self.reference(spans, reportID: "r")
            #expect(QuotedTermExtractor().initiatives(in: spans, reportID: "r") == expected, "\(text.debugDescription)")
            found += expected.count
        }
        #expect(found > 1500)
    }

    @Test("a slice's word search equals the array's") func containsWord() {
        let words: [[Unicode.Scalar]] = ["", "授予", "授", "予授", "称号号"].map { Array($0.unicodeScalars) }
        let alphabet = Array("授予称号好".unicodeScalars)
        var random = SplitMix64(seed: 89)
        for _ in 0..<5000 {
            let scalars = (0..<Int(random.next() % 10)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let lower = Int(random.next() % UInt64(scalars.count + 1))
            let upper = lower + Int(random.next() % UInt64(scalars.count - lower + 1))
            let slice = scalars[lower..<upper]
            for word in words { #expect(slice.containsWord(word) == Array(slice).containsSubsequence(word)) }
        }
    }
}
