import Testing
@testable import ReportKit

/// Sets of ``ScalarSliceKey`` must hold exactly the distinct slices, however their sampled scalars collide.
@Suite("Scalar slice keys") struct ScalarSliceKeyTests {
    @Test("a set of slice keys dedups like a set of arrays") func sliceSet() {
        // Few distinct scalars and lengths, so that slices share their first, middle and last scalars often.
        let alphabet: [Unicode.Scalar] = ["一", "网", "通", "办", "a", "\u{20000}"]
        var generator = SplitMix64(seed: 29)
        for _ in 0..<500 {
            let text = (0..<40).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            var keys = Set<ScalarSliceKey>()
            var arrays = Set<[Unicode.Scalar]>()
            for _ in 0..<30 {
                let start = Int(generator.next() % 40)
                let end = start + Int(generator.next() % UInt64(min(6, 41 - start)))
                let slice = text[start..<end]
                #expect(keys.insert(ScalarSliceKey(slice)).inserted == arrays.insert(Array(slice)).inserted)
            }
            #expect(keys.count == arrays.count)
        }
    }
}

/// ``SeenTerms`` must answer as a set of arrays, before and after it turns into a set itself.
@Suite("seen terms") struct SeenTermsTests {
    @Test("inserted equals a set's answer, over and past the linear limit") func insertions() {
        let alphabet: [Unicode.Scalar] = ["一", "网", "通", "办", "a", "\u{20000}"]
        var generator = SplitMix64(seed: 31)
        for round in 0..<300 {
            let text = (0..<60).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            var seen = SeenTerms()
            var arrays = Set<[Unicode.Scalar]>()
            // Short terms repeat often; long runs of inserts pass the limit.
            for _ in 0..<(round % 3 == 0 ? 400 : 40) {
                let start = Int(generator.next() % 60)
                let end = start + Int(generator.next() % UInt64(min(round % 2 == 0 ? 4 : 9, 61 - start)))
                let term = text[start..<end]
                #expect(seen.insert(term) == arrays.insert(Array(term)).inserted)
            }
        }
    }
}
