import Testing
@testable import ReportKit

/// LSH buckets found by sorting must be the buckets a dictionary keyed by the band's values gives.
@Suite("BandBuckets") struct BandBucketsTests {
    /// The definition: the first report with a band heads its bucket; every later one pairs with it.
    static func referencePairs(_ signatures: [[UInt32]], rows: Range<Int>) -> [(Int, Int)] {
        var heads: [[UInt32]: Int] = [:]
        var pairs: [(Int, Int)] = []
        for (index, signature) in signatures.enumerated() where signature.count >= rows.upperBound {
            let band = Array(signature[rows])
            if let head = heads[band] { pairs.append((head, index)) } else { heads[band] = index }
        }
        return pairs
    }

    static func sorted(_ pairs: [(Int, Int)]) -> [[Int]] { pairs.map { [$0.0, $0.1] }.sorted { $0.lexicographicallyPrecedes($1) } }

    /// Signatures over a tiny alphabet, so that many bands are equal; some too short for the last bands.
    static func signatures(_ random: inout SplitMix64, count: Int, length: Int) -> [[UInt32]] {
        (0..<count).map { _ in
            let short = random.next() % 10 == 0
            return (0..<(short ? length / 2 : length)).map { _ in UInt32(random.next() % 3) }
        }
    }

    @Test("pairs equal the dictionary definition, with real mixes and with every mix colliding") func matchesReference() {
        var random = SplitMix64(seed: 31)
        var paired = 0
        for _ in 0..<200 {
            let signatures = Self.signatures(&random, count: Int(random.next() % 60), length: 12)
            for rows in [0..<3, 3..<6, 9..<12, 0..<12, 5..<6] {
                let expected = Self.sorted(Self.referencePairs(signatures, rows: rows))
                #expect(Self.sorted(BandBuckets.pairs(signatures, rows: rows)) == expected)
                #expect(Self.sorted(BandBuckets.pairs(signatures, rows: rows, mix: { _, _ in 42 })) == expected)
                paired += expected.count
            }
        }
        #expect(paired > 1000)  // the alphabet is small enough that buckets are shared
    }

    @Test("every band's precomputed mixes give the pairs of the definition") func precomputedMixes() {
        var random = SplitMix64(seed: 47)
        var paired = 0
        let bands = [0..<3, 3..<6, 6..<9, 9..<12, 12..<12]
        for _ in 0..<200 {
            let signatures = Self.signatures(&random, count: Int(random.next() % 60), length: 12)
            let mixes = BandBuckets.bandMixes(signatures, bands: bands)
            #expect(mixes.count == signatures.count * bands.count)
            for (band, rows) in bands.enumerated() {
                let bandMixes = mixes[(band * signatures.count)..<((band + 1) * signatures.count)]
                for (index, signature) in signatures.enumerated() where signature.count >= rows.upperBound {
                    #expect(bandMixes[bandMixes.startIndex + index] == BandBuckets.fold(BandBuckets.mix(signature, rows)))
                }
                let expected = Self.sorted(Self.referencePairs(signatures, rows: rows))
                #expect(Self.sorted(BandBuckets.pairs(signatures, rows: rows, mixes: bandMixes)) == expected)
                paired += expected.count
            }
        }
        #expect(paired > 1000)
    }

    @Test("the bands bucketed on two threads give each band's pairs of the definition") func parallelBands() {
        var random = SplitMix64(seed: 59)
        let count = Deduplicator.signaturesPerExtraThread + 1000
        // Twelve rows over a tiny alphabet, so that bands are shared; a tenth too short for the last bands.
        let signatures = Self.signatures(&random, count: count, length: 12)
        let bands = [0..<3, 3..<6, 6..<9, 9..<12]
        let expected = bands.map { Self.sorted(Self.referencePairs(signatures, rows: $0)) }
        for jobs in [1, 2, 3] {
            let found = Deduplicator(jobs: jobs).bandPairs(signatures, bands: bands)
            #expect(found.count == bands.count)
            for band in bands.indices { #expect(Self.sorted(found[band]) == expected[band], "jobs \(jobs), band \(band)") }
        }
        #expect(expected.map(\.count).reduce(0, +) > count)
    }

    @Test("equal bands mix equally; different bands rarely") func mix() {
        var random = SplitMix64(seed: 3)
        var mixes = Set<UInt64>()
        for _ in 0..<5000 {
            let signature = (0..<8).map { _ in UInt32(truncatingIfNeeded: random.next()) }
            #expect(BandBuckets.mix(signature, 0..<8) == BandBuckets.mix(Array(signature), 0..<8))
            mixes.insert(BandBuckets.mix(signature, 0..<8))
        }
        #expect(mixes.count == 5000)
        #expect(BandBuckets.mix([1, 2, 0], 0..<2) != BandBuckets.mix([1, 2, 0], 0..<3))  // the band's length counts
    }
}
