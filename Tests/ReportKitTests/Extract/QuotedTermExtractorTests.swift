import Testing
@testable import ReportKit

@Suite("QuotedTermExtractor") struct QuotedTermExtractorTests {
    let text = """
        儋州洋浦作为海南自贸港建设的“样板间”，推行“一网通办”和“秒批”改革，打造“店小二”式服务，\
        被授予“全国百佳示范县”称号。印发《儋州市优化营商环境若干规定》《关于做好2024年“我陪群众走流程”活动的通知》。\
        他说：“以前办事要跑好几趟，现在一次就办好了。”
        """

    @Test("keeps reform names and leaves metaphors, honours and speech out") func initiatives() {
        let spans = TextSpans(text)
        let terms = QuotedTermExtractor().initiatives(in: spans, reportID: "r").map(\.term)
        #expect(terms == ["一网通办", "秒批"])
    }

    @Test("lists every policy title with its document type") func policies() {
        let spans = TextSpans(text)
        let policies = QuotedTermExtractor().policies(in: spans, reportID: "r")
        #expect(policies.map(\.term) == ["儋州市优化营商环境若干规定", "关于做好2024年“我陪群众走流程”活动的通知"])
        #expect(policies.map(\.documentType) == ["规定", "通知"])
        let scalars = Array(text.unicodeScalars)
        for policy in policies {
            #expect(String(String.UnicodeScalarView(scalars[policy.charStart..<policy.charEnd])) == policy.term)
        }
    }
}
