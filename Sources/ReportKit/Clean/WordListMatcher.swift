/// Whether a text contains any word of a fixed list, in one pass over the text's UTF-8: at each byte only the
/// words starting with that byte are compared (where searching word by word would scan the text once per word).
/// A word's first byte is never a continuation byte, so in valid UTF-8 the matches are whole-scalar matches; in
/// plain text (``ScalarText/isPlain(_:)``) they are exactly where `String.contains` finds the word.
struct WordListMatcher: Sendable {
    private let words: [[UInt8]]
    /// Indices into ``words`` by first byte.
    private let wordsByFirstByte: [[Int]]

    init(_ list: [String]) {
        words = list.map { Array($0.utf8) }
        var byFirst = [[Int]](repeating: [], count: 256)
        for (index, word) in words.enumerated() where !word.isEmpty { byFirst[Int(word[0])].append(index) }
        wordsByFirstByte = byFirst
    }

    /// Whether `text` contains one of the words byte for byte.
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for start in text.indices {
            for index in wordsByFirstByte[Int(text[start])] {
                let word = words[index]
                guard word.count <= text.count - start else { continue }
                var offset = 1
                while offset < word.count && text[start + offset] == word[offset] { offset += 1 }
                if offset == word.count { return true }
            }
        }
        return false
    }

    /// Whether `text` contains one of the words byte for byte.
    func matches(_ text: String) -> Bool {
        RowBytes.withUTF8(of: text) { matches($0) }
    }
}
