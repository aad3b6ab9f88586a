import Foundation

/// Turns the quantities in a cleaned text into ``Metric`` rows: joins `由31%提升至91.8%` into one
/// from-to claim, decides each claim's kind (level, increase, decrease, rank, share), and finds its
/// indicator, category, period and sentence.
///
/// ```swift
/// let metrics = MetricExtractor().extract(from: "可办率为97.45%。", reportID: "r1")
/// metrics[0].indicator  // "可办率"
/// metrics[0].quote      // "97.45%"
/// ```
public struct MetricExtractor: Sendable {
    public init() {}

    static let increaseVerbs = ["增长", "增加", "提升", "提高", "上升", "提速", "扩大", "攀升", "增", "多", "跃升", "前进", "进位"]
    static let decreaseVerbs = ["下降", "减少", "降低", "压减", "压缩", "缩短", "精简", "节约", "节省", "减", "降", "下滑", "后退", "取消"]
    static let targetMarkers = ["至", "到", "为", "成"]
    static let periodPattern = try! NSRegularExpression(
        pattern: "(截至|截止)[^，,。；]{1,12}?(底|末|月|日|目前|前)|今年以来|去年以来|今年(一|二|三|四|1|2|3|4)季度|今年上半年|上半年|今年前?[0-9一二三四五六七八九十]{1,2}个?月|(19|20)[0-9]{2}年([0-9]{1,2}月份?)?(以来)?|去年|近年来|近[0-9一二三四五]年|自[^，,。；]{1,16}以来")

    public func extract(from text: String, reportID: String) -> [Metric] {
        extract(from: TextSpans(text), reportID: reportID)
    }

    /// The metrics of a text whose spans the caller has already computed.
    func extract(from spans: TextSpans, reportID: String) -> [Metric] {
        let quantities = QuantityScanner().scan(spans)
        var metrics: [Metric] = []
        metrics.reserveCapacity(quantities.count)
        var consumed = -1  // the target of the last from-to claim, the only quantity ever consumed
        // Claims come in text order, so consecutive ones often share a sentence: prepare it once.
        var current: ClaimSentence?
        for (position, quantity) in quantities.enumerated() where position != consumed {
            var claim = quantity
            var baseline: Double?
            var kind: Kind = quantity.isRank ? .rank : .level
            let sentence = spans.sentence(containing: quantity.numberStart, reusing: current?.range)
            // 由31%提升至91.8% / 从60%提高到95% / 由43项减为36项: one from-to claim.
            if position + 1 < quantities.count, let target = fromTo(quantity, quantities[position + 1], spans: spans) {
                baseline = quantity.value
                claim = target
                claim.start = quantity.start - fromWordLength(before: quantity.start, spans: spans)
                kind = .fromTo
                consumed = position + 1
            } else if !quantity.isRank {
                kind = Self.changeKind(before: quantity.start, in: spans.scalars, sentence: sentence, unit: quantity.unitNormalized)
            }
            if quantity.unitNormalized == .rank && kind == .level { kind = .rank }
            if current?.range != sentence { current = ClaimSentence(sentence, in: spans) }
            var indicator = IndicatorFinder().indicator(
                for: claim, leftStart: claim.start, isRank: kind == .rank || claim.unitNormalized == .rank, in: spans,
                sentence: sentence)
            // The indicator's String is made once: for the phrase found, or taken with the one before it.
            let indicatorText: String
            if indicator.isEmpty, let previous = current!.lastIndicator {
                (indicator, indicatorText) = (previous.phrase, previous.text)
            } else {
                indicatorText = indicator.text
            }
            if !indicator.isEmpty { current!.lastIndicator = (indicator, indicatorText) }
            let category = MetricCategory.category(of: indicator.scalars[...]) ?? current!.category(in: spans) ?? "其他"
            let period = current!.periods.lastMatch(before: claim.start, in: spans).map { spans.string($0) }
            metrics.append(
                Metric(
                    metricID: Self.metricID(reportID, claim.start), reportID: reportID, indicator: indicatorText,
                    category: category, value: claim.value,
                    unit: claim.unit, valueNormalized: Self.rounded(claim.value * claim.factor),
                    unitNormalized: claim.unitNormalized.name, qualifier: claim.qualifier.rawValue,
                    valueMax: claim.valueMax.map { Self.rounded($0) }, baselineValue: baseline, kind: kind.rawValue,
                    period: period, quote: spans.string(claim.start..<claim.end), sentence: current!.text, charStart: claim.start,
                    charEnd: claim.end))
        }
        return metrics
    }

