/// Finds every number-with-unit in a text that states a quantity, and skips the numbers that do not:
/// dates and years, numbers inside `《…》` titles and `“…”` slogans, `7×24小时`, phone numbers, codes,
/// ordinals (`第五批`), and the numeral 一 used as an article.
///
/// ```swift
/// QuantityScanner().scan(TextSpans("支付欠款4479.88万元。")).first?.valueNormalized  // 44798800
/// ```
struct QuantityScanner {
    struct Quantity {
        /// Span of the claim in scalars, from any qualifier word before the number to the end of the unit.
        var start: Int
        var end: Int
        /// Where the number itself starts (after qualifier words such as 近 or 超过).
        var numberStart: Int
        var value: Double
        var valueMax: Double?
        /// Small numbers instead of Strings, so that a quantity is copied without retaining anything.
        var written: UnitLexicon.Written
        var unitNormalized: UnitLexicon.Normalized
        var factor: Double
        var countsThings: Bool
        var qualifier: Qualifier
        var isRank: Bool

        /// The unit as written, with its magnitude: `万元`, `个工作日`, `%`.
        var unit: String { written.text }
    }

    /// exact | approx | at_least | at_most | range, as ``Metric/qualifier`` spells them.
    enum Qualifier: String {
        case exact, approx, atLeast = "at_least", atMost = "at_most", range
    }

