/// The matches of ``MetricExtractor/periodPattern`` found by a hand-written matcher over scalars, so that the
/// period before a claim costs no String, no UTF-16 conversion and no ICU call.
///
/// ``match(at:in:)`` follows the regex engine step by step: the alternatives in pattern order, the first that
/// matches at a start wins; `{1,12}?` grows from the shortest, `{1,16}` and the optional parts shrink from the
/// longest, exactly where backtracking could change the outcome. ``matches(in:)`` is the leftmost,
/// non-overlapping search of `NSRegularExpression.matches(in:)`. A unit test pins it against the regex.
enum PeriodScanner {
    /// Every match in `text`, in order.
    static func matches(in text: ArraySlice<Unicode.Scalar>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start = text.startIndex
        while start < text.endIndex {
            if let end = match(at: start, in: text) {
                found.append(start..<end)
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// The last match in `text`, if any.
    static func lastMatch(in text: ArraySlice<Unicode.Scalar>) -> Range<Int>? { matches(in: text).last }

    /// `截今去上12近自`: the scalars an alternative of the pattern starts with; ``match(at:in:)`` fails elsewhere.
    static func canStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "截", "今", "去", "上", "1", "2", "近", "自": true
        default: false
        }
    }

    /// The most scalars past its start that ``match(at:in:)`` reads: `自` with sixteen free scalars, then `以来`.
    /// A match tried further than this before the end of the text gives the same answer in any longer text.
    static let maxReach = 18

    /// The leftmost scan of one sentence, resumed from claim to claim: ``lastMatch(before:in:)`` equals
    /// ``PeriodScanner/lastMatch(in:)`` of the text from the sentence's start to the claim, without scanning that
    /// text again for each claim. A unit test compares the two.
    struct Cursor {
        let sentenceStart: Int
        /// Where the scan goes on and the last match before it, as every scan ending at `bound` or later finds them.
        private var position: Int
        private var last: Range<Int>?
        private var bound: Int

        init(sentenceStart: Int) {
            self.sentenceStart = sentenceStart
            position = sentenceStart
            bound = sentenceStart
        }

        /// ``lastMatch(before:in:)`` of the spans' scalars, skipping to the positions their flag bytes mark as possible
        /// starts (``TextSpans/periodStartFlag``), eight a load, instead of asking each scalar.
        mutating func lastMatch(before end: Int, in spans: TextSpans) -> Range<Int>? {
            spans.scalarFlagBytes.withUnsafeBufferPointer { lastMatch(before: end, in: spans.scalars, startFlags: $0) }
        }

        /// The last match in `scalars[sentenceStart..<end]`, if any; `startFlags`, one byte per scalar, marks with
        /// ``TextSpans/periodStartFlag`` every position where a match may start (without them each scalar is asked).
        mutating func lastMatch(
            before end: Int, in scalars: [Unicode.Scalar], startFlags: UnsafeBufferPointer<UInt8>? = nil
        ) -> Range<Int>? {
            guard end > sentenceStart else { return nil }
            if end < bound {
                // An earlier end than the last claim's: start over.
                position = sentenceStart
                last = nil
                bound = sentenceStart
            }
            let text = scalars[sentenceStart..<end]
            var position = self.position
            var last = self.last
            var saved = false
            while position < end {
                // From here on a match may read up to the end, where a later claim's text goes on: keep the state.
                if !saved && position + PeriodScanner.maxReach >= end {
                    (self.position, self.last, bound, saved) = (position, last, end, true)
                }
                if PeriodScanner.canStart(text[position]), let matchEnd = PeriodScanner.match(at: position, in: text) {
                    last = position..<matchEnd
                    position = matchEnd
                } else {
                    position += 1
                    if let startFlags {
                        // To the next possible start. The state saved there equals the one-by-one scan's at an earlier
                        // position: no match starts in between, so a later claim's scan resumes to the same effect.
                        let next = ScalarFlagSearch.firstIndex(in: startFlags, matching: TextSpans.periodStartFlag, from: position)
                        position = min(next, end)
                    }
                }
            }
            if !saved { (self.position, self.last, bound) = (position, last, end) }
            return last
        }
    }

    /// `[^，,。；]`.
    static func isFree(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "。", "；": false
        default: true
        }
    }

