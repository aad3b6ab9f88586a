/// A tiny seedable random number generator (SplitMix64, Steele, Lea and Flood 2014) for MinHash and the synthetic corpus.
///
/// `SystemRandomNumberGenerator` and Swift's hashing are seeded per process; this generator gives the same
/// sequence for the same seed on every machine and in every run, and its helpers (`below`, `unit`, `pick`)
/// use only integer and IEEE arithmetic, so they do not depend on the standard library's version either.
///
/// ```swift
/// var random = SplitMix64(seed: 42)
/// random.below(10)  // always the same digit for seed 42
/// ```
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for item `index` of a run seeded with `seed` (report i gets stream i).
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next() ^ stream
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift; a bound below 1 gives 0).
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform `Double` in `0..<1` from the top 53 bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }
}
