extension TextSpans {
    /// ``TextNormalizer/snippet(_:around:context:)`` of the scalars `range` of ``text``, found on scalar offsets
    /// when every Character boundary the snippet's walk crosses or starts from lies between two scalars that are
    /// each a Character of their own (``isLoneCharacter(_:)``): there a Character is a scalar. Nil otherwise
    /// (combining marks, emoji sequences, CR LF, …), for the Character walk, which cost about 6,000 instructions
    /// a snippet.
    func snippet(aroundScalars range: Range<Int>, context: Int) -> String? {
        let count = scalars.count
        guard range.lowerBound >= 0, range.lowerBound <= range.upperBound, range.upperBound <= count, context >= 0 else { return nil }
        let start = max(0, range.lowerBound - context), end = min(count, range.upperBound + context + 2)
        // The boundaries at start...lowerBound and at upperBound...end, each decided by the scalars on both sides.
        let allLone = scalars.withUnsafeBufferPointer { scalars in
            let lowEnds = max(0, start - 1)..<min(count, range.lowerBound + 1)
            let highEnds = max(0, range.upperBound - 1)..<min(count, end + 1)
            return lowEnds.allSatisfy { Self.isLoneCharacter(scalars[$0]) } && highEnds.allSatisfy { Self.isLoneCharacter(scalars[$0]) }
        }
        return allLone ? string(start..<end) : nil
    }

    /// Whether `scalar` always stands alone as a Character, on both sides, whatever its neighbour, unless that
    /// neighbour extends or joins it (which is itself not lone): printable ASCII, CJK ideographs, the CJK and
    /// full-width punctuation and the quotes and dashes of Chinese text (Grapheme_Cluster_Break Other, not
    /// Extended_Pictographic, not a regional indicator, not Hangul).
    static func isLoneCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x4E00...0x9FFF, 0x3000...0x3011, 0xFF01...0xFF5E, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026: true
        default: false
        }
    }
}
