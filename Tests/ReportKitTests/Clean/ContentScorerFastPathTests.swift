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
        for text in ["", " 第一段，正文。\n", "a, b; c！？、；", "\u{3000}\u{A0}\u{2028}x", "e\u{301}"] {
            #expect(ContentScorer.visibleScalarCount(text) == text.unicodeScalars.filter { !$0.properties.isWhitespace }.count)
            #expect(ContentScorer.punctuationCount(text) == text.unicodeScalars.filter { "，。、；！？,;".unicodeScalars.contains($0) }.count)
            #expect(HTMLContentExtractor.characterCount(text) == text.count)
        }
        #expect(HTMLContentExtractor.characterCount("a\r\nb") == 3)
    }
}

@Suite("HTML tree fast paths") struct HTMLTreeFastPathTests {
    @Test("nodes are numbered in document order and parents are set") func numbering() throws {
        let root = try HTMLParser.parse("<html><body><div class='a'><p>一<b>二</b></p><p>三</p></div></body></html>", path: "t.html")
        var indices: [Int] = []
        var stack = [root]
        while let node = stack.popLast() {
            indices.append(node.index)
            for child in node.children {
                #expect(child.parent === node)
            }
            stack.append(contentsOf: node.children.reversed())
        }
        #expect(indices == Array(0..<indices.count))
        #expect(root.innerText == "一二三")
        #expect(HTMLMetadataReader.isJSONLD("application/LD+JSON"))
        #expect(!HTMLMetadataReader.isJSONLD("text/javascript"))
    }
}
