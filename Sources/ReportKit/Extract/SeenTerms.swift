/// The distinct terms of one report seen so far, for "each term once, at its first mention". A report names a
/// few dozen at most: a linear scan of those seen, rejecting most by length and first scalar, costs a fraction
/// of hashing every term into a `Set` (about 400 instructions an insert). Past ``linearLimit`` terms a set of
/// ``ScalarSliceKey`` takes over, so that a report with thousands of quotations stays linear.
struct SeenTerms {
    static let linearLimit = 48

    private var list: [ArraySlice<Unicode.Scalar>] = []
    private var set: Set<ScalarSliceKey>?
    /// One bit per (length, first, last scalar) hash of the terms in ``list`` (``signatureBit(_:)``): a clear bit
    /// means no listed term can equal the one asked about, which spares the scan for most new terms (most inserts).
    private var signatures: (low: UInt64, high: UInt64) = (0, 0)

    /// Adds `term`; true when it was not seen before (as `Set.insert(_:).inserted`).
    mutating func insert(_ term: ArraySlice<Unicode.Scalar>) -> Bool {
        if set != nil { return set!.insert(ScalarSliceKey(term)).inserted }
        let bit = Self.signatureBit(term)
        let mask: UInt64 = 1 << UInt64(bit & 63)
        let word = bit < 64 ? signatures.low : signatures.high
        if word & mask != 0 {
            for seen in list where seen.count == term.count && seen.first == term.first && seen == term { return false }
        }
        if bit < 64 { signatures.low |= mask } else { signatures.high |= mask }
        // Room for a report's usual few dozen at once, instead of growing 1, 2, 4, … 32.
        if list.isEmpty { list.reserveCapacity(32) }
        list.append(term)
        if list.count > Self.linearLimit {
            set = Set(list.map(ScalarSliceKey.init))
            list = []
        }
        return true
    }

    /// A bit (0..<128) for the term's length and first and last scalars: equal terms get equal bits.
    static func signatureBit(_ term: ArraySlice<Unicode.Scalar>) -> Int {
        let first = UInt64(term.first?.value ?? 0)
        let last = UInt64(term.last?.value ?? 0)
        let key = first << 32 | last ^ UInt64(term.count) << 21
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 57)
    }
}
