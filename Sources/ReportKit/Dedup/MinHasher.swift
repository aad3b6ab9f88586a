/// MinHash signatures of character shingles, the standard sketch for near-duplicate text
/// (as in datasketch and text-dedup): the share of equal signature slots estimates Jaccard similarity.
///
/// Text is reduced to ideographs, digits and letters before shingling, so a changed header, footer
/// or punctuation moves the estimate only as much as the words it changes.
public struct MinHasher: Sendable {
    public let shingleSize: Int
    public let permutations: Int
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    public init(shingleSize: Int = 5, permutations: Int = 128, seed: UInt64 = 0x5EED_2026) {
        self.shingleSize = max(1, shingleSize)
        self.permutations = max(1, permutations)
        var random = SplitMix64(seed: seed)  // deterministic on every machine, unlike Swift's hashing
        multipliers = (0..<self.permutations).map { _ in random.next() | 1 }
        increments = (0..<self.permutations).map { _ in random.next() }
    }

    /// The signature: one 32-bit minimum per permutation (512 bytes at 128 permutations).
    public func signature(of text: String) -> [UInt32] {
        signature(ofNormalized: Self.normalizedScalars(text))
    }

    /// The ideographs, digits and letters of `text`: what both the exact hash and the shingles are built from.
    static func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { CJK.isIdeograph($0) || CJK.isASCIIDigit($0) || CJK.isASCIILetter($0) }
    }

    /// The signature of text already reduced by ``normalizedScalars(_:)``.
    func signature(ofNormalized scalars: [Unicode.Scalar]) -> [UInt32] {
        var minima = [UInt32](repeating: .max, count: permutations)
        guard !scalars.isEmpty else { return minima }
        let values = scalars.map(\.value)
        let count = max(1, values.count - shingleSize + 1)
        // Unchecked buffers: this loop runs permutations × shingles times per document.
        multipliers.withUnsafeBufferPointer { multipliers in
            increments.withUnsafeBufferPointer { increments in
                minima.withUnsafeMutableBufferPointer { minima in
                    values.withUnsafeBufferPointer { values in
                        for start in 0..<count {
                            var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the shingle
                            for offset in start..<min(start + shingleSize, values.count) {
                                hash = (hash ^ UInt64(values[offset])) &* 0x0000_0100_0000_01B3
                            }
                            for index in 0..<minima.count {
                                let permuted = UInt32(truncatingIfNeeded: (multipliers[index] &* hash &+ increments[index]) >> 32)
                                if permuted < minima[index] { minima[index] = permuted }
                            }
                        }
                    }
                }
            }
        }
        return minima
    }

    /// The share of equal slots: an estimate of the Jaccard similarity of the two shingle sets.
    public static func similarity(_ left: [UInt32], _ right: [UInt32]) -> Double {
        guard left.count == right.count, !left.isEmpty else { return 0 }
        var equal = 0
        for index in left.indices where left[index] == right[index] { equal += 1 }
        return Double(equal) / Double(left.count)
    }
}
