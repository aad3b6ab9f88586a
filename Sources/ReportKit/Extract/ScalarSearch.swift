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

    var string: String { String(scalars: self) }
}

extension ArraySlice where Element == Unicode.Scalar {
    /// `Array(self).containsSubsequence(needle)` without the copy (false for an empty needle, as there).
    func containsWord(_ needle: [Unicode.Scalar]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return false }
        var offset = startIndex
        while offset + needle.count <= endIndex {
            if self[offset] == first && needle.indices.allSatisfy({ self[offset + $0] == needle[$0] }) { return true }
            offset += 1
        }
        return false
    }
}

extension String {
    /// A String of `scalars`, encoded to UTF-8 in one buffer. Appending to a `String.UnicodeScalarView`
    /// one scalar at a time is several times slower, and extraction builds a String for every term,
    /// sentence and quote it reports. Encoded scalars are well-formed UTF-8, so the bytes (in a scratch
    /// buffer, on the stack when small) become the String without the validation of
    /// `String(unsafeUninitializedCapacity:initializingUTF8With:)`, which cost more than the encoding.
    /// Each scalar is encoded by its length in place (`UTF8.encode` with its closure took about 40 instructions a
    /// scalar); the ASCII flag is whether no value reaches 0x80.
    init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { buffer in
            guard let out = buffer.baseAddress else { return "" }
            var count = 0
            var union: UInt32 = 0
            for scalar in scalars {
                let value = scalar.value
                union |= value
                if value < 0x80 {
                    out[count] = UInt8(truncatingIfNeeded: value)
                    count &+= 1
                } else if value < 0x800 {
                    out[count] = 0xC0 | UInt8(truncatingIfNeeded: value >> 6)
                    out[count &+ 1] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
                    count &+= 2
                } else if value < 0x10000 {
                    out[count] = 0xE0 | UInt8(truncatingIfNeeded: value >> 12)
                    out[count &+ 1] = 0x80 | UInt8(truncatingIfNeeded: value >> 6 & 0x3F)
                    out[count &+ 2] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
                    count &+= 3
                } else {
                    out[count] = 0xF0 | UInt8(truncatingIfNeeded: value >> 18)
                    out[count &+ 1] = 0x80 | UInt8(truncatingIfNeeded: value >> 12 & 0x3F)
                    out[count &+ 2] = 0x80 | UInt8(truncatingIfNeeded: value >> 6 & 0x3F)
                    out[count &+ 3] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
                    count &+= 4
                }
            }
            return KnownValidUTF8.string(UnsafeBufferPointer(start: out, count: count), isASCII: union < 0x80)
        }
    }
}

/// Word lists prepared once as scalar arrays.
struct ScalarWordList: Sendable {
    let words: [[Unicode.Scalar]]
    init(_ words: [String]) { self.words = words.map { Array($0.unicodeScalars) } }
}

/// A read-only map from scalars to values that answers with an array index instead of hashing: the
/// Basic Multilingual Plane (all of CJK's common ideographs) goes through a 64 Ki slot table, the rest
/// through a dictionary. For lookups at every position of a text.
struct ScalarTable<Value: Sendable>: Sendable {
    private let slots: [Int32]
    private let values: [Value]
    private let astral: [Unicode.Scalar: Value]

    init(_ entries: [Unicode.Scalar: Value]) {
        var slots = [Int32](repeating: -1, count: 0x10000)
        var values: [Value] = []
        var astral: [Unicode.Scalar: Value] = [:]
        for (scalar, value) in entries {
            if scalar.value < 0x10000 {
                slots[Int(scalar.value)] = Int32(values.count)
                values.append(value)
            } else {
                astral[scalar] = value
            }
        }
        self.slots = slots
        self.values = values
        self.astral = astral
    }

    subscript(scalar: Unicode.Scalar) -> Value? {
        guard scalar.value < 0x10000 else { return astral[scalar] }
        let slot = slots[Int(scalar.value)]
        return slot < 0 ? nil : values[Int(slot)]
    }
}
