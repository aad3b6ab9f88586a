import Testing
@testable import ReportKit

/// Sets of ``ScalarSliceKey`` and ``SeenTerms`` must hold exactly the distinct slices, however their sampled
/// scalars collide, and ``SeenTerms`` before and after it turns into a set itself.
@Suite("Scalar slice keys") struct ScalarSliceKeyTests {
    /// `rounds` random texts of `length` scalars, each with `inserts(round)` random slices of at most
    /// `longest(round)` scalars. Few distinct scalars, so that slices share first, middle and last scalars often.
    static func slices(
        seed: UInt64, rounds: Int, length: Int, inserts: (Int) -> Int, longest: (Int) -> Int,
        _ body: (_ round: Int, _ slices: [ArraySlice<Unicode.Scalar>]) -> Void
    ) {
        let alphabet: [Unicode.Scalar] = ["一", "网", "通", "办", "a", "\u{20000}"]
        var generator = SplitMix64(seed: seed)
        for round in 0..<rounds {
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let slices = (0..<inserts(round)).map { _ in
                let start = Int(generator.next() % UInt64(length))
                return text[start..<(start + Int(generator.next() % UInt64(min(longest(round), length + 1 - start))))]
            }
            body(round, slices)
        }
    }

    @Test("a set of slice keys dedups like a set of arrays") func sliceSet() {
        Self.slices(seed: 29, rounds: 500, length: 40, inserts: { _ in 30 }, longest: { _ in 6 }) { _, slices in
            var keys = Set<ScalarSliceKey>()
            var arrays = Set<[Unicode.Scalar]>()
            for slice in slices { #expect(keys.insert(ScalarSliceKey(slice)).inserted == arrays.insert(Array(slice)).inserted) }
            #expect(keys.count == arrays.count)
        }
    }

    @Test("SeenTerms answers as a set, over and past its linear limit") func seenTerms() {
        // Short terms repeat often; long runs of inserts pass the limit.
        var pastLimit = 0
        Self.slices(seed: 31, rounds: 300, length: 60, inserts: { $0 % 3 == 0 ? 400 : 40 }, longest: { $0 % 2 == 0 ? 4 : 9 }) { _, slices in
            var seen = SeenTerms()
            var arrays = Set<[Unicode.Scalar]>()
            for term in slices { #expect(seen.insert(term) == arrays.insert(Array(term)).inserted) }
            if arrays.count > SeenTerms.linearLimit { pastLimit += 1 }
        }
        #expect(pastLimit > 50)
    }
}
