/// Finds the short phrase that names what a number measures.
///
/// Counting classifiers (`1018项行政审批事项划转`) name their thing after the unit; rates, money,
/// durations and changes name it before the number (`可办率为97.45%`, `支付欠款4479.88万元`). Verbs,
/// copulas and qualifier words at the edge are trimmed off, and the phrase stops at the nearest clause
/// break, so the result is a noun phrase rather than the whole clause.
struct IndicatorFinder {
    /// `，,；;：:。！？!?、（(）)` and the line break.
    static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "；", ";", "：", ":", "。", "！", "？", "!", "?", "、", "\n", "（", "(", "）", ")": true
        default: false
        }
    }

    /// A clause break, or a conjunction or 的 that ends the phrase after a claim.
    static func isRightStop(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "和", "与", "及", "并", "等", "的": true
        default: isClauseBreak(scalar)
        }
    }

    static func isQuoteMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "“", "”", "‘", "’": true
        default: false
        }
    }

    /// Words that end the left context before the number and are not part of the indicator.
    static let trailingFillers = [
        "达到了", "达到", "提升至", "提高到", "提高至", "提升到", "增加到", "增长到", "下降到", "下降至", "降低到", "降低至",
        "压缩至", "压缩到", "压减至", "压减到", "减少到", "减少至", "缩短至", "缩短到", "控制在", "减为", "降至", "升至",
        "增至", "达", "为", "是", "有", "共", "共计", "合计", "累计", "总计", "计", "约", "近", "超过", "逾", "已", "仅",
        "了", "到", "至", "均", "分别", "平均", "超", "突破", "实现", "完成", "增长", "增加", "提升", "提高", "上升",
        "下降", "减少", "降低", "压减", "压缩", "缩短", "同比", "环比", "较去年", "比去年", "较上年", "全年", "其中",
        "目前", "现有", "总数", "总量", "数量", "排名", "位列", "位居", "居", "全国", "全省", "全市", "全县", "全区",
        "第", "已经", "先后", "一共", "年均", "日均", "月均", "人均", "在法定时限", "的基础上",
    ]
    /// Verbs that separate an action from its object on the left: `支付欠款` → `欠款`.
    static let leftVerbs = [
        "支付", "收集", "解决", "办理", "办结", "受理", "审结", "登记", "引进", "签订", "发放", "减免", "刻制", "核发",
        "下放", "取消", "减少", "压减", "聘任", "设立", "组织", "开展", "召开", "印发", "梳理", "交办", "明确", "邀请",
        "走访", "配备", "涉及", "录入", "帮助", "提供", "兑现", "完成", "实现", "推动", "新增", "化解", "培育", "服务",
        "建成", "打造", "推出", "整合", "收到", "接到", "回访", "举办", "达成", "吸引", "储备", "落地", "撤销", "上线",
        "对接", "进驻", "编制", "认领", "推行", "精简", "减少了", "节约", "节省", "帮助企业", "为企业", "向",
        "共为", "对", "在", "从", "由", "将", "把", "给", "使", "让", "用",
    ]

    /// - Parameters:
    ///   - leftStart: Where the claim's text starts (before 由 for from-to claims).
    static let leadingContext = [
        "目前", "全市", "全县", "全区", "全省", "全州", "该市", "该县", "该区", "其中", "此外", "同时", "今年以来", "截至目前", "各类",
        "本级", "今年", "去年", "全年", "上半年", "近年来", "累计", "共", "已", "的", "在", "对", "并", "还", "均", "将",
    ]

    func indicator(for quantity: QuantityScanner.Quantity, leftStart: Int, isRank: Bool, in spans: TextSpans, sentence: Range<Int>) -> Phrase {
        // Every phrase is made of the text's scalars (and 排名): in a plain text, Characters are scalars.
        let plain = spans.isPlain
        // The phrase after the claim comes first for counted things, else only when the one before it is too short.
        var right: Phrase?
        if quantity.countsThings && !isRank {
            right = rightPhrase(after: quantity.end, in: spans, limit: sentence.upperBound)
            if right!.hasTwoCharacters(plain: plain) { return right! }
        }
        var left = leftPhrase(before: leftStart, in: spans, limit: sentence.lowerBound)
        if isRank || !left.hasTwoCharacters(plain: plain) {
            // 在全省营商环境评价中，衢州排名全省第三: the measure is in the clause before.
            let context = previousClausePhrase(before: leftStart, in: spans, limit: sentence.lowerBound)
            if isRank {
                let measure = context.isEmpty ? left : context
                left = Phrase(measure.scalars + Self.rankWord)  // the measure's text + 排名
            } else if !left.hasTwoCharacters(plain: plain), !context.isEmpty {
                left = context
            }
        }
        if left.hasTwoCharacters(plain: plain) { return left }
        let after = right ?? rightPhrase(after: quantity.end, in: spans, limit: sentence.upperBound)
        return after.hasTwoCharacters(plain: plain) ? after : left
    }

    static let rankWord: [Unicode.Scalar] = ["排", "名"]
    /// `中上里`, dropped in turn from the end of ``previousClausePhrase(before:in:limit:)``: `评价中` → `评价`.
    static let wrappers: [Unicode.Scalar] = ["中", "上", "里"]

    /// An indicator phrase as the scalars it was made of, from which the extractor also reads its category. Its
    /// String is made only when asked (``text``): of the phrases found, about a third are compared and dropped.
    struct Phrase {
        var scalars: [Unicode.Scalar]

        static let empty = Phrase([])

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        /// The String of ``scalars``, made anew on each use.
        var text: String { scalars.isEmpty ? "" : scalars.string }

        var isEmpty: Bool { scalars.isEmpty }

        /// ``Swift/String/hasTwoCharacters(plain:)`` of the text, counted in the scalars at hand when plain.
        func hasTwoCharacters(plain: Bool) -> Bool { plain ? scalars.count >= 2 : text.hasTwoCharacters }
    }

    /// The noun phrase of the clause before the one holding `position`: `在2024年全国信用监测中` → `全国信用监测`.
    func previousClausePhrase(before position: Int, in spans: TextSpans, limit: Int) -> Phrase {
        var end = position
        while end > limit, !Self.isClauseBreak(spans.scalars[end - 1]) { end -= 1 }
        guard end > limit else { return .empty }
        var phrase = leftPhrase(before: end - 1, in: spans, limit: limit)
        if spans.isPlain {
            // Each scalar a Character without equivalents: a wrapper Character at the end is the last scalar.
            for wrapper in Self.wrappers where phrase.scalars.last == wrapper { phrase.scalars.removeLast() }
        } else {
            let found = phrase.text
            var text = found
            for wrapper in ["中", "上", "里"] where text.hasSuffix(wrapper) { text = String(text.dropLast()) }
            if text.utf8.count != found.utf8.count { phrase = Phrase(ScalarText.decodedScalars(text)) }
        }
        return phrase.hasTwoCharacters(plain: spans.isPlain) ? phrase : .empty
    }

    static let rightCuts = ScalarWordList([
        "实现", "进行", "开展", "完成", "全部", "均", "已", "正在", "得到", "获得", "达到", "纳入", "进驻", "下沉", "办理", "入库", "赋码",
    ])
    /// The first scalars of ``rightCuts``.
    static let rightCutStarts: ScalarBits = {
        let firsts = Set(rightCuts.words.compactMap(\.first))
        return ScalarBits(members: firsts)
    }()
    static let fillerWords = ScalarWordList(trailingFillers)
    static let verbWords = ScalarWordList(leftVerbs)
    static let contextWords = ScalarWordList(leadingContext)
    /// The first scalars of ``contextWords``.
    static let contextStarts = ScalarBits(members: Set(contextWords.words.compactMap(\.first)))

    /// Removes trailing fillers, pass after pass, in list order, until none is left at the end.
    ///
    /// A filler can only be a suffix when its last scalar is the phrase's, so each pass visits, in list order,
    /// just the fillers ending in the phrase's current last scalar (``fillersByLast``): after a removal the
    /// pass goes on from the next list position with the new last scalar, as the loop over all fillers would.
    static func trimFillers(_ phrase: inout [Unicode.Scalar]) {
        let fillers = fillerWords.words
        let byLast = fillersByLast
        var trimmed = true
        while trimmed {
            trimmed = false
            var next = 0  // the list position the pass has reached
            while let last = phrase.last, let candidates = byLast[last] {
                guard let position = candidates.first(where: { $0 >= next }) else { break }
                if phrase.hasSuffix(fillers[position]) {
                    phrase.removeLast(fillers[position].count)
                    trimmed = true
                }
                next = position + 1
            }
        }
    }

    /// The positions in ``fillerWords`` of the fillers ending in each scalar, ascending.
    static let fillersByLast: ScalarTable<[Int]> = ScalarTable(
        Dictionary(grouping: fillerWords.words.indices.filter { !fillerWords.words[$0].isEmpty }, by: { fillerWords.words[$0].last! }))

    /// The filler loop as first written: what ``trimFillers(_:)`` must equal.
    static func referenceTrimFillers(_ phrase: inout [Unicode.Scalar]) {
        var trimmed = true
        while trimmed {
            trimmed = false
            for filler in fillerWords.words where phrase.hasSuffix(filler) {
                phrase.removeLast(filler.count)
                trimmed = true
            }
        }
    }

    /// Where to cut `phrase` after a verb: the largest end of a verb occurrence that leaves two or more
    /// scalars. ``referenceVerbCut(_:)`` takes each verb's last fitting occurrence and keeps the largest
    /// end, which is the same number; this walks the ends from the right and stops at the first verb.
    static func verbCut(_ phrase: [Unicode.Scalar]) -> Int? {
        var end = phrase.count - 2
        while end >= 1 {
            if verbEnds.contains(phrase[end - 1]), let verbs = verbsByLast[phrase[end - 1]],
                verbs.contains(where: { $0.count <= end && phrase.matches($0, at: end - $0.count) })
            {
                return end
            }
            end -= 1
        }
        return nil
    }

    static let verbsByLast: [Unicode.Scalar: [[Unicode.Scalar]]] = Dictionary(grouping: verbWords.words.filter { !$0.isEmpty }, by: { $0.last! })
    static let verbEnds: ScalarBits = {
        let lasts = Set(verbsByLast.keys)
        return ScalarBits(members: lasts)
    }()

    /// The verb cut as first written, verb by verb: what ``verbCut(_:)`` must equal.
    static func referenceVerbCut(_ phrase: [Unicode.Scalar]) -> Int? {
        var best: Int?
        for verb in verbWords.words {
            var searchEnd = phrase.count
            while let offset = phrase.lastOffset(of: verb, before: searchEnd) {
                let cut = offset + verb.count
                if phrase.count - cut >= 2 {
                    if best == nil || cut > best! { best = cut }
                    break
                }
                searchEnd = offset + verb.count - 1
            }
        }
        return best
    }

    /// The noun phrase right after the claim: `1018项|行政审批事项划转|,` → `行政审批事项划转`.
    func rightPhrase(after position: Int, in spans: TextSpans, limit: Int) -> Phrase {
        var phrase: [Unicode.Scalar] = []
        var index = position
        if index < limit, spans.scalars[index] == "的" { index += 1 }
        while index < limit, phrase.count < 16 {
            let scalar = spans.scalars[index]
            if Self.isRightStop(scalar) || CJK.isASCIIDigit(scalar) { break }
            if !Self.isQuoteMark(scalar) {
                // The most it holds, at its first scalar: one allocation instead of growing, none for an empty phrase.
                if phrase.isEmpty { phrase.reserveCapacity(16) }
                phrase.append(scalar)
            }
            index += 1
        }
        // A cut word occurs only where its first scalar does: most phrases hold none, and skip 17 searches.
        if Self.rightCutStarts.containsMember(of: phrase) {
            for stop in Self.rightCuts.words {
                if let offset = phrase.firstOffset(of: stop), offset > 0 { phrase.removeSubrange(offset...) }
            }
        }
        return Phrase(phrase)
    }

    /// The noun phrase before the claim, with copulas, verbs and qualifiers trimmed off.
    func leftPhrase(before position: Int, in spans: TextSpans, limit: Int) -> Phrase {
        var start = position
        while start > limit, !Self.isClauseBreak(spans.scalars[start - 1]) { start -= 1 }
        // `filter` without its growing: the phrase is at most the clause, reserved at once.
        var phrase: [Unicode.Scalar] = []
        phrase.reserveCapacity(position - start)
        for index in start..<position where !Self.isQuoteMark(spans.scalars[index]) { phrase.append(spans.scalars[index]) }
        Self.trimFillers(&phrase)
        // Cut at the last verb that leaves a phrase of two or more characters:
        // "推动各部门支付欠款" → "欠款", but "投资完成率" stays (cutting would leave "率").
        // Cuts drop elements of the phrase in place: a new array for each was an allocation per claim.
        if let best = Self.verbCut(phrase) { phrase.removeFirst(best) }
        // Leading scope words, time frames and place names are context, not the indicator.
        var stripped = true
        while stripped {
            stripped = false
            // A scope word can be a prefix only when the phrase starts with its first scalar (checked first). The
            // phrase changes only when one is removed, so a first scalar that starts none skips the whole list.
            if let first = phrase.first, Self.contextStarts.contains(first) {
                for scope in Self.contextWords.words where phrase.first == scope.first && phrase.hasPrefix(scope) && phrase.count >= scope.count + 2 {
                    phrase.removeFirst(scope.count)
                    stripped = true
                }
            }
            if let place = RegionGazetteer.shared.leadingName(of: phrase), phrase.count >= place + 2 {
                phrase.removeFirst(place)
                stripped = true
            }
        }
        if phrase.count > 14 { phrase.removeFirst(phrase.count - 14) }
        return phrase.contains(where: CJK.isIdeograph) ? Phrase(phrase) : .empty
    }
}

extension String {
    /// `count >= 2` without counting every Character (each count walks the whole string's graphemes; the
    /// indicator rules asked it about 88,000 times per 2,000 reports).
    var hasTwoCharacters: Bool { index(startIndex, offsetBy: 2, limitedBy: endIndex) != nil }

    /// ``hasTwoCharacters``, counted in scalars when `plain` says the string's scalars are all
    /// ``TextSpans/isPlain(_:)`` (each then a Character of its own); the Character walk costs ~600 instructions.
    func hasTwoCharacters(plain: Bool) -> Bool {
        guard plain else { return hasTwoCharacters }
        var text = self
        return text.withUTF8 { bytes in
            var scalars = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                scalars += 1
                if scalars == 2 { return true }
            }
            return false
        }
    }
}
