/// A scalar predicate tabulated as one bit per Basic Multilingual Plane scalar (8 KiB, so it stays in the
/// first-level cache), for tests run at every position of a text. Scalars beyond the BMP ask the predicate.
struct ScalarBits: Sendable {
    private let words: [UInt64]
    private let predicate: @Sendable (Unicode.Scalar) -> Bool

    init(_ predicate: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        var words = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in 0..<UInt32(0x10000) {
            if let scalar = Unicode.Scalar(value), predicate(scalar) { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        }
        self.words = words
        self.predicate = predicate
    }

    /// The table of a small set: only its members' bits are set. Asking a `Set` about all 65,536 BMP scalars
    /// costs about 11 M instructions at start-up for each table; the members alone cost nothing.
    init(members: Set<Unicode.Scalar>) {
        var words = [UInt64](repeating: 0, count: 0x10000 / 64)
        for scalar in members where scalar.value < 0x10000 { words[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63) }
        self.words = words
        self.predicate = { members.contains($0) }
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        words.withUnsafeBufferPointer { isMember(scalar, words: $0) }
    }

    /// The membership test of ``contains(_:)`` with the table's words already in hand.
    @inline(__always)
    private func isMember(_ scalar: Unicode.Scalar, words: UnsafeBufferPointer<UInt64>) -> Bool {
        let value = scalar.value
        guard value < 0x10000 else { return predicate(scalar) }
        return words[Int(value >> 6)] >> UInt64(value & 63) & 1 != 0
    }

    /// Whether any of `scalars` is a member: `scalars.contains(where: bits.contains)` without the closure, whose
    /// partial application copied the table (a retain and a release of its storage and predicate per call), and with
    /// the table's address loaded once.
    func containsMember<Scalars: Sequence<Unicode.Scalar>>(of scalars: Scalars) -> Bool {
        words.withUnsafeBufferPointer { words in
            scalars.contains { isMember($0, words: words) }
        }
    }

    /// The first position at or after `start` whose scalar is a member, or `text.count`: the skip loop of a
    /// scan with the table's address loaded once, about half the instructions per position of asking
    /// ``contains(_:)`` of an array's elements one by one.
    func firstMember(in text: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        words.withUnsafeBufferPointer { words in
            var index = max(start, 0)
            while index < text.count {
                let value = text[index].value
                let isMember = value < 0x10000 ? words[Int(value >> 6)] >> UInt64(value & 63) & 1 != 0 : predicate(text[index])
                if isMember { return index }
                index &+= 1  // below text.count, so it cannot overflow: no check
            }
            return text.count
        }
    }
}
