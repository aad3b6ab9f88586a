import CKernels

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
        text.unicodeScalars.filter(keepsForNormalizedText)
    }

    /// The scalars the normalised text keeps: ideographs, ASCII digits and letters.
    static func keepsForNormalizedText(_ scalar: Unicode.Scalar) -> Bool {
        CJK.isIdeograph(scalar) || CJK.isASCIIDigit(scalar) || CJK.isASCIILetter(scalar)
    }

    /// ``normalizedScalars(_:)`` as UTF-8 bytes (for the exact hash) and code points (for the shingles),
    /// decoded straight from the text's UTF-8 in one pass.
    static func normalized(_ text: String) -> (utf8: [UInt8], values: [UInt32]) {
        var text = text
        return text.withUTF8 { input in
            // Both outputs are at most as long as the input; write them through raw buffers.
            var values: [UInt32] = []
            let bytes = [UInt8](unsafeUninitializedCapacity: input.count) { bytes, byteCount in
                values = [UInt32](unsafeUninitializedCapacity: input.count) { values, count in
                    // Raw pointers and wrapping arithmetic: indices stay below the input's count, and the
                    // closures' captured buffers were reloaded from memory on every write.
                    guard let source = input.baseAddress, let out = bytes.baseAddress, let kept = values.baseAddress else { return }
                    var index = 0
                    var written = 0
                    var keptCount = 0
                    let end = input.count
                    while index < end {
                        let lead = source[index]
                        if lead & 0xF0 == 0xE0 {
                            // Three bytes (U+0800…U+FFFF), almost every scalar of a Chinese text.
                            let second = source[index &+ 1], third = source[index &+ 2]
                            let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                            if CJK.isIdeograph(value: value) {
                                (out[written], out[written &+ 1], out[written &+ 2]) = (lead, second, third)
                                written &+= 3
                                kept[keptCount] = value
                                keptCount &+= 1
                            }
                            index &+= 3
                        } else if lead < 0x80 {
                            // ASCII digits and letters.
                            if CJK.isASCIIDigit(Unicode.Scalar(lead)) || CJK.isASCIILetter(Unicode.Scalar(lead)) {
                                out[written] = lead
                                written &+= 1
                                kept[keptCount] = UInt32(lead)
                                keptCount &+= 1
                            }
                            index &+= 1
                        } else if lead < 0xE0 {
                            index &+= 2  // U+0080...U+07FF: never an ideograph
                        } else {
                            let value = UInt32(lead & 0x07) << 18 | UInt32(source[index &+ 1] & 0x3F) << 12
                                | UInt32(source[index &+ 2] & 0x3F) << 6 | UInt32(source[index &+ 3] & 0x3F)
                            if CJK.isIdeograph(value: value) {
                                (out + written).update(from: source + index, count: 4)
                                written &+= 4
                                kept[keptCount] = value
                                keptCount &+= 1
                            }
                            index &+= 4
                        }
                    }
                    count = keptCount
                    byteCount = written
                }
            }
            return (bytes, values)
        }
    }

    /// The signature of text already reduced by ``normalizedScalars(_:)``.
    func signature(ofNormalized scalars: [Unicode.Scalar]) -> [UInt32] {
        signature(ofValues: scalars.map(\.value))
    }

    /// The signature of the normalised text's code points.
    ///
    /// Two exact rewrites of ``referenceSignature(ofNormalized:)`` make this several times cheaper per slot:
    /// `(r >> 32)` never decreases as `r` grows, so the minimum of the high halves is the high half of the
    /// minimum of the full 64-bit permuted values (no shift per shingle and slot); and the loops are turned
    /// around — the shingle hashes are computed once, then each group of four slots keeps its multipliers,
    /// increments and minima in registers while it streams over them.
    func signature(ofValues values: [UInt32], kernel: Kernel = .fastest) -> [UInt32] {
        guard !values.isEmpty else { return [UInt32](repeating: .max, count: permutations) }
        let hashes = Self.shingleHashes(values, size: shingleSize, kernel: kernel)
        var minima = [UInt64](repeating: .max, count: permutations)
        if kernel == .avx512 {
            hashes.withUnsafeBufferPointer { hashes in
                minima.withUnsafeMutableBufferPointer { minima in
                    rk_minhash_minima_avx512(hashes.baseAddress, hashes.count, multipliers, increments, minima.baseAddress, minima.count)
                }
            }
            return minima.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        }
        if kernel == .avx2 {
            return [UInt32](unsafeUninitializedCapacity: permutations) { high, initialized in
                hashes.withUnsafeBufferPointer { hashes in
                    rk_minhash_high_minima_avx2(hashes.baseAddress, hashes.count, multipliers, increments, high.baseAddress, permutations)
                }
                initialized = permutations
            }
        }
        multipliers.withUnsafeBufferPointer { multipliers in
            increments.withUnsafeBufferPointer { increments in
                minima.withUnsafeMutableBufferPointer { minima in
                    hashes.withUnsafeBufferPointer { hashes in
                        var slot = 0
                        while slot + 4 <= minima.count {
                            let (a0, a1, a2, a3) = (multipliers[slot], multipliers[slot + 1], multipliers[slot + 2], multipliers[slot + 3])
                            let (b0, b1, b2, b3) = (increments[slot], increments[slot + 1], increments[slot + 2], increments[slot + 3])
                            var (m0, m1, m2, m3) = (UInt64.max, UInt64.max, UInt64.max, UInt64.max)
                            for hash in hashes {
                                m0 = Swift.min(m0, a0 &* hash &+ b0)
                                m1 = Swift.min(m1, a1 &* hash &+ b1)
                                m2 = Swift.min(m2, a2 &* hash &+ b2)
                                m3 = Swift.min(m3, a3 &* hash &+ b3)
                            }
                            (minima[slot], minima[slot + 1], minima[slot + 2], minima[slot + 3]) = (m0, m1, m2, m3)
                            slot += 4
                        }
                        while slot < minima.count {
                            for hash in hashes { minima[slot] = Swift.min(minima[slot], multipliers[slot] &* hash &+ increments[slot]) }
                            slot += 1
                        }
                    }
                }
            }
        }
        return minima.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    /// How the minima are computed; every kernel gives the same signature (a unit test compares them).
    enum Kernel: Sendable, Equatable {
        /// Portable Swift, four slots at a time.
        case portable
        /// Eight slots per AVX-512 vector (CKernels); only where ``avx512Available``.
        case avx512
        /// Four slots per AVX2 vector, from 32-bit multiplies (CKernels); only where ``avx2Available``. On a CPU
        /// without AVX-512 (the AMD EPYC Rome of one session here) it took dedup.prepare from 3.3 to ~1 s of CPU on the
        /// bench corpus, where the portable loop made it the second-costliest stage.
        case avx2

        /// The widest kernel this CPU runs. The default build targets baseline x86-64, which has no 64-bit vector
        /// multiply, so the check is made at run time rather than at compile time.
        static let fastest: Kernel = avx512Available ? .avx512 : avx2Available ? .avx2 : .portable
        static let avx512Available = rk_minhash_has_avx512() != 0
        static let avx2Available = rk_minhash_has_avx2() != 0
    }

    /// ``shingleHashes(_:size:)``, eight (AVX-512) or four (AVX2) shingles at a time (CKernels) when `kernel` says so.
    static func shingleHashes(_ values: [UInt32], size: Int, kernel: Kernel) -> [UInt64] {
        guard kernel != .portable, values.count >= size else { return shingleHashes(values, size: size) }
        return [UInt64](unsafeUninitializedCapacity: values.count - size + 1) { hashes, initialized in
            values.withUnsafeBufferPointer { values in
                if kernel == .avx512 {
                    rk_shingle_hashes_avx512(values.baseAddress, values.count, size, hashes.baseAddress)
                } else {
                    rk_shingle_hashes_avx2(values.baseAddress, values.count, size, hashes.baseAddress)
                }
            }
            initialized = values.count - size + 1
        }
    }

    /// FNV-1a of every shingle of `size` code points (one shingle of the whole text when it is shorter).
    static func shingleHashes(_ values: [UInt32], size: Int) -> [UInt64] {
        let count = max(1, values.count - size + 1)
        return [UInt64](unsafeUninitializedCapacity: count) { hashes, initialized in
            values.withUnsafeBufferPointer { values in
                for start in 0..<count {
                    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                    for offset in start..<min(start + size, values.count) {
                        hash = (hash ^ UInt64(values[offset])) &* 0x0000_0100_0000_01B3
                    }
                    hashes[start] = hash
                }
            }
            initialized = count
        }
    }

    /// The signature computed the plain way, shingle by shingle and slot by slot: what
    /// ``signature(ofValues:)`` must equal (a unit test compares them).
    func referenceSignature(ofNormalized scalars: [Unicode.Scalar]) -> [UInt32] {
        var minima = [UInt32](repeating: .max, count: permutations)
        guard !scalars.isEmpty else { return minima }
        let values = scalars.map(\.value)
        let count = max(1, values.count - shingleSize + 1)
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
