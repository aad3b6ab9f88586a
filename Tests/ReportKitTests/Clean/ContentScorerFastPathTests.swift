import Foundation
import Testing
@testable import ReportKit

@Suite("HTML content fast paths") struct ContentScorerFastPathTests {
    @Test("White_Space switch equals the property for every scalar") func whiteSpace() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ContentScorer.isWhiteSpaceProperty(scalar) == scalar.properties.isWhitespace)
        }
    }

    @Test("the trim pre-check covers every whitespace-and-newline scalar") func trimSuperset() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), CharacterSet.whitespacesAndNewlines.contains(scalar) else { continue }
            #expect(HTMLContentExtractor.mayBeTrimmed(scalar))
        }
        for text in ["", "正文", " 正文\n", "\u{3000}a", "a\u{2029}", "\r\n", "x\u{301}"] {
            #expect(HTMLContentExtractor.trimmingWhitespaceAndNewlines(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test("counts equal the filtered counts they replace") func counts() {
        let pieces = [
            "", " ", "第一段，正文。\n", "a, b; c！？、；", "\u{3000}\u{A0}\u{2028}x", "e\u{301}", "\u{85}\u{1680}\u{2000}\u{200A}\u{200B}",
            "\u{202F}\u{205F}\u{2029}\t\r\u{0}\u{1F}", "\u{FF0C}\u{3002}\u{3001}\u{FF1B}\u{FF01}\u{FF1F}\u{FF0D}\u{3003}", "😀𠀀", "\u{E000}\u{FFFF}",
            "\u{1000}\u{3FFF}\u{F000}", "é\u{BF}\u{7FF}\u{800}",
        ]
        var generator = SplitMix64(seed: 9)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let counts = Array(text.utf8).withUnsafeBufferPointer(ContentScorer.visibleAndPunctuationCounts)
            #expect(counts.visible == text.unicodeScalars.filter { !$0.properties.isWhitespace }.count, "\(text.debugDescription)")
            #expect(counts.punctuation == text.unicodeScalars.filter { "，。、；！？,;".unicodeScalars.contains($0) }.count)
            #expect(HTMLContentExtractor.characterCount(text) == text.count)
        }
        #expect(HTMLContentExtractor.characterCount("a\r\nb") == 3)
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "bcdefghij"
            let plain = Array(text.utf8).withUnsafeBufferPointer(PlainScalarCounter.plainScalarCount)
            #expect(plain == (TextSpans.isPlain(scalar) ? 11 : nil), "U+\(String(value, radix: 16))")
        }
    }
}

@Suite("HTML tree fast paths") struct HTMLTreeFastPathTests {
    @Test("nodes are numbered in document order, with subtree ranges and text") func numbering() throws {
        let tree = try HTMLParser.parse("<html><body><div class='a'><p>一<b>二</b></p><p>三</p></div></body></html>", path: "t.html")
        var indices: [Int] = []
        var stack = [0]
        while let node = stack.popLast() {
            indices.append(node)
            for child in tree.children(node) {
                #expect(tree.parent(child) == node)
                #expect(child > node && tree.nodes[child].end <= tree.nodes[node].end)
            }
            stack.append(contentsOf: tree.children(node).reversed())
        }
        #expect(indices == Array(0..<tree.nodes.count))
        #expect(tree.innerText(0) == "一二三")
        #expect(tree.name(0) == "#root" && tree.name(1) == "html")
        let div = try #require(indices.first { tree.name($0) == "div" })
        #expect(tree.classAndID(div) == "a ")
        #expect(tree.innerText(div) == "一二三")
        #expect(HTMLMetadataReader.isJSONLD("application/LD+JSON"))
        #expect(!HTMLMetadataReader.isJSONLD("text/javascript"))
    }

    @Test("UTF-8 validation equals the standard library's") func utf8Validation() {
        var generator = SplitMix64(seed: 21)
        let pieces: [[UInt8]] = [
            [0x41], [0x00], [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80],
            [0xE0, 0xA0, 0x80], [0xE4, 0xB8, 0xAD], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0x80, 0x80],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE4], [0xE4, 0xB8],
            [0xF0, 0x9F], [0xF0, 0x9F, 0x98],
        ]
        for _ in 0..<20000 {
            let bytes = (0..<Int.random(in: 0...6, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(UTF8Scalars.isValid) == expected, "\(bytes)")
        }
    }
}
