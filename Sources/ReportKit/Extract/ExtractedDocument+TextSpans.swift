import Foundation

extension ExtractedDocument {
    /// The spans of `text`: the extractor's while they are still of this very text, else computed afresh
    /// (for a document decoded from JSON, or one whose text was replaced).
    func spansOfText() -> TextSpans {
        if let textSpans, ScalarText.sameUTF8(textSpans.text, text) { return textSpans }
        return TextSpans(text)
    }
}

extension ScalarText {
    /// Whether two strings have the same UTF-8 bytes (not `==`, which would also accept a canonically
    /// equivalent text with other scalars). The same storage answers at once; else the bytes are compared.
    static func sameUTF8(_ left: String, _ right: String) -> Bool {
        var left = left
        var right = right
        return left.withUTF8 { a in
            right.withUTF8 { b in
                guard a.count == b.count else { return false }
                if a.baseAddress == b.baseAddress || a.isEmpty { return true }
                return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
            }
        }
    }
}
