/// Finds policy documents (`《…》`) and reform initiatives (`“…”`) named in a report.
///
/// Initiatives are short quoted names and slogans (`“高效办成一件事”`, `“一窗受理”`); quoted speech
/// (long, or with sentence punctuation), honours after 授予/获评/入选, and bare time frames are left out.
/// Each distinct term is listed once, at its first mention.
struct QuotedTermExtractor {
    static let documentTypes = [
        "实施方案", "工作方案", "行动方案", "实施细则", "实施意见", "指导意见", "管理办法", "暂行办法", "工作要点", "任务清单",
        "责任清单", "条例", "规定", "方案", "办法", "细则", "通知", "清单", "制度", "意见", "指南", "规划", "计划", "决定",
        "要点", "手册", "标准", "报告", "纲要", "措施", "规范", "公告", "目录", "指引", "守则", "协议", "批复", "量化表",
        "表", "法", "机制", "规则", "须知", "告知书", "通告", "政策",
    ]
    static let honourMarkers = ["授予", "获评", "荣获", "入选", "评为", "评选为", "称号", "获得"]
    static let documentTypeWords = ScalarWordList(documentTypes)
    static let honourWords = ScalarWordList(honourMarkers)
    /// The first scalars of ``honourWords``: a window without one holds no honour marker.
    static let honourStarts: ScalarBits = {
        let firsts = Set(honourWords.words.compactMap(\.first))
        return ScalarBits(members: firsts)
    }()
    /// Characters of reform names: actions (办, 批, 跑, 通, 审) and instruments (网, 码, 证, 贷, 站, 制), or a
    /// slogan's leading numeral (一网通办, 三集中). A quoted term of three characters or fewer without them is
    /// usually a metaphor or emphasis (样板间, 店小二, 痛点, 组合拳), not an initiative.
    static func isReformCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "办", "批", "跑", "通", "贷", "码", "评", "证", "审", "网", "制", "站", "易", "惠", "云": true
        default: false
        }
    }

    static func isSloganNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十": true
        default: false
        }
    }

    /// `!?！？`: a quoted exclamation or question is speech.
    static func isSpeechMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "!", "?", "！", "？": true
        default: false
        }
    }

    static func looksLikeReformName(_ term: String) -> Bool {
        term.count > 3 || hasReformMarker(Array(term.unicodeScalars))
    }

    /// A leading slogan numeral or a reform character (the test for terms of three characters or fewer).
    static func hasReformMarker(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
        if let first = scalars.first, isSloganNumeral(first) { return true }
        return scalars.contains(where: isReformCharacter)
    }

    // The checks below read scalars when the text is plain (see `TextSpans.isPlain`) and fall back to the
    // Character-level `String` checks they mirror otherwise.

    func policies(in spans: TextSpans, reportID: String) -> [TermMention] {
        var seen = Set<String>()
        var seenPlain = Set<UTF8Key>(minimumCapacity: spans.isPlain ? spans.titles.count : 0)
        var mentions: [TermMention] = []
        var sentence = SentenceCache()
        for span in spans.titles {
            let trimmed = spans.trimmed(span)
            let scalars = Array(spans.scalars[trimmed])
            let term = spans.string(trimmed)
            let type: String
            if spans.isPlain {
                guard scalars.count >= 2, !scalars.contains("?"), seenPlain.insert(UTF8Key(term)).inserted else { continue }
                type = Self.documentTypeWords.words.firstIndex(where: scalars.hasSuffix).map { Self.documentTypes[$0] } ?? "其他"
            } else {
                guard term.count >= 2, !term.contains("?"), seen.insert(term).inserted else { continue }
                type = Self.documentTypes.first(where: { term.hasSuffix($0) }) ?? "其他"
            }
            mentions.append(mention(term, span: span, type: type, spans: spans, reportID: reportID, sentence: &sentence))
        }
        return mentions
    }

    func initiatives(in spans: TextSpans, reportID: String) -> [TermMention] {
        var seen = Set<String>()
        // In plain text equal scalars are equal terms (see `UTF8Key`): slices of the text need no String.
        var seenPlain = SeenTerms()
        var mentions: [TermMention] = []
        mentions.reserveCapacity(spans.slogans.count)
        var sentence = SentenceCache()
        for span in spans.slogans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let trimmed = spans.trimmed(span)
            if spans.titles.contains(where: { $0.contains(span.lowerBound) }) { continue }  // inside a 《title》
            if spans.isPlain {
                guard Self.isPlainInitiative(span: span, trimmed: trimmed, in: spans) else { continue }
                // The term's String only for its first mention.
                guard seenPlain.insert(spans.scalars[trimmed]) else { continue }
                mentions.append(mention(spans.string(trimmed), span: span, type: nil, spans: spans, reportID: reportID, sentence: &sentence))
                continue
            }
            let scalars = spans.scalars[trimmed]
            guard scalars.contains(where: CJK.isIdeograph) else { continue }
            let before = spans.scalars[max(0, span.lowerBound - 8)..<max(0, span.lowerBound - 1)]
            let term = spans.string(trimmed)
            guard term.count >= 2, !term.contains("?") else { continue }
            let beforeText = String(scalars: before)
            if Self.honourMarkers.contains(where: beforeText.contains) { continue }
            if term.hasPrefix("十") && term.hasSuffix("五") { continue }
            if !Self.looksLikeReformName(term) { continue }
            if term.hasPrefix("第") { continue }
            if term.contains(where: { "!?！？".contains($0) }) { continue }
            guard seen.insert(term).inserted else { continue }
            mentions.append(mention(term, span: span, type: nil, spans: spans, reportID: reportID, sentence: &sentence))
        }
        return mentions
    }

    /// Whether the slogan `span` (`trimmed`: without its outer white space) of a plain text, not inside a title, is
    /// an initiative name: the checks of the String path on scalars, read in place (an array slice of the text for the term
    /// and one for the words before it cost a retain and a release each, two per slogan).
    static func isPlainInitiative(span: Range<Int>, trimmed: Range<Int>, in spans: TextSpans) -> Bool {
        spans.scalars.withUnsafeBufferPointer { text in
            let scalars = text[trimmed]
            guard scalars.count >= 2 else { return false }
            // Every test below says no on its own, so their order does not change the answer: the scalar tests in
            // one pass over the term (`?` is a speech mark), the words before it last.
            var hasIdeograph = false
            var hasSpeechMark = false
            for scalar in scalars {
                if CJK.isIdeograph(scalar) { hasIdeograph = true } else if isSpeechMark(scalar) { hasSpeechMark = true }
            }
            // No ideograph, or quoted speech.
            guard hasIdeograph && !hasSpeechMark else { return false }
            if scalars.first == "十" && scalars.last == "五" { return false }  // 十四五, 十三五: plan periods
            if scalars.count <= 3 && !hasReformMarker(scalars) { return false }
            if scalars.first == "第" { return false }  // 第一: a rank in quotes
            let beforeRange = max(0, span.lowerBound - 8)..<max(0, span.lowerBound - 1)
            // The word search (on an array slice) only when a marker's first scalar is there.
            return !(honourStarts.containsMember(of: text[beforeRange]) && honourWords.words.contains(where: spans.scalars[beforeRange].containsWord))
        }
    }

    /// The last sentence made a String, for the next mention in it (terms cluster: `“一网通办”“一窗受理”`).
    struct SentenceCache {
        var range: Range<Int>?
        var text = ""

        mutating func text(of range: Range<Int>, in spans: TextSpans) -> String {
            if range != self.range {
                self.range = range
                text = spans.string(range)
            }
            return text
        }
    }

    private func mention(
        _ term: String, span: Range<Int>, type: String?, spans: TextSpans, reportID: String, sentence: inout SentenceCache
    ) -> TermMention {
        let range = spans.sentence(containing: span.lowerBound, reusing: sentence.range)
        return TermMention(
            reportID: reportID, term: term, documentType: type, sentence: sentence.text(of: range, in: spans),
            charStart: span.lowerBound, charEnd: span.upperBound)
    }
}
