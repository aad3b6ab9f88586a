import CKernels
import Foundation

/// Byte-level text helpers for cleaning. Appending to `String.UnicodeScalarView` one scalar at a time is slow;
/// encoding UTF-8 into a byte buffer and decoding it once is several times faster (see also `String(scalars:)`).
enum ScalarText {
    /// Appends the UTF-8 encoding of `scalar`.
    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }

    /// Whether UTF-8 `bytes` contain the byte pair `first`, `second` (such as `. `).
    static func containsPair<Bytes: Sequence<UInt8>>(_ bytes: Bytes, _ first: UInt8, _ second: UInt8) -> Bool {
        var previous: UInt8?
        for byte in bytes {
            if byte == second && previous == first { return true }
            previous = byte
        }
        return false
    }

    /// Whether the UTF-8 of `text` contains the byte pair `first`, `second`, read as contiguous bytes (the generic
    /// `UTF8View` costs several times as much per byte).
    static func containsPair(_ text: String, _ first: UInt8, _ second: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { containsPair($0, first, second) }
    }

    /// Splits text into lines on `\n` bytes (a line feed is always a grapheme of its own, so this equals
    /// splitting on the Character), dropping empty lines. The line feeds are found with `memchr`, which
    /// reads many bytes per step (a byte loop cost about three instructions a byte). Each line is whole scalars of
    /// a valid text, made a String from its bytes (``KnownValidUTF8``): a substring's String cost about 600
    /// instructions a line in index checks and the copy.
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            guard let base = bytes.baseAddress else { return lines }
            // Room for a paragraph per 512 bytes and a few short lines, so most texts never grow the array (it
            // grew five or six times a text from empty, each a copy of the lines so far).
            lines.reserveCapacity(bytes.count / 512 + 8)
            func add(_ range: Range<Int>) { lines.append(KnownValidUTF8.string(UnsafeBufferPointer(rebasing: bytes[range]))) }
            var start = 0
            while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index > start { add(start..<index) }
                start = index + 1
            }
            if bytes.count > start { add(start..<bytes.count) }
            return lines
        }
    }

    /// `lines.joined(separator: "\n")`, copied byte by byte into one buffer and made a String without validating it
    /// again (``KnownValidUTF8``): joining Strings prepares every append in place, which cost more than the copy.
    static func joinedLines(_ lines: [String]) -> String {
        guard lines.count > 1 else { return lines.first ?? "" }
        let length = lines.reduce(lines.count - 1) { $0 + $1.utf8.count }
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            count = 0
            for (index, line) in lines.enumerated() {
                if index > 0 {
                    buffer[count] = 0x0A
                    count += 1
                }
                count += RowBytes.withUTF8(of: line) { line in
                    guard let source = line.baseAddress else { return 0 }
                    (buffer.baseAddress! + count).initialize(from: source, count: line.count)
                    return line.count
                }
            }
        }
        return KnownValidUTF8.string(bytes)  // whole valid strings and line feeds
    }

    /// `text`'s bytes at `range` as a String, copied without validating them again: `range` must start and end
    /// on scalar boundaries (next to an ASCII byte, say). A String built from bytes checks every byte once more,
    /// which for the pieces of an already valid text is most of the cost of building it.
    static func substring(_ text: String, utf8 range: Range<Int>) -> String {
        String(text[utf8Index(text, range.lowerBound)..<utf8Index(text, range.upperBound)])
    }

    /// Appends the UTF-8 offsets `range` of `text` (between whole scalars) to `out` as a substring: no
    /// intermediate `String` is allocated for the piece.
    @inline(__always)
    static func append(_ text: String, utf8 range: Range<Int>, to out: inout String) {
        out.append(contentsOf: text[utf8Index(text, range.lowerBound)..<utf8Index(text, range.upperBound)])
    }

    /// The index of the UTF-8 offset `offset` (constant time for a native string).
    @inline(__always)
    static func utf8Index(_ text: String, _ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// Whether the UTF-8 of `text` contains the UTF-8 of `needle`. For a literal pattern (a regular expression's
    /// fixed text) this is a necessary condition; when ``isPlain(_:)`` holds for `text` it is also exactly
    /// `text.contains(needle)` (every scalar is a Character of its own without canonical equivalents).
    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard !needle.isEmpty else { return true }
                guard needle.count <= haystack.count else { return false }
                // glibc's memmem skips through the text with vector compares; the byte loop it replaced was the
                // boilerplate filter's largest cost (dateline and byline checks run over whole paragraphs).
                return rk_contains_bytes(haystack.baseAddress, haystack.count, needle.baseAddress, needle.count) == 1
            }
        }
    }

    /// `text.utf8.contains(byte)` over the contiguous UTF-8 (the generic `UTF8View` search costs about ten
    /// times as much per byte).
    static func containsByte(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(byte) }
    }

    /// Whether the UTF-8 of `text` ends with the UTF-8 of `suffix`: `text.hasSuffix(suffix)` when both are plain
    /// (``isPlain(_:)``). A match always starts on a scalar boundary, since no UTF-8 text starts with a
    /// continuation byte.
    static func hasSuffixBytes(_ text: String, _ suffix: String) -> Bool {
        var text = text
        var suffix = suffix
        return text.withUTF8 { bytes in
            suffix.withUTF8 { end in
                end.count <= bytes.count && UnsafeBufferPointer(rebasing: bytes[(bytes.count - end.count)...]).elementsEqual(end)
            }
        }
    }

    /// Whether the UTF-8 of `text` starts with the UTF-8 of `prefix`: `text.hasPrefix(prefix)` when both are plain
    /// (``isPlain(_:)``).
    static func hasPrefixBytes(_ text: String, _ prefix: String) -> Bool {
        var text = text
        var prefix = prefix
        return text.withUTF8 { bytes in
            prefix.withUTF8 { start in
                start.count <= bytes.count && UnsafeBufferPointer(rebasing: bytes[..<start.count]).elementsEqual(start)
            }
        }
    }

    /// True when every scalar of `text` is ``TextSpans/isPlain(_:)``: scalar-level answers equal Character-level ones.
    static func isPlain(_ text: String) -> Bool { plainScalarCount(text) != nil }

    /// ``isPlain(_:)`` and, when it holds, the scalar count (which is then `text.count`), in one pass over the
    /// UTF-8 (``PlainScalarCounter``); nil when `text` is not plain.
    static func plainScalarCount(_ text: String) -> Int? {
        RowBytes.withUTF8(of: text, PlainScalarCounter.plainScalarCount)
    }

    /// `text.unicodeScalars.allSatisfy(predicate)`, decoding the UTF-8 in place (the generic scalar view is
    /// several times slower per scalar).
    @inline(__always)
    static func allScalars(of text: String, satisfy predicate: (Unicode.Scalar) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: offset)
                guard predicate(Unicode.Scalar(value)!) else { return false }
                offset += length
            }
            return true
        }
    }

    /// `text.contains(word)`, searched byte by byte when `textIsPlain` (``isPlain(_:)`` of `text`) says that
    /// gives the same answer.
    static func contains(_ text: String, _ word: String, textIsPlain: Bool) -> Bool {
        textIsPlain ? containsBytes(text, word) : text.contains(word)
    }

    /// `text.hasSuffix(suffix)`, compared byte by byte when `textIsPlain` says that gives the same answer.
    static func hasSuffix(_ text: String, _ suffix: String, textIsPlain: Bool) -> Bool {
        textIsPlain ? hasSuffixBytes(text, suffix) : text.hasSuffix(suffix)
    }

    /// `text.count`, counted by scalar when `textIsPlain` says that gives the same answer.
    static func characterCount(_ text: String, textIsPlain: Bool) -> Int {
        textIsPlain ? scalarCount(text) : text.count
    }

    /// `text.unicodeScalars.count`, counting the UTF-8 bytes that start a scalar.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// `text.trimmingCharacters(in: set)` without Foundation's round trip through UTF-16: the scalars of `set` are
    /// dropped from both ends (what Foundation does, a surrogate pair being one scalar), and `text` itself is
    /// returned when neither end is in `set`.
    static func trimming(_ text: String, in set: CharacterSet) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !set.contains(first) && !set.contains(last) { return text }
        guard let lower = scalars.firstIndex(where: { !set.contains($0) }) else { return "" }
        let upper = scalars.lastIndex(where: { !set.contains($0) })!
        return String(scalars[lower...upper])
    }

    /// `text.replacingOccurrences(of: target, with: replacement)`, returning `text` itself when it is plain
    /// (`textIsPlain`, see ``isPlain(_:)``) and its bytes do not hold `target`'s: a plain text matches only
    /// where the exact bytes are.
    static func replacing(_ target: String, with replacement: String, in text: String, textIsPlain: Bool) -> String {
        if textIsPlain && !containsBytes(text, target) { return text }
        return text.replacingOccurrences(of: target, with: replacement)
    }

    /// `text.trimmingCharacters(in: .whitespaces)` without Foundation: trims ``TextSpans/isWhitespace(_:)``
    /// scalars (exactly Foundation's set on Linux) from both ends, returning `text` itself when there are none.
    static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !TextSpans.isWhitespace(first) && !TextSpans.isWhitespace(last) { return text }
        guard let lower = scalars.firstIndex(where: { !TextSpans.isWhitespace($0) }) else { return "" }
        let upper = scalars.lastIndex(where: { !TextSpans.isWhitespace($0) })!
        return String(scalars[lower...upper])
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
