/// The distinct terms of one report seen so far, for "each term once, at its first mention". A report names a
/// few dozen at most: a linear scan of those seen, rejecting most by length and first scalar, costs a fraction
/// of hashing every term into a `Set` (about 400 instructions an insert). Past ``linearLimit`` terms a set of
/// ``ScalarSliceKey`` takes over, so that a report with thousands of quotations stays linear.
struct SeenTerms {
    static let linearLimit = 48

    private var list: [ArraySlice<Unicode.Scalar>] = []
    private var set: Set<ScalarSliceKey>?

    /// Adds `term`; true when it was not seen before (as `Set.insert(_:).inserted`).
    mutating func insert(_ term: ArraySlice<Unicode.Scalar>) -> Bool {
        if set != nil { return set!.insert(ScalarSliceKey(term)).inserted }
        for seen in list where seen.count == term.count && seen.first == term.first && seen == term { return false }
        // Room for a report's usual few dozen at once, instead of growing 1, 2, 4, … 32.
        if list.isEmpty { list.reserveCapacity(32) }
        list.append(term)
        if list.count > Self.linearLimit {
            set = Set(list.map(ScalarSliceKey.init))
            list = []
        }
        return true
    }
}
