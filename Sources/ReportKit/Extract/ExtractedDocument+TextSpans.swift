import Foundation

extension ExtractedDocument {
    /// The spans of `text`: the extractor's while they are still of this very text, else computed afresh
    /// (for a document decoded from JSON, or one whose text was replaced).
    func spansOfText() -> TextSpans {
        currentSpans() ?? TextSpans(text)
    }

    /// The extractor's spans while they are still of this very text, else nil.
    func currentSpans() -> TextSpans? {
        if let textSpans, ScalarText.sameUTF8(textSpans.text, text) { return textSpans }
        return nil
    }
}
