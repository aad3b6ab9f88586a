/// The matches of ``DigitsMissingRule``'s six patterns, found by hand-written loops over the text's scalars
/// instead of `NSRegularExpression` (which converts the text to UTF-16 and runs ICU once per pattern).
///
/// Each pattern is checked at every start position from left to right, and a match resumes the search
/// after its end: ICU's leftmost, non-overlapping `matches(in:)`. That is exact here because at any start
/// position at most one way through each pattern can succeed (the alternatives there differ in their next
/// character: 达到% / 达%, 截至年 / 至年, 共项 / 共办理项, 事项 / `，`), so "the first alternative that
/// matches" and "the only one" agree. A unit test pins the loops against the regular expressions.
enum DigitsMissingScanner {
    /// One match: the pattern's position in ``DigitsMissingRule/descriptions`` and its scalar offsets.
    struct Match: Equatable, Sendable {
        var pattern: Int
        var start: Int
        var end: Int
    }

    /// Every match, pattern by pattern, each pattern's in text order (the order the regex loop gave).
    ///
    /// One pass serves all six patterns: each keeps where its own search resumes, and ``startMasks`` says
    /// which patterns can start at a scalar at all (almost none can at most positions), ``followMasks`` which
    /// of those the next scalar still allows (the common starts, punctuation and 在, 为, 共, rarely go on to one).
    /// The positions where none can start are skipped eight at a time through the flags the decoding stored
    /// (``TextSpans/digitsMissingStartFlag``, set exactly where ``canStart(_:)`` holds); only position 0, for
    /// `^年以来`, is tried regardless.
    static func matches(in spans: TextSpans) -> [Match] {
        // One list in text order, put in pattern order at the end (a report has a match or two, most none): six
        // lists, the resume positions' array and the joining cost three allocations a report.
        var found: [Match] = []
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 6) { resume in
            resume.initialize(repeating: 0)
            spans.scalars.withUnsafeBufferPointer { text in
                spans.scalarFlagBytes.withUnsafeBufferPointer { flags in
                    startMasks.withUnsafeBufferPointer { masks in
                        followMasks.withUnsafeBufferPointer { follows in
                            var start = 0
                            while start < text.count {
                                let value = Int(text[start].value)
                                var mask = value < masks.count ? masks[value] : 0
                                if mask != 0 {
                                    let next = start + 1 < text.count ? Int(text[start + 1].value) : Int.max
                                    mask &= next < follows.count ? follows[next] : 0
                                }
                                if start == 0 { mask |= 1 << 2 }  // ^年以来
                                while mask != 0 {
                                    let pattern = mask.trailingZeroBitCount
                                    mask &= mask - 1
                                    guard start >= resume[pattern], let end = match(pattern, in: text, at: start) else { continue }
                                    found.append(Match(pattern: pattern, start: start, end: end))
                                    resume[pattern] = end
                                }
                                start = ScalarFlagSearch.firstIndex(in: flags, matching: TextSpans.digitsMissingStartFlag, from: start + 1)
                            }
                        }
                    }
                }
            }
        }
        // A pattern's matches start apart (each resumes after the last one's end): (pattern, start) orders them all.
        return found.count < 2 ? found : found.sorted { ($0.pattern, $0.start) < ($1.pattern, $1.start) }
    }

    /// ``matches(in:)`` of a text given as its scalars.
    static func matches(in scalars: [Unicode.Scalar]) -> [Match] { matches(in: TextSpans(String(scalars: scalars))) }

    /// True when some pattern can start with `scalar`.
    static func canStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < startMasks.count && startMasks[Int(scalar.value)] != 0
    }

    /// The scalars each pattern can start with, as one bit per pattern, for the Basic Multilingual Plane.
    static let startMasks = patternMasks(["达超为至到共计约近逾率", "自至于在从截", "，,。；;\n", "事", "均共大实累办核完", "“"])

    /// The scalars each pattern's second scalar can be (`达到%`, `超过%`, `截至年`, `共办理项`, `大厅项`, …), as one bit per
    /// pattern. `^年以来` at the text's start is the one match without such a second scalar; the scan adds it.
    static let followMasks = patternMasks(["%％到过", "年至", "年", "项", "项件家个次办厅现计理发成", "”"])

    /// A BMP table with bit `pattern` set for each scalar of `scalarsByPattern[pattern]`.
    private static func patternMasks(_ scalarsByPattern: [String]) -> [UInt8] {
        var masks = [UInt8](repeating: 0, count: 0x10000)
        for (pattern, scalars) in scalarsByPattern.enumerated() {
            for scalar in scalars.unicodeScalars { masks[Int(scalar.value)] |= 1 << pattern }
        }
        return masks
    }

    /// Where `pattern` matching at `start` ends, if it matches there.
    @inline(__always)
    static func match(_ pattern: Int, in text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int) -> Int? {
        func at(_ offset: Int) -> Unicode.Scalar? { offset < text.count ? text[offset] : nil }
        func isPercent(_ offset: Int) -> Bool { at(offset) == "%" || at(offset) == "％" }
        switch pattern {
        case 0:
            // (达到|达|为|至|到|共|计|约|近|超过|逾|率)[%％]
            switch text[start] {
            case "达":
                if at(start + 1) == "到", isPercent(start + 2) { return start + 3 }
                return isPercent(start + 1) ? start + 2 : nil
            case "超":
                return at(start + 1) == "过" && isPercent(start + 2) ? start + 3 : nil
            case "为", "至", "到", "共", "计", "约", "近", "逾", "率":
                return isPercent(start + 1) ? start + 2 : nil
            default: return nil
            }
        case 1:
            // (自|至|截至|于|在|从)年[0-9一二三四五六七八九十]
            var year = start + 1
            switch text[start] {
            case "自", "至", "于", "在", "从": break
            case "截":
                guard at(start + 1) == "至" else { return nil }
                year += 1
            default: return nil
            }
            guard at(year) == "年", let digit = at(year + 1), isYearDigit(digit) else { return nil }
            return year + 2
        case 2:
            // (^|[，,。；;\n])年以来
            if start == 0, hasWord(yiLai, in: text, at: 0) { return 3 }
            switch text[start] {
            case "，", ",", "。", "；", ";", "\n": return hasWord(yiLai, in: text, at: start + 1) ? start + 4 : nil
            default: return nil
            }
        case 3:
            // 事项项
            return hasWord(shiXiangXiang, in: text, at: start) ? start + 3 : nil
        case 4:
            // (大厅|实现|均|共|累计|共办理|办理|核发|完成)(项|件|家|个|次)(事项|[，,。；;])
            var unit = start + 1
            switch text[start] {
            case "均": break
            case "共": if hasWord(banLi, in: text, at: start + 1) { unit = start + 3 }
            case "大": guard at(start + 1) == "厅" else { return nil }; unit += 1
            case "实": guard at(start + 1) == "现" else { return nil }; unit += 1
            case "累": guard at(start + 1) == "计" else { return nil }; unit += 1
            case "办": guard at(start + 1) == "理" else { return nil }; unit += 1
            case "核": guard at(start + 1) == "发" else { return nil }; unit += 1
            case "完": guard at(start + 1) == "成" else { return nil }; unit += 1
            default: return nil
            }
            guard let counted = at(unit) else { return nil }
            switch counted {
            case "项", "件", "家", "个", "次": break
            default: return nil
            }
            switch at(unit + 1) {
            case "事": return at(unit + 2) == "项" ? unit + 3 : nil
            case "，", ",", "。", "；", ";": return unit + 2
            default: return nil
            }
        default:
            // “”
            return text[start] == "“" && at(start + 1) == "”" ? start + 2 : nil
        }
    }

    static let yiLai: [Unicode.Scalar] = ["年", "以", "来"]
    static let shiXiangXiang: [Unicode.Scalar] = ["事", "项", "项"]
    static let banLi: [Unicode.Scalar] = ["办", "理"]

    /// `[0-9一二三四五六七八九十]`.
    static func isYearDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
        default: false
        }
    }

    @inline(__always)
    static func hasWord(_ word: [Unicode.Scalar], in text: UnsafeBufferPointer<Unicode.Scalar>, at offset: Int) -> Bool {
        guard offset + word.count <= text.count else { return false }
        for index in word.indices where text[offset + index] != word[index] { return false }
        return true
    }
}
