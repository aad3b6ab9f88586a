import Testing
@testable import ReportKit

/// The phrase finders' pre-checks (first scalars of the cut and scope words) must not change a phrase.
@Suite("indicator phrase fast paths") struct IndicatorPhraseFastPathTests {
    /// ``IndicatorFinder/rightPhrase(after:in:limit:)`` as first written: every cut word searched.
    static func referenceRightPhrase(after position: Int, in spans: TextSpans, limit: Int) -> String {
        var phrase: [Unicode.Scalar] = []
        var index = position
        if index < limit, spans.scalars[index] == "的" { index += 1 }
        while index < limit, phrase.count < 16 {
            let scalar = spans.scalars[index]
            if IndicatorFinder.isRightStop(scalar) || CJK.isASCIIDigit(scalar) { break }
            if !IndicatorFinder.isQuoteMark(scalar) { phrase.append(scalar) }
            index += 1
        }
        for stop in IndicatorFinder.rightCuts.words {
            if let offset = phrase.firstOffset(of: stop), offset > 0 { phrase = Array(phrase[..<offset]) }
        }
        return phrase.string
    }

    /// ``IndicatorFinder/leftPhrase(before:in:limit:)`` as first written: every scope word tried as a prefix.
    static func referenceLeftPhrase(before position: Int, in spans: TextSpans, limit: Int) -> String {
        var start = position
        while start > limit, !IndicatorFinder.isClauseBreak(spans.scalars[start - 1]) { start -= 1 }
        var phrase = spans.scalars[start..<position].filter { !IndicatorFinder.isQuoteMark($0) }
        IndicatorFinder.referenceTrimFillers(&phrase)
        if let best = IndicatorFinder.referenceVerbCut(phrase) { phrase = Array(phrase[best...]) }
        var stripped = true
        while stripped {
            stripped = false
            for scope in IndicatorFinder.contextWords.words where phrase.hasPrefix(scope) && phrase.count >= scope.count + 2 {
                phrase.removeFirst(scope.count)
                stripped = true
            }
            if let place = RegionGazetteer.shared.leadingName(of: phrase), phrase.count >= place + 2 {
                phrase.removeFirst(place)
                stripped = true
            }
        }
        if phrase.count > 14 { phrase = Array(phrase.suffix(14)) }
        return phrase.contains(where: CJK.isIdeograph) ? phrase.string : ""
    }

    /// ``IndicatorFinder/previousClausePhrase(before:in:limit:)`` as first written: the wrappers dropped from the
    /// String, Character by Character, for plain and other text alike.
    static func referencePreviousClausePhrase(before position: Int, in spans: TextSpans, limit: Int) -> String {
        var end = position
        while end > limit, !IndicatorFinder.isClauseBreak(spans.scalars[end - 1]) { end -= 1 }
        guard end > limit else { return "" }
        var text = IndicatorFinder().leftPhrase(before: end - 1, in: spans, limit: limit).text
        for wrapper in ["中", "上", "里"] where text.hasSuffix(wrapper) { text = String(text.dropLast()) }
        return text.count >= 2 ? text : ""
    }

    /// ``IndicatorFinder/indicator(for:leftStart:isRank:in:sentence:)`` as first written: the phrase after the claim
    /// found for every claim, before anything else.
    static func referenceIndicator(for quantity: QuantityScanner.Quantity, isRank: Bool, in spans: TextSpans, sentence: Range<Int>) -> String {
        let finder = IndicatorFinder()
        let right = finder.rightPhrase(after: quantity.end, in: spans, limit: sentence.upperBound).text
        if quantity.countsThings, right.hasTwoCharacters, !isRank { return right }
        var left = finder.leftPhrase(before: quantity.start, in: spans, limit: sentence.lowerBound).text
        if isRank || !left.hasTwoCharacters {
            let context = finder.previousClausePhrase(before: quantity.start, in: spans, limit: sentence.lowerBound).text
            if isRank {
                left = (context.isEmpty ? left : context) + "排名"
            } else if !left.hasTwoCharacters, !context.isEmpty {
                left = context
            }
        }
        if left.hasTwoCharacters { return left }
        return right.hasTwoCharacters ? right : left
    }

