/// LSH buckets of one band in an open-addressing table keyed by a 64-bit mix of the band, instead of a
/// `Dictionary` keyed by the band itself: 20,000 reports × 16 bands used to be 320,000 dictionary operations
/// (SipHash over a five-word key) on the serial path after the barrier. Equal mixes are checked row by row,
/// so a collision of mixes never joins different bands.
enum BandBuckets {
    /// Every report whose band equals that of an earlier report, paired with the earliest report of that
    /// bucket: `(first, index)` with `first < index`, in ascending `index`. Signatures shorter than
    /// `rows.upperBound` are in no bucket. `mix` is replaceable so that tests can make every band collide.
    static func pairs(
        _ signatures: [[UInt32]], rows: Range<Int>, mix: ([UInt32], Range<Int>) -> UInt64 = BandBuckets.mix
    ) -> [(Int, Int)] {
        pairs(signatures, rows: rows, mixes: ArraySlice(signatures.map { $0.count >= rows.upperBound ? fold(mix($0, rows)) : 0 }))
    }

    /// ``pairs(_:rows:mix:)`` with each signature's mix of `rows` already computed (`mixes[index]`; any value
    /// for a signature too short for the band).
    static func pairs(_ signatures: [[UInt32]], rows: Range<Int>, mixes: ArraySlice<UInt32>) -> [(Int, Int)] {
        precondition(mixes.count == signatures.count)
        var capacity = 16
        while capacity < 2 * signatures.count { capacity *= 2 }
        let mask = capacity - 1
        var slotMixes = [UInt32](repeating: 0, count: capacity)
        var slotHeads = [Int](repeating: -1, count: capacity)  // the report heading the slot's bucket; -1: empty
        var pairs: [(Int, Int)] = []
        for (index, bandMix) in zip(signatures.indices, mixes) where signatures[index].count >= rows.upperBound {
            var slot = Int(truncatingIfNeeded: bandMix) & mask
            while true {
                let head = slotHeads[slot]
                if head < 0 {
                    (slotMixes[slot], slotHeads[slot]) = (bandMix, index)
                    break
                }
                if slotMixes[slot] == bandMix, signatures[head][rows] == signatures[index][rows] {
                    pairs.append((head, index))
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return pairs
    }

    /// Every band's mix of every signature, band by band: `result[band * signatures.count + index]` (0 where the
    /// signature is too short for the band), folded to 32 bits (equal mixes are checked row by row anyway). One
    /// pass over each signature: reading one band of all 20,000 signatures at a time touched a scattered cache
    /// line per signature per band, and the LSH pass after the barrier waited on memory for most of its time.
    /// The mixes take 64 bytes per report with the default 16 bands (64 MB at a million reports, while dedup runs).
    static func bandMixes(_ signatures: [[UInt32]], bands: [Range<Int>]) -> [UInt32] {
        let count = signatures.count
        var mixes = [UInt32](repeating: 0, count: count * bands.count)
        mixes.withUnsafeMutableBufferPointer { mixes in
            for (index, signature) in signatures.enumerated() {
                for (band, rows) in bands.enumerated() where signature.count >= rows.upperBound {
                    mixes[band * count + index] = fold(mix(signature, rows))
                }
            }
        }
        return mixes
    }

    /// A 64-bit mix folded to the 32 bits the buckets compare.
    static func fold(_ mix: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: mix ^ (mix >> 32)) }

    /// A 64-bit mix of the band's values and length (splitmix64's steps), not a cryptographic hash: equal
    /// bands give equal mixes, and ``pairs(_:rows:mix:)`` compares the values behind equal mixes.
    static func mix(_ signature: [UInt32], _ rows: Range<Int>) -> UInt64 {
        signature.withUnsafeBufferPointer { values in
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(rows.count + 1)
            for row in rows {
                state = (state ^ UInt64(values[row])) &* 0xBF58_476D_1CE4_E5B9
                state ^= state >> 31
            }
            state ^= state >> 30
            state = state &* 0x94D0_49BB_1331_11EB
            return state ^ (state >> 31)
        }
    }
}
