/// A slice of scalars in a set, hashed by its length and three of its scalars: `ArraySlice`'s own hashing feeds
/// the hasher one scalar at a time, which cost initiatives a quarter of their time, and even one run of bytes
/// costs several hasher rounds for a term that is seldom seen twice. Equal slices hash alike; unequal ones that
/// share the sampled scalars are told apart by equality, which is the slices' own.
struct ScalarSliceKey: Hashable {
    let scalars: ArraySlice<Unicode.Scalar>

    init(_ scalars: ArraySlice<Unicode.Scalar>) { self.scalars = scalars }

    static func == (left: ScalarSliceKey, right: ScalarSliceKey) -> Bool { left.scalars == right.scalars }

    func hash(into hasher: inout Hasher) {
        guard let first = scalars.first, let last = scalars.last else {
            hasher.combine(0 as UInt64)
            return
        }
        let middle = scalars[scalars.startIndex + scalars.count / 2]
        // 21 bits per scalar: the three in one word, then the length.
        hasher.combine(UInt64(first.value) | UInt64(middle.value) << 21 | UInt64(last.value) << 42)
        hasher.combine(scalars.count)
    }
}