    /// 一二两三四五六七八九十: where a Chinese number can start.
    static func isChineseStarter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十": true
        default: false
        }
    }

    /// ASCII digits and Chinese numerals (which include every ``isChineseStarter(_:)``).
    static let numberStarts = ScalarBits { CJK.isASCIIDigit($0) || ChineseNumber.isNumeral($0) }

    /// `至到-~～—－` between the two ends of a range.
    static func isRangeConnector(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "至", "到", "-", "~", "～", "—", "－": true
        default: false
        }
    }

    /// `.,-+×*/:：` right before a digit: the digit continues a code, a date or an expression.
    static func continuesArabic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", "-", "+", "×", "*", "/", ":", "：": true
        default: false
        }
    }

    /// `×*xX+` right after a number: a product or code (7×24, 5G+).
    static func isOperator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "×", "*", "x", "X", "+": true
        default: false
        }
    }

    static let rankContext = ["排名", "排在", "排", "位列", "位居", "居", "列", "位于", "名列", "跻身", "跨入", "进入", "迈入", "位次", "处于", "稳居"]
    static let rankWords = ScalarWordList(rankContext)
    static let changeVerbs = ScalarWordList(["提升", "上升", "前进", "提高", "跃升", "攀升", "下降", "后退", "下滑", "进位"])
    static let magnitudeWords = UnitLexicon.magnitudes.map { (scalars: Array($0.0.unicodeScalars), factor: $0.1) }
    static let prefixQualifiers: [(String, Qualifier)] = [
        ("不超过", .atMost), ("不高于", .atMost), ("不低于", .atLeast), ("不少于", .atLeast), ("超过", .atLeast),
        ("大约", .approx), ("将近", .approx), ("至少", .atLeast), ("最多", .atMost), ("逾", .atLeast),
        ("近", .approx), ("约", .approx), ("超", .atLeast),
    ]
    static let suffixQualifiers: [(String, Qualifier)] = [
        ("以上", .atLeast), ("以内", .atMost), ("之内", .atMost), ("以下", .atMost), ("左右", .approx),
        ("之多", .atLeast), ("多", .atLeast), ("余", .atLeast), ("内", .atMost),
    ]

    /// The qualifier words as scalars (the `String` forms count their scalars on every use).
    static let prefixQualifierWords = prefixQualifiers.map { (Array($0.0.unicodeScalars), $0.1) }
    static let suffixQualifierWords = suffixQualifiers.map { (Array($0.0.unicodeScalars), $0.1) }
    /// The first scalars of ``suffixQualifierWords`` and ``magnitudeWords``: where neither list can match, its loop
    /// (which retains each word it visits) is skipped.
    static let suffixQualifierStarts = ScalarBits(members: Set(suffixQualifierWords.map { $0.0[0] }))
    static let magnitudeStarts = ScalarBits(members: Set(magnitudeWords.map { $0.scalars[0] }))
    /// The last scalars of ``prefixQualifierWords``.
    static let prefixQualifierEnds = ScalarBits(members: Set(prefixQualifierWords.compactMap { $0.0.last }))
    static let duo: [Unicode.Scalar] = ["多"]
    static let yu: [Unicode.Scalar] = ["余"]
    /// Words the date and unit checks look for after a number, as scalars: ``TextSpans/hasWord(_:at:)`` decodes a
    /// String word on every call.
    static let nianDu: [Unicode.Scalar] = ["年", "度"]
    static let nianJi: [Unicode.Scalar] = ["年", "级"]
    static let shiJian: [Unicode.Scalar] = ["时", "间"]
    static let quanHui: [Unicode.Scalar] = ["全", "会"]
    static let huiYi: [Unicode.Scalar] = ["会", "议"]
    static let kaiFa: [Unicode.Scalar] = ["开", "发"]

    func scan(_ spans: TextSpans) -> [Quantity] {
        let scalars = spans.scalars
        var found: [Quantity] = []
        // About one claim in 80 scalars on the bench corpus: room for most reports' claims at once, not doubling from 1.
        found.reserveCapacity(scalars.count / 48 + 4)
        var index = 0
        while index < scalars.count {
            // Neither a quantity nor a rejected number starts anywhere but at a digit or numeral (``numberStarts``,
            // flagged for each scalar as the text was decoded): skip the rest.
            index = spans.scalarFlagBytes.withUnsafeBufferPointer {
                ScalarFlagSearch.firstIndex(in: $0, matching: TextSpans.numberStartFlag, from: index)
            }
            guard index < scalars.count else { break }
            if let quantity = quantity(at: index, in: spans) {
                found.append(quantity)
                index = quantity.end
                continue
            }
            // Skip the rest of a number that was rejected, so its tail is not read as another number.
            if CJK.isASCIIDigit(scalars[index]) || ChineseNumber.isNumeral(scalars[index]) {
                var next = index + 1
                while next < scalars.count,
                    CJK.isASCIIDigit(scalars[next]) || scalars[next] == "." || scalars[next] == ","
                        || ChineseNumber.isNumeral(scalars[next])
                {
                    next += 1
                }
                index = next
                continue
            }
            index += 1
        }
        return found
    }

    private func quantity(at start: Int, in spans: TextSpans) -> Quantity? {
        let scalars = spans.scalars
        let first = scalars[start]
        let previous: Unicode.Scalar? = start > 0 ? scalars[start - 1] : nil
        let isArabic = CJK.isASCIIDigit(first)
        guard isArabic || Self.isChineseStarter(first) else { return nil }
        if let previous {
            if isArabic && (CJK.isASCIIDigit(previous) || CJK.isASCIILetter(previous) || Self.continuesArabic(previous)) {
                return nil
            }
            if !isArabic && (ChineseNumber.isNumeral(previous) || previous == "届") { return nil }
        }
        if spans.isInsideName(start) { return nil }
        // The number.
        var value: Double
        var end: Int
        var wasSingleYi = false
        if isArabic {
            guard let parsed = ChineseNumber.parseArabicValue(scalars, at: start) else { return nil }
            (value, end) = (parsed.value, parsed.end)
        } else {
            guard let parsed = ChineseNumber.parseChinese(scalars, at: start) else { return nil }
            (value, end) = (parsed.value, parsed.end)
            wasSingleYi = end - start == 1 && first == "一"
        }
        // Codes, phone numbers, 7×24, 5G.
        if end < scalars.count, Self.isOperator(scalars[end]) { return nil }
        if end < scalars.count, CJK.isASCIILetter(scalars[end]) { return nil }
        if isArabic, end + 1 < scalars.count, scalars[end] == "-" || scalars[end] == ":",
            CJK.isASCIIDigit(scalars[end + 1])
        {
            // 2024-04-19, 0570-8888888, 18:35 — but 3-5天 is a range, decided below.
            if value >= 100 || scalars[end] == ":" { return nil }
        }
        // Dates: years, months, days.
        if isDate(value: value, isArabic: isArabic, end: end, spans: spans) { return nil }
        // Ordinals: 第五批, 第二届 — ranks only in ranking context.
        var isRank = false
        if previous == "第" {
            guard isRankContext(before: start - 1, spans: spans) else { return nil }
            isRank = true
        }
        if wasSingleYi && !isRank { return nil }
        var factor = 1.0
        var written = UnitLexicon.Written(magnitude: 0, entry: 0)
        (factor, written.magnitude, end) = magnitude(at: end, in: scalars)
        // A range: 10至55个工作日, 3-5天.
        var valueMax: Double?
        if end + 1 < scalars.count, Self.isRangeConnector(scalars[end]), !isRank {
            let second = end + 1
            let parsed: (Double, Int)? =
                isArabic
                ? ChineseNumber.parseArabicValue(scalars, at: second).map { ($0.value, $0.end) }
                : ChineseNumber.parseChinese(scalars, at: second).map { ($0.value, $0.end) }
            if let (upper, upperEnd) = parsed, upper > value {
                if isDate(value: upper, isArabic: isArabic, end: upperEnd, spans: spans) { return nil }
                let (upperFactor, upperMagnitude, afterMagnitude) = magnitude(at: upperEnd, in: scalars)
                if UnitLexicon.match(scalars, at: afterMagnitude) != nil || scalars[afterMagnitude...].first == "%" {
                    valueMax = upper
                    if written.magnitude == 0 {
                        factor = upperFactor
                        written.magnitude = upperMagnitude
                    }
                    end = afterMagnitude
                }
            }
        }
        var qualifier = Qualifier.exact
        // 23万余次, 200多名: a qualifier between number and unit.
        if end < scalars.count, scalars[end] == "余" || scalars[end] == "多" {
            qualifier = .atLeast
            end += 1
        }
        // The unit.
        var unit: Int?
        var countsThings = false
        if let match = UnitLexicon.match(scalars, at: end) {
            unit = match.entry
            countsThings = UnitLexicon.countsThingsByEntry[match.entry]
            end = match.end
        } else if !isRank {
            return nil
        }
        // A rank without a unit word has none to normalise; only year and time are judged here.
        var unitNormalized = unit.map { UnitLexicon.normalizedByEntry[$0] }
        if !isUnitPlausible(unitNormalized, value: value, isArabic: isArabic, end: end, spans: spans) { return nil }
        if isRank {
            if let unit, unit != Self.weiEntry && unit != Self.mingEntry {
                return nil  // 第三批, 第二届 in a ranking sentence: still an ordinal
            }
            written.entry = 0  // 第
            unitNormalized = .rank
            countsThings = false
        } else if let unit {
            written.entry = UInt8(unit + 1)
            if unit == Self.weiEntry && isChangeVerb(before: start, spans: spans) {
                unitNormalized = .rank  // 提升104位
            }
        }
        // Qualifiers after the unit: 以上, 以内, 左右.
        if qualifier == .exact, end < scalars.count, Self.suffixQualifierStarts.contains(scalars[end]) {
            for (word, meaning) in Self.suffixQualifierWords where spans.hasWord(word, at: end) {
                if word == Self.duo || word == Self.yu {
                    // "两年多来" is a time frame, not a claim.
                    if end + 1 < scalars.count, scalars[end + 1] == "来" { return nil }
                }
                qualifier = meaning
                end += word.count
                break
            }
        }
        if end < scalars.count, scalars[end] == "来", unitNormalized == .year || unitNormalized == .month { return nil }
        var claimStart = isRank ? start - 1 : start
        if let (word, meaning) = Self.prefixQualifier(before: claimStart, in: spans) {
            if qualifier == .exact { qualifier = meaning }
            claimStart -= word
        }
        if valueMax != nil { qualifier = .range }
        return Quantity(
            start: claimStart, end: end, numberStart: start, value: value, valueMax: valueMax, written: written,
            unitNormalized: unitNormalized!, factor: factor, countsThings: countsThings, qualifier: qualifier,
            isRank: isRank)
    }

    /// The first of ``prefixQualifierWords`` that ends right before `position`: its length and meaning.
    static func prefixQualifier(before position: Int, in spans: TextSpans) -> (Int, Qualifier)? {
        // Most claims follow a scalar that ends no qualifier word (one bit): then no word is tried.
        guard position > 0, position <= spans.scalars.count, prefixQualifierEnds.contains(spans.scalars[position - 1]) else { return nil }
        return referencePrefixQualifier(before: position, in: spans)
    }

    /// The word-by-word search: what ``prefixQualifier(before:in:)`` must equal.
    static func referencePrefixQualifier(before position: Int, in spans: TextSpans) -> (Int, Qualifier)? {
        for (word, meaning) in prefixQualifierWords where spans.hasPrefix(word, before: position) { return (word.count, meaning) }
        return nil
    }

    /// The positions of 位 and 名 in ``UnitLexicon/byLength``.
    static let weiEntry = UnitLexicon.byLength.firstIndex { $0.text == "位" }!
    static let mingEntry = UnitLexicon.byLength.firstIndex { $0.text == "名" }!

    /// The magnitude at `position`: its factor, its ``UnitLexicon/Written/magnitude`` (0 for none) and its end.
    private func magnitude(at position: Int, in scalars: [Unicode.Scalar]) -> (Double, UInt8, Int) {
        guard position < scalars.count, Self.magnitudeStarts.contains(scalars[position]) else { return (1, 0, position) }
        for (index, (needle, factor)) in Self.magnitudeWords.enumerated() {
            if scalars.matches(needle, at: position) {
                // 千 is a magnitude only before a unit (3千家), not in 千方百计.
                let after = position + needle.count
                let next = after < scalars.count ? scalars[after] : " "
                if UnitLexicon.match(scalars, at: after) != nil || next == "余" || next == "多" || next == "至" || next == "到"
                    || next == "-" || next == "~"
                {
                    return (factor, UInt8(index + 1), after)
                }
            }
        }
        return (1, 0, position)
    }

    /// Years (2024年, 2024-04-19), months (3月, 5月份), days (1日), quarters.
    private func isDate(value: Double, isArabic: Bool, end: Int, spans: TextSpans) -> Bool {
        let scalars = spans.scalars
        guard end < scalars.count else { return false }
        let next = scalars[end]
        if next == "年" && (value >= 1900 && value <= 2100 || spans.hasWord(Self.nianDu, at: end)) { return true }
        if next == "年" && spans.hasWord(Self.nianJi, at: end) { return true }
        if next == "月" || next == "日" || next == "号" || next == "季" || next == "时" && !spans.hasWord(Self.shiJian, at: end) { return true }
        if isArabic && value >= 1900 && value <= 2100 && value == value.rounded()
            && (next == "-" || next == "/" || next == "." || next == "至" || next == "—")
        {
            return true
        }
        return false
    }

    private func isUnitPlausible(_ unit: UnitLexicon.Normalized?, value: Double, isArabic: Bool, end: Int, spans: TextSpans) -> Bool {
        let scalars = spans.scalars
        let next: Unicode.Scalar = end < scalars.count ? scalars[end] : " "
        switch unit {
        case .year?:
            // 三年行动 / 连续三年 as a duration; a year-long period, not a date.
            switch next {
            case "以", "来", "前", "后", "初", "底", "末", "度", "级": return false
            default: return value < 100
            }
        case .time?:
            // 五次全会, 二次开发
            return !(spans.hasWord(Self.quanHui, at: end) || spans.hasWord(Self.huiYi, at: end) || spans.hasWord(Self.kaiFa, at: end))
        default:
            return true
        }
    }

    private func isRankContext(before position: Int, spans: TextSpans) -> Bool {
        let windowStart = max(spans.sentence(containing: position).lowerBound, position - 10)
        guard spans.isPlain else {
            let window = spans.string(windowStart..<position)
            return Self.rankContext.contains(where: window.contains)
        }
        let window = Array(spans.scalars[windowStart..<position])
        return Self.rankWords.words.contains(where: window.containsSubsequence)
    }

    private func isChangeVerb(before position: Int, spans: TextSpans) -> Bool {
        Self.changeVerbs.words.contains { spans.hasPrefix($0, before: position) }
    }
}
