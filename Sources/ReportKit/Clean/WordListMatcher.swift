/// Whether a text contains any word of a fixed list, in one pass over the text's UTF-8: at each byte only the
/// words starting with that byte are compared (where searching word by word would scan the text once per word).
/// A word's first byte is never a continuation byte, so in valid UTF-8 the matches are whole-scalar matches; in
/// plain text (``ScalarText/isPlain(_:)``) they are exactly where `String.contains` finds the word.
struct WordListMatcher: Sendable {
    private let words: [[UInt8]]
    /// Indices into ``words`` by first byte.
    private let wordsByFirstByte: [[Int]]
    /// Bit `first << 8 | second` is set when a word starts with those two bytes. Most starts in a Chinese text
    /// share a lead byte with some word but not the pair, so one bit test turns them away.
    private let pairBits: [UInt64]
    /// Whether a non-empty word is shorter than two bytes (then every start is compared).
    private let hasOneByteWord: Bool

    init(_ list: [String]) {
        words = list.map { Array($0.utf8) }
        var byFirst = [[Int]](repeating: [], count: 256)
        var pairs = [UInt64](repeating: 0, count: 1024)
        for (index, word) in words.enumerated() where !word.isEmpty {
            byFirst[Int(word[0])].append(index)
            guard word.count >= 2 else { continue }
            let pair = Int(word[0]) << 8 | Int(word[1])
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        wordsByFirstByte = byFirst
        pairBits = pairs
        hasOneByteWord = words.contains { $0.count == 1 }
    }

    /// Whether `text` contains one of the words byte for byte.
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !hasOneByteWord else { return text.indices.contains { matchesWord(in: text, at: $0) } }
        guard text.count >= 2 else { return false }
        return pairBits.withUnsafeBufferPointer { bits in
            for start in 0..<(text.count - 1) {
                let pair = Int(text[start]) << 8 | Int(text[start + 1])
                if bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0, matchesWord(in: text, at: start) { return true }
            }
            return false
        }
    }

    /// Whether one of the words starts at `start` in `text`.
    private func matchesWord(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        wordsByFirstByte[Int(text[start])].contains { isWord($0, in: text, at: start) }
    }

    /// Whether word `index`, whose first byte is `text[start]`, occurs at `start`.
    @inline(__always)
    private func isWord(_ index: Int, in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let word = words[index]
        guard word.count <= text.count - start else { return false }
        var offset = 1
        while offset < word.count && text[start + offset] == word[offset] { offset += 1 }
        return offset == word.count
    }

    /// Bit `i` is set when the non-empty word `i` (of the first 64) occurs in `text` byte for byte: one pass
    /// answers which words a text holds, where a search per word reads it once each.
    func presentWords(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var found: UInt64 = 0
        pairBits.withUnsafeBufferPointer { bits in
            for start in text.indices {
                if !hasOneByteWord {
                    guard start + 1 < text.count else { break }
                    let pair = Int(text[start]) << 8 | Int(text[start + 1])
                    guard bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                }
                for index in wordsByFirstByte[Int(text[start])] where index < 64 && isWord(index, in: text, at: start) {
                    found |= 1 << UInt64(index)
                }
            }
        }
        return found
    }

    /// ``presentWords(in:)`` of the UTF-8 of `text`.
    func presentWords(in text: String) -> UInt64 {
        RowBytes.withUTF8(of: text) { presentWords(in: $0) }
    }

    /// Whether `text` contains one of the words byte for byte.
    func matches(_ text: String) -> Bool {
        RowBytes.withUTF8(of: text) { matches($0) }
    }
}
