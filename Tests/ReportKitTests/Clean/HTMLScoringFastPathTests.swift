import Foundation
import Testing
@testable import ReportKit

/// The one-pass word search of the class weight must answer as searching the class and id text word by
/// word with `String.contains` did.
@Suite("HTML scoring fast paths") struct HTMLScoringFastPathTests {
    static func straightforwardClassWeight(words: String, name: String) -> Double {
        var weight = 0.0
        if words.unicodeScalars.contains(where: { !TextSpans.isWhitespace($0) }) {
            if HTMLContentExtractor.negativeWords.contains(where: { words.contains($0) }) { weight -= 25 }
            if HTMLContentExtractor.positiveWords.contains(where: { words.contains($0) }) { weight += 25 }
        }
        if name == "article" || name == "main" { weight += 15 }
        return weight
    }

    @Test("class weight equals the word-by-word search") func classWeight() {
        let pieces = HTMLContentExtractor.negativeWords + HTMLContentExtractor.positiveWords + [
            " ", "  ", "\t", "\u{3000}", "-", "_", "a", "d", "n", "na", "ma", "x", "side-", "con", "tent", "正文", "导航", "e\u{301}",
            "a\u{301}rticle", "\r\n", "\u{200B}", "zw\u{301}", "ad\u{300}-", "nav\u{0}",
        ]
        var generator = SplitMix64(seed: 11)
        for _ in 0..<20000 {
            let words = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let name = ["div", "article", "main", "p", "section"].randomElement(using: &generator)!
            #expect(
                HTMLContentExtractor.classWeight(words: words, name: name) == Self.straightforwardClassWeight(words: words, name: name),
                "\(words.debugDescription)")
        }
    }
}