    /// `[0-9一二三四五六七八九十]`.
    static func isMonthDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
        default: false
        }
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Where the pattern matching at `start` ends, if it matches there.
    static func match(at start: Int, in text: ArraySlice<Unicode.Scalar>) -> Int? {
        let end = text.endIndex
        func at(_ offset: Int) -> Unicode.Scalar? { offset < end ? text[offset] : nil }
        func word(_ word: [Unicode.Scalar], _ offset: Int) -> Bool {
            guard offset + word.count <= end else { return false }
            for index in word.indices where text[offset + index] != word[index] { return false }
            return true
        }
        switch text[start] {
        case "截":
            // (截至|截止)[^，,。；]{1,12}?(底|末|月|日|目前|前)
            guard at(start + 1) == "至" || at(start + 1) == "止" else { return nil }
            var count = 1
            while count <= 12, let scalar = at(start + 1 + count), isFree(scalar) {
                let after = start + 2 + count
                switch at(after) {
                case "底", "末", "月", "日", "前": return after + 1
                case "目": if at(after + 1) == "前" { return after + 2 }
                default: break
                }
                count += 1
            }
            return nil
        case "今":
            guard at(start + 1) == "年" else { return nil }
            let next = start + 2
            if word(yiLai, next) { return next + 2 }  // 今年以来
            switch at(next) {  // 今年(一|二|三|四|1|2|3|4)季度
            case "一", "二", "三", "四", "1", "2", "3", "4": if word(jiDu, next + 1) { return next + 3 }
            default: break
            }
            if word(shangBanNian, next) { return next + 3 }  // 今年上半年
            // 今年前?[0-9一二三四五六七八九十]{1,2}个?月
            var digits = at(next) == "前" ? next + 1 : next
            guard let first = at(digits), isMonthDigit(first) else { return nil }
            digits += 1
            if let second = at(digits), isMonthDigit(second) { digits += 1 }
            if at(digits) == "个" { digits += 1 }
            return at(digits) == "月" ? digits + 1 : nil
        case "去":
            guard at(start + 1) == "年" else { return nil }
            return word(yiLai, start + 2) ? start + 4 : start + 2  // 去年以来 | 去年
        case "上":
            return word(banNian, start + 1) ? start + 3 : nil  // 上半年
        case "1", "2":
            // (19|20)[0-9]{2}年([0-9]{1,2}月份?)?(以来)?
            guard text[start] == "1" ? at(start + 1) == "9" : at(start + 1) == "0" else { return nil }
            guard let third = at(start + 2), isASCIIDigit(third), let fourth = at(start + 3), isASCIIDigit(fourth),
                at(start + 4) == "年"
            else { return nil }
            var position = start + 5
            if let first = at(position), isASCIIDigit(first) {
                var month = position + 1
                if let second = at(month), isASCIIDigit(second) { month += 1 }
                if at(month) == "月" {
                    position = month + 1
                    if at(position) == "份" { position += 1 }
                }
            }
            if word(yiLai, position) { position += 2 }
            return position
        case "近":
            if word(nianLai, start + 1) { return start + 3 }  // 近年来
            guard let count = at(start + 1) else { return nil }
            switch count {  // 近[0-9一二三四五]年
            case "0"..."9", "一", "二", "三", "四", "五": return at(start + 2) == "年" ? start + 3 : nil
            default: return nil
            }
        case "自":
            // 自[^，,。；]{1,16}以来: the longest run first, then shorter ones.
            var count = 0
            while count < 16, let scalar = at(start + 1 + count), isFree(scalar) { count += 1 }
            while count >= 1 {
                if word(yiLai, start + 1 + count) { return start + 3 + count }
                count -= 1
            }
            return nil
        default:
            return nil
        }
    }

    static let yiLai: [Unicode.Scalar] = ["以", "来"]
    static let jiDu: [Unicode.Scalar] = ["季", "度"]
    static let shangBanNian: [Unicode.Scalar] = ["上", "半", "年"]
    static let banNian: [Unicode.Scalar] = ["半", "年"]
    static let nianLai: [Unicode.Scalar] = ["年", "来"]
}
