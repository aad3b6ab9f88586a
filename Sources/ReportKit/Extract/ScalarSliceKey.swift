/// A slice of scalars in a set, hashed as one run of bytes: `ArraySlice`'s own hashing feeds the hasher one scalar
/// at a time, which cost initiatives a quarter of their time. Equality is the slices' own.
struct ScalarSliceKey: Hashable {
    let scalars: ArraySlice<Unicode.Scalar>

    init(_ scalars: ArraySlice<Unicode.Scalar>) { self.scalars = scalars }

    static func == (left: ScalarSliceKey, right: ScalarSliceKey) -> Bool { left.scalars == right.scalars }

    func hash(into hasher: inout Hasher) {
        scalars.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