    /// Up to 13 of `words`, drawn at random and joined, and their spans.
    static func randomSpans(of words: [String], _ generator: inout SplitMix64) -> (String, TextSpans) {
        let text = (0..<Int(generator.next() % 14)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined()
        return (text, TextSpans(text))
    }

    @Test("indicators equal the version that finds the right phrase first") func indicators() {
        let words = IndicatorFinder.leadingContext + Array(IndicatorFinder.trailingFillers.prefix(12)) + Array(IndicatorFinder.leftVerbs.prefix(12))
            + ["审批", "事项", "企业", "率", "的", "和", "，", "、", "中", "e\u{301}", "\u{20000}", "杭州", "全省", "评价", "5", "项"]
        var generator = SplitMix64(seed: 73)
        for _ in 0..<6000 {
            let (text, spans) = Self.randomSpans(of: words, &generator)
            let count = spans.scalars.count
            let start = Int(generator.next() % UInt64(count + 1))
            let end = start + Int(generator.next() % UInt64(count - start + 1))
            let sentence = Int(generator.next() % UInt64(start + 1))..<(end + Int(generator.next() % UInt64(count - end + 1)))
            let isRank = generator.next() % 4 == 0
            let quantity = QuantityScanner.Quantity(
                start: start, end: end, numberStart: start, value: 1, valueMax: nil, written: .init(magnitude: 0, entry: 0),
                unitNormalized: .rank, factor: 1, countsThings: generator.next() % 2 == 0, qualifier: .exact, isRank: isRank)
            let found = IndicatorFinder().indicator(for: quantity, leftStart: start, isRank: isRank, in: spans, sentence: sentence)
            #expect(found.text == Self.referenceIndicator(for: quantity, isRank: isRank, in: spans, sentence: sentence), "\(text.debugDescription) \(start)")
            #expect(found.scalars == Array(found.text.unicodeScalars), "\(text.debugDescription) \(start)")
        }
    }

    @Test("right and left phrases equal the unfiltered loops") func phrases() {
        let words = IndicatorFinder.rightCuts.words.map { $0.string } + IndicatorFinder.leadingContext
            + Array(IndicatorFinder.trailingFillers.prefix(12)) + Array(IndicatorFinder.leftVerbs.prefix(12))
            + ["审批", "事项", "企业", "率", "的", "和", "，", "、", "。", "\r\n", "\n", "“", "”", "5", "12", "e\u{301}", "😀",
                "\u{20000}", "\u{1F1E8}\u{1F1F3}", "杭州", "浙江省", "全", "已", "实", "A", " ", "中", "上", "里", "评价中", "中\u{301}"]
        var generator = SplitMix64(seed: 71)
        let finder = IndicatorFinder()
        for _ in 0..<6000 {
            let (text, spans) = Self.randomSpans(of: words, &generator)
            let count = spans.scalars.count
            let position = Int(generator.next() % UInt64(count + 1))
            let limit = position + Int(generator.next() % UInt64(count - position + 1))
            let right = finder.rightPhrase(after: position, in: spans, limit: limit)
            #expect(right.text == Self.referenceRightPhrase(after: position, in: spans, limit: limit), "\(text.debugDescription) \(position)")
            #expect(right.scalars == Array(right.text.unicodeScalars), "\(text.debugDescription) \(position)")
            let lower = Int(generator.next() % UInt64(position + 1))
            let left = finder.leftPhrase(before: position, in: spans, limit: lower)
            #expect(left.text == Self.referenceLeftPhrase(before: position, in: spans, limit: lower), "\(text.debugDescription) \(position)")
            #expect(left.scalars == Array(left.text.unicodeScalars), "\(text.debugDescription) \(position)")
            let context = finder.previousClausePhrase(before: position, in: spans, limit: lower)
            #expect(context.scalars == Array(context.text.unicodeScalars), "\(text.debugDescription) \(position)")
            #expect(context.text == Self.referencePreviousClausePhrase(before: position, in: spans, limit: lower), "\(text.debugDescription) \(position)")
        }
    }
}
