/// The cleaned text as Unicode scalars with the spans extraction needs: sentences, and the insides of
/// `《…》` titles and short `“…”` slogans, where numbers are names, not claims.
struct TextSpans {
    let scalars: [Unicode.Scalar]
    /// Half-open sentence ranges covering the text.
    let sentences: [Range<Int>]
    /// Inside `《…》`.
    let titles: [Range<Int>]
    /// Inside `“…”` / `‘…’` / `「…」` when short and without sentence punctuation (slogans, names).
    let slogans: [Range<Int>]
    /// Inside long `“…”` (quoted speech): claims there count.
    let speech: [Range<Int>]

    static let sentenceEnders: Set<Unicode.Scalar> = Set("。！？；!?;\n".unicodeScalars)
    static let closers: Set<Unicode.Scalar> = Set("”’」』)）".unicodeScalars)

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            if Self.sentenceEnders.contains(scalars[index]) {
                var end = index + 1
                while end < scalars.count, Self.closers.contains(scalars[end]) { end += 1 }
                if end > start { sentences.append(start..<end) }
                start = end
                index = end
                continue
            }
            index += 1
        }
        if start < scalars.count { sentences.append(start..<scalars.count) }
        self.sentences = sentences
        self.titles = Self.bracketed(scalars, open: "《", close: "》", maxLength: 80)
        var slogans: [Range<Int>] = []
        var speech: [Range<Int>] = []
        for (open, close) in [("“", "”"), ("‘", "’"), ("「", "」"), ("\"", "\"")] as [(Unicode.Scalar, Unicode.Scalar)] {
            for span in Self.bracketed(scalars, open: open, close: close, maxLength: 400) {
                let inner = scalars[span]
                let isSpeech = inner.count > 24 || inner.contains(where: { "。！？，,".unicodeScalars.contains($0) })
                if isSpeech { speech.append(span) } else { slogans.append(span) }
            }
        }
        self.slogans = slogans
        self.speech = speech
    }

    /// Ranges strictly inside matching `open`/`close` pairs (not nested across lines).
    static func bracketed(_ scalars: [Unicode.Scalar], open: Unicode.Scalar, close: Unicode.Scalar, maxLength: Int)
        -> [Range<Int>]
    {
        var spans: [Range<Int>] = []
        var openedAt: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" { openedAt = nil }
            if open == close {
                if scalar == open {
                    if let start = openedAt {
                        if index - start - 1 <= maxLength { spans.append((start + 1)..<index) }
                        openedAt = nil
                    } else {
                        openedAt = index
                    }
                }
                continue
            }
            if scalar == open {
                openedAt = index
            } else if scalar == close, let start = openedAt {
                if index - start - 1 <= maxLength { spans.append((start + 1)..<index) }
                openedAt = nil
            }
        }
        return spans
    }

    func sentence(containing position: Int) -> Range<Int> {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = sentences[middle]
            if position < range.lowerBound {
                high = middle - 1
            } else if position >= range.upperBound {
                low = middle + 1
            } else {
                return range
            }
        }
        return position..<min(position + 1, scalars.count)
    }

    func isInsideName(_ position: Int) -> Bool {
        titles.contains { $0.contains(position) } || slogans.contains { $0.contains(position) }
    }

    func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range.clamped(to: 0..<scalars.count)]))
    }

    /// True when the scalars before `position` end with `word`.
    func hasPrefix(_ word: String, before position: Int) -> Bool {
        let needle = Array(word.unicodeScalars)
        return position <= scalars.count && scalars.matches(needle, at: position - needle.count)
    }

    /// True when the scalars from `position` start with `word`.
    func hasWord(_ word: String, at position: Int) -> Bool {
        scalars.matches(Array(word.unicodeScalars), at: position)
    }
}
