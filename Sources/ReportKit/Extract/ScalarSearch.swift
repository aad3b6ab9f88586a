/// Substring search on arrays of Unicode scalars. Foundation's `String.range(of:)` bridges to NSString on
/// Linux and dominated extraction time; these loops do the same work without allocating.
extension Array where Element == Unicode.Scalar {

    func hasPrefix(_ prefix: [Unicode.Scalar]) -> Bool {
        prefix.count <= count && matches(prefix, at: 0)
    }

    func hasSuffix(_ suffix: [Unicode.Scalar]) -> Bool {
        suffix.count <= count && matches(suffix, at: count - suffix.count)
    }

    func matches(_ needle: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= count else { return false }
        for index in needle.indices where self[offset + index] != needle[index] { return false }
        return true
    }

    /// The first offset at or after `start` where `needle` occurs.
    func firstOffset(of needle: [Unicode.Scalar], from start: Int = 0) -> Int? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        var offset = Swift.max(0, start)
        while offset + needle.count <= count {
            if self[offset] == needle[0] && matches(needle, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    /// The last offset before `end` (exclusive of matches reaching past it) where `needle` occurs.
    func lastOffset(of needle: [Unicode.Scalar], before end: Int? = nil) -> Int? {
        let limit = Swift.min(end ?? count, count)
        guard !needle.isEmpty, needle.count <= limit else { return nil }
        var offset = limit - needle.count
        while offset >= 0 {
            if self[offset] == needle[0] && matches(needle, at: offset) { return offset }
            offset -= 1
        }
        return nil
    }

    func containsSubsequence(_ needle: [Unicode.Scalar]) -> Bool { firstOffset(of: needle) != nil }

    var string: String { String(String.UnicodeScalarView(self)) }
}

/// Word lists prepared once as scalar arrays.
struct ScalarWordList: Sendable {
    let words: [[Unicode.Scalar]]
    init(_ words: [String]) { self.words = words.map { Array($0.unicodeScalars) } }
}
