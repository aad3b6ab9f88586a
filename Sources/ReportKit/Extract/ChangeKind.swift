extension MetricExtractor {
    /// level | from_to | increase | decrease | rank | share, as ``Metric/kind`` spells them: compared as a
    /// number while a claim is judged, made a String once for its metric.
    enum Kind: String {
        case level, fromTo = "from_to", increase, decrease, rank, share
    }

    /// increase/decrease when a change verb sits just before the number (without 至/到/为, which make the
    /// number a new level), share after 占/占比; else level.
    ///
    /// ``referenceChangeKind(before:in:sentence:unit:)`` copies the window (and its trimmed tail) into new arrays
    /// for every claim; this asks the same questions of the text's scalars between two bounds.
    static func changeKind(before position: Int, in scalars: [Unicode.Scalar], sentence: Range<Int>, unit: UnitLexicon.Normalized) -> Kind {
        let full = max(sentence.lowerBound, position - 8)..<position  // traps as the slice would when inverted
        var lower = full.lowerBound
        let upper = full.upperBound
        if let cut = scalars[full].lastIndex(where: isClauseMark) { lower = cut + 1 }
        /// `Array(scalars[lower..<end]).hasSuffix(word)`.
        func endsWith(_ word: [Unicode.Scalar], at end: Int, from start: Int) -> Bool {
            word.count <= end - start && scalars.matches(word, at: end - word.count)
        }
        /// `Array(scalars[lower..<upper]).containsSubsequence(word)` (false for an empty word, as there).
        func contains(_ word: [Unicode.Scalar]) -> Bool {
            guard !word.isEmpty, word.count <= upper - lower else { return false }
            for offset in lower...(upper - word.count) where scalars[offset] == word[0] && scalars.matches(word, at: offset) {
                return true
            }
            return false
        }
        let last: Unicode.Scalar? = upper > lower ? scalars[upper - 1] : nil
        // Every share word holds 占: without one in the window none of them can match.
        if scalars[lower..<upper].contains("占"),
            last == "占" || endsWith(shareVerb, at: upper, from: lower) || shareMarkers.words.contains(where: contains)
        {
            return .share
        }
        let endsWithLe = last == "了"
        // The target markers are single scalars (``targetEnds``): ending with one is the last scalar being one.
        if !endsWithLe, let last, targetEnds.contains(last) { return .level }
        // The tail: the last four scalars of the window without a final 了.
        let tailEnd = endsWithLe ? upper - 1 : upper
        let tailStart = max(lower, tailEnd - 4)
        let tailLast: Unicode.Scalar? = tailEnd > tailStart ? scalars[tailEnd - 1] : nil
        // A suffix ends with the tail's last scalar: the bit tables rule out most tails at once.
        if let tailLast, increaseEnds.contains(tailLast),
            increaseSuffixes.words.contains(where: { endsWith($0, at: tailEnd, from: tailStart) }) && tailLast != "多"
        {
            return .increase
        }
        if let tailLast, decreaseEnds.contains(tailLast),
            decreaseSuffixes.words.contains(where: { endsWith($0, at: tailEnd, from: tailStart) })
        {
            return .decrease
        }
        // Both word lists below occur only where one of their first scalars does: most windows hold none.
        guard objectVerbStarts.containsMember(of: scalars[lower..<upper]) else { return .level }
        // 减少办事材料891项: the verb, then the object, then the number.
        if decreaseObjects.words.contains(where: contains) && unit != .percent { return .decrease }
        if increaseWords.words.contains(where: contains) && !scalars[lower..<upper].contains("至") {
            return unit == .percent || unit == .percentagePoint || unit == .rank ? .increase : .level
        }
        return .level
    }

    /// ``targetSuffixes``, each a single scalar (checked here), as a bit table.
    static let targetEnds: ScalarBits = {
        precondition(targetSuffixes.words.allSatisfy { $0.count == 1 }, "the target markers are single scalars")
        return ScalarBits(members: Set(targetSuffixes.words.map { $0[0] }))
    }()

    /// The first scalars of ``decreaseObjects`` and ``increaseWords``.
    static let objectVerbStarts = ScalarBits(members: Set((decreaseObjects.words + increaseWords.words).compactMap(\.first)))

    /// The last scalars of ``increaseSuffixes`` and ``decreaseSuffixes``.
    static let increaseEnds: ScalarBits = {
        let lasts = Set(increaseSuffixes.words.compactMap(\.last))
        return ScalarBits(members: lasts)
    }()
    static let decreaseEnds: ScalarBits = {
        let lasts = Set(decreaseSuffixes.words.compactMap(\.last))
        return ScalarBits(members: lasts)
    }()
}
