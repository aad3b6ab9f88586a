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
        storage = Self.pack(string.utf8).map { .packed($0.0, $0.1, $0.2, $0.3, count: $1) } ?? .text(string)
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

    private static func pack(_ utf8: String.UTF8View) -> ((UInt64, UInt64, UInt64, UInt64), UInt8)? {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        for byte in utf8 {
            guard count < 64 else { return nil }
            let nibble: UInt8
            switch byte {
            case 0x30...0x39: nibble = byte - 0x30
            case 0x61...0x66: nibble = byte - 0x57
            default: return nil
            }
            let shifted = UInt64(nibble) << (60 - 4 * UInt64(count % 16))
            switch count / 16 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            case 2: words.2 |= shifted
            default: words.3 |= shifted
            }
            count += 1
        }
        return (words, UInt8(count))
    }
}