    /// Avoids binary noise such as 44798800.000000004 in the published values.
    static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    private func fromTo(_ from: QuantityScanner.Quantity, _ to: QuantityScanner.Quantity, spans: TextSpans)
        -> QuantityScanner.Quantity?
    {
        // The cheap comparisons first: most neighbouring claims differ in unit or stand apart.
        guard from.unitNormalized == to.unitNormalized, to.start - from.end <= 6, fromWordLength(before: from.start, spans: spans) > 0
        else { return nil }
        if spans.isPlain {
            let between = Array(spans.scalars[from.end..<to.start])
            guard Self.targetSuffixes.words.contains(where: between.hasSuffix) || between.hasSuffix(Self.reducedTo) else { return nil }
        } else {
            let between = spans.string(from.end..<to.start)
            guard Self.targetMarkers.contains(where: between.hasSuffix) || between.hasSuffix("减为") else { return nil }
        }
        return to
    }

    static let reducedTo = Array("减为".unicodeScalars)
    static let fromWords = ScalarWordList(["由原来的", "从原来的", "由原来", "从原来", "由平均", "从平均", "由", "从"])

    /// The length of 由/从 (optionally 由原来的 / 从平均) right before a baseline value, or 0.
    private func fromWordLength(before position: Int, spans: TextSpans) -> Int {
        for word in Self.fromWords.words where spans.hasPrefix(word, before: position) { return word.count }
        return 0
    }

    /// increase/decrease when a change verb sits just before the number (without 至/到/为, which make the
    /// number a new level), share after 占/占比; else level.
    static let shareMarkers = ScalarWordList(["占比", "占全"])
    static let decreaseObjects = ScalarWordList(["减少", "压减", "精简", "缩减", "节约", "节省"])
    static let increaseWords = ScalarWordList(["增长", "增加", "提升", "提高", "同比增"])
    static let increaseSuffixes = ScalarWordList(increaseVerbs)
    static let decreaseSuffixes = ScalarWordList(decreaseVerbs)
    static let targetSuffixes = ScalarWordList(targetMarkers)

    static let shareVerb = Array("占到".unicodeScalars)

    /// `，,；;、`: where the words before a number stop belonging to it.
    static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "；", ";", "、": true
        default: false
        }
    }

    /// The change kind as first written, on copies of the window: what ``changeKind(before:in:sentence:unit:)``
    /// must equal.
    static func referenceChangeKind(before position: Int, in scalars: [Unicode.Scalar], sentence: Range<Int>, unit: String) -> String {
        let windowStart = max(sentence.lowerBound, position - 8)
        var window = Array(scalars[windowStart..<position])
        if let cut = window.lastIndex(where: Self.isClauseMark) { window = Array(window[(cut + 1)...]) }
        if window.last == "占" || window.hasSuffix(Self.shareVerb) || Self.shareMarkers.words.contains(where: window.containsSubsequence) {
            return "share"
        }
        let endsWithLe = window.last == "了"
        if Self.targetSuffixes.words.contains(where: window.hasSuffix) && !endsWithLe { return "level" }
        let trimmed = endsWithLe ? Array(window.dropLast()) : window
        let tail = Array(trimmed.suffix(4))
        if Self.increaseSuffixes.words.contains(where: tail.hasSuffix) && tail.last != "多" { return "increase" }
        if Self.decreaseSuffixes.words.contains(where: tail.hasSuffix) { return "decrease" }
        // 减少办事材料891项: the verb, then the object, then the number.
        if Self.decreaseObjects.words.contains(where: window.containsSubsequence) && unit != "percent" { return "decrease" }
        if Self.increaseWords.words.contains(where: window.containsSubsequence) && !window.contains("至") {
            return unit == "percent" || unit == "percentage_point" || unit == "rank" ? "increase" : "level"
        }
        return "level"
    }

    /// The last match of ``periodPattern`` in `text` by the regex itself: what ``PeriodScanner`` must find.
    static func referencePeriod(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        let matches = periodPattern.matches(in: text, range: range)
        guard let last = matches.last, let found = Range(last.range, in: text) else { return nil }
        return String(text[found])
    }
}
