import Foundation

/// Foundation's string searches answered from UTF-8 bytes, for texts that are plain (``ScalarText/isPlain(_:)``):
/// every scalar is a Character of its own with no canonical equivalent, so a Character-level (canonical)
/// match of a plain word is exactly a byte match, and byte offsets of a match are Character boundaries.
enum PlainText {
    /// `text.replacingOccurrences(of: target, with: replacement)` for a plain `text` and a non-empty plain
    /// `target`: leftmost matches, not overlapping, as Foundation replaces them.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        guard ScalarText.containsBytes(text, target) else { return text }
        // Read in place and made a String without validation: a match of a valid word starts at a scalar's lead
        // byte and covers whole scalars, so the bytes left and put in are whole scalars of valid UTF-8.
        return RowBytes.withUTF8(of: text) { haystack in
            RowBytes.withUTF8(of: target) { needle in
                RowBytes.withUTF8(of: replacement) { put in
                    var out: [UInt8] = []
                    out.reserveCapacity(haystack.count + put.count)
                    var index = 0
                    while index < haystack.count {
                        if index + needle.count <= haystack.count, haystack[index] == needle[0],
                            memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0
                        {
                            out.append(contentsOf: put)
                            index += needle.count
                        } else {
                            out.append(haystack[index])
                            index += 1
                        }
                    }
                    return KnownValidUTF8.string(out)
                }
            }
        }
    }

    /// `text.range(of: word)` for a plain `text` and a non-empty plain `word`: the first byte match.
    static func range(of word: String, in text: String) -> Range<String.Index>? {
        let needle = Array(word.utf8)
        let haystack = text.utf8
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var start = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -needle.count)
        while start <= last {
            let end = haystack.index(start, offsetBy: needle.count)
            if haystack[start..<end].elementsEqual(needle) { return start..<end }
            start = haystack.index(after: start)
        }
        return nil
    }

    /// `text.replacingOccurrences(of: " ", with: "")` for a plain `text`.
    static func removingSpaces(_ text: String) -> String {
        guard ScalarText.containsByte(text, 0x20) else { return text }
        return String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }
}
