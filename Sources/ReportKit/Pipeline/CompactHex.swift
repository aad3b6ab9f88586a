/// A lowercase hexadecimal string — a report id, a SHA-256 digest, a dedup key — held in 33 bytes of
/// nibbles instead of a heap-allocated `String`. The global stages keep a few of these per report for the
/// whole build, so at a million reports the difference is hundreds of megabytes (see `make bench-memory`).
///
/// Any other string (upper case, longer than 64 digits, not hex) is kept as it is, so the type stands for
/// every string exactly: equality, hashing and `<` agree with the `String` it was made from.
struct CompactHex: Sendable, Hashable, Comparable, CustomStringConvertible {
    private enum Storage: Sendable, Hashable {
        /// Digit `i` sits in word `i / 16`, most significant nibble first, so words compare like the digits.
        case packed(UInt64, UInt64, UInt64, UInt64, count: UInt8)
        case text(String)
    }

    private let storage: Storage

    init(_ string: String) {
        storage = RowBytes.withUTF8(of: string, Self.pack).map { .packed($0.0, $0.1, $0.2, $0.3, count: $1) } ?? .text(string)
    }

    /// Whether the string fitted in nibbles (it had at most 64 lowercase hex digits).
    var isPacked: Bool {
        if case .packed = storage { true } else { false }
    }

    var description: String {
        switch storage {
        case .text(let string):
            return string
        case .packed(let w0, let w1, let w2, let w3, let count):
            let words = [w0, w1, w2, w3]
            return String(unsafeUninitializedCapacity: Int(count)) { buffer in
                for index in 0..<Int(count) {
                    let nibble = UInt8(truncatingIfNeeded: words[index / 16] >> (60 - 4 * UInt64(index % 16))) & 0xF
                    buffer[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
                }
                return Int(count)
            }
        }
    }

    static func < (left: CompactHex, right: CompactHex) -> Bool {
        if case .packed(let a0, let a1, let a2, let a3, let aCount) = left.storage,
            case .packed(let b0, let b1, let b2, let b3, let bCount) = right.storage
        {
            // Unused nibbles are zero, so a prefix ties on the words and the shorter string comes first, as in String.
            return (a0, a1, a2, a3, aCount) < (b0, b1, b2, b3, bCount)
        }
        return left.description < right.description
    }

    /// The indices of `keys` in ascending order of the keys (a stable sort by `<`). Most comparisons are settled
    /// by the keys' first sixteen digits, read from a plain array of words: comparing the keys themselves copies
    /// each out of the array (its enum may hold a String), about 180 instructions a comparison, and dedup sorts
    /// every kept report's id this way in the serial step after the parallel stages.
    static func sortedIndices(_ keys: [CompactHex]) -> [Int] {
        let leading = keys.map { key -> UInt64? in
            if case .packed(let word, _, _, _, _) = key.storage { word } else { nil }
        }
        // When both are packed and their first words differ, those words order them as `<` does (it compares the
        // words in order); in every other case `<` itself decides.
        return keys.indices.sorted { left, right in
            if let a = leading[left], let b = leading[right], a != b { return a < b }
            return keys[left] < keys[right]
        }
    }

    /// The digits in nibbles, or nil when `bytes` is not at most 64 lowercase hex digits. Read in place
    /// (``RowBytes/withUTF8(of:_:)``: a report id and two digests per report, and iterating the UTF-8 view cost about
    /// 30 instructions a digit).
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> ((UInt64, UInt64, UInt64, UInt64), UInt8)? {
        guard bytes.count <= 64 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var start = 0
        for slot in 0..<4 where start < bytes.count {
            let end = min(start + 16, bytes.count)
            var word: UInt64 = 0
            for index in start..<end {
                let byte = bytes[index]
                let digit = byte &- 0x30, letter = byte &- 0x61
                guard digit < 10 || letter < 6 else { return nil }
                word = word << 4 | UInt64(digit < 10 ? digit : letter &+ 10)
            }
            word <<= UInt64(4 * (16 - (end - start)))  // most significant nibble first; unused nibbles zero
            switch slot {
            case 0: words.0 = word
            case 1: words.1 = word
            case 2: words.2 = word
            default: words.3 = word
            }
            start = end
        }
        return (words, UInt8(bytes.count))
    }
}
