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

    /// The scorer's class weight skips the word search for an element without read attributes.
    @Test("the scorer's class weight equals the weight of the class and id words and name") func scorerClassWeight() throws {
        let pieces = ElementStandInsTests.pieces + [
            "<article>", "<main class=\"content\">", "<div class=\"comment\">", "<div id=\"sidebar\">", "<section style=\"x\">",
            "<div hidden>", "<article id=\"nav\">", "<main>", "<div class=\"\">", "<span class=\"share\">",
        ]
        var generator = SplitMix64(seed: 13)
        var weighted = 0
        for _ in 0..<1500 {
            let page = "<body>" + (0..<Int.random(in: 1...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let tree = try HTMLParser.parse(page, path: "t.html")
            let scorer = ContentScorer(tree: tree)
            for node in tree.nodes.indices {
                let expected = HTMLContentExtractor.classWeight(words: tree.classAndID(node), name: tree.name(node))
                if expected != 0 { weighted += 1 }
                #expect(scorer.classWeight(node) == expected, "\(page.debugDescription) node \(node)")
            }
        }
        #expect(weighted > 1000)
    }

    @Test("the byte-level trim removes exactly Foundation's whitespace and newlines") func trimSet() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(RenderedLines.isTrimmed(value) == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("author separators equal the search of the separator string") func authorSeparators() {
        let separators = " ,，、;；"
        var characters = Array(separators) + ["a", "张", "\t", "\u{3000}", "．", "：", " \u{301}", ",\u{301}", "\r\n", "\u{FF0C}\u{FE0F}"]
        var generator = SplitMix64(seed: 9)
        for _ in 0..<2000 {
            if let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &generator)) { characters.append(Character(scalar)) }
        }
        for character in characters {
            #expect(HTMLMetadataReader.isAuthorSeparator(character) == separators.contains(character), "\(character.debugDescription)")
        }
    }

    @Test("paragraphs equal trimming each line with Foundation") func paragraphs() {
        let pieces = [" ", "\t", "\n", "\r", "\u{3000}", "\u{A0}", "\u{85}", "\u{200B}", "\u{2028}", "\u{FEFF}", "正文", "a", "e\u{301}", "\u{301}", "😀", ""]
        var generator = SplitMix64(seed: 3)
        for _ in 0..<5000 {
            let lines = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            var rendered = RenderedLines()
            for line in lines {
                rendered.text.append(contentsOf: line.utf8)
                rendered.ends.append(rendered.text.count)
            }
            let expected = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            let paragraphs = rendered.trimmedParagraphs()
            #expect(paragraphs.map { Array(rendered.text[$0]) } == expected.map { Array($0.utf8) }, "\(lines)")
            #expect(Array(rendered.joined(paragraphs).utf8) == Array(expected.joined(separator: "\n").utf8))
        }
    }
}
