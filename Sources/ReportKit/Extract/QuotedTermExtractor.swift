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
    /// Characters of reform names: actions (办, 批, 跑, 通, 审) and instruments (网, 码, 证, 贷, 站, 制), or a
    /// slogan's leading numeral (一网通办, 三集中). A quoted term of three characters or fewer without them is
    /// usually a metaphor or emphasis (样板间, 店小二, 痛点, 组合拳), not an initiative.
    static let reformCharacters: Set<Unicode.Scalar> = Set("办批跑通贷码评证审网制站易惠云".unicodeScalars)
    static let sloganNumerals: Set<Unicode.Scalar> = Set("零一二两三四五六七八九十".unicodeScalars)

    static func looksLikeReformName(_ term: String) -> Bool {
        guard term.count <= 3 else { return true }
        if let first = term.unicodeScalars.first, sloganNumerals.contains(first) { return true }
        return term.unicodeScalars.contains(where: reformCharacters.contains)
    }

    func policies(in spans: TextSpans, reportID: String) -> [TermMention] {
        var seen = Set<String>()
        var mentions: [TermMention] = []
        for span in spans.titles {
            let term = spans.string(span).trimmingCharacters(in: .whitespaces)
            guard term.count >= 2, !term.contains("?"), seen.insert(term).inserted else { continue }
            let type = Self.documentTypes.first(where: { term.hasSuffix($0) }) ?? "其他"
            mentions.append(mention(term, span: span, type: type, spans: spans, reportID: reportID))
        }
        return mentions
    }

    func initiatives(in spans: TextSpans, reportID: String) -> [TermMention] {
        var seen = Set<String>()
        var mentions: [TermMention] = []
        for span in spans.slogans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let term = spans.string(span).trimmingCharacters(in: .whitespaces)
            guard term.count >= 2, term.unicodeScalars.contains(where: CJK.isIdeograph), !term.contains("?") else { continue }
            if spans.titles.contains(where: { $0.contains(span.lowerBound) }) { continue }
            let before = spans.string(max(0, span.lowerBound - 8)..<max(0, span.lowerBound - 1))
            if Self.honourMarkers.contains(where: before.contains) { continue }
            if term.hasPrefix("十") && term.hasSuffix("五") { continue }  // 十四五, 十三五: plan periods
            if !Self.looksLikeReformName(term) { continue }
            if term.hasPrefix("第") { continue }  // 第一: a rank in quotes
            if term.contains(where: { "!?！？".contains($0) }) { continue }  // quoted speech
            guard seen.insert(term).inserted else { continue }
            mentions.append(mention(term, span: span, type: nil, spans: spans, reportID: reportID))
        }
        return mentions
    }

    private func mention(_ term: String, span: Range<Int>, type: String?, spans: TextSpans, reportID: String) -> TermMention {
        let sentence = spans.sentence(containing: span.lowerBound)
        return TermMention(
            reportID: reportID, term: term, documentType: type, sentence: spans.string(sentence), charStart: span.lowerBound,
            charEnd: span.upperBound)
    }
}
