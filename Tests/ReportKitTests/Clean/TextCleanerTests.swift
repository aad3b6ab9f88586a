import Foundation
import Testing
@testable import ReportKit

@Suite("TextCleaner on the sample reports") struct TextCleanerTests {
    /// Seed 001: Traditional script with pinyin annotations and GBK-shift mojibake.
    @Test("repairs seed 001 into simplified text without pinyin") func seed001() throws {
        let cleaned = try TestSupport.clean(try TestSupport.seed("001"))
        #expect(cleaned.text.contains("海口市空港航空发动机维修工程有限公司"))
        #expect(cleaned.text.contains("营商环境就是生产力"))
        #expect(!cleaned.text.contains("(yíng)"))
        #expect(!cleaned.text.contains("營"))
        #expect(cleaned.originalScript == "traditional")
        let flags = Dictionary(uniqueKeysWithValues: cleaned.qualityFlags.map { ($0.name, $0.count) })
        #expect(flags["traditional_converted"] == 1)
        #expect((flags["mojibake_repaired"] ?? 0) >= 5)
        #expect(flags["pinyin_annotations_removed"] == 1)
        // The source holds 292 complete `(pinyin)` annotations (counted with a regular expression); mojibake
        // repair restores the `(` of a few more. No tone-marked letter may survive.
        let repair = try #require(cleaned.repairs.first { $0.flag == "pinyin_annotations_removed" })
        let removed = Int(repair.before.split(separator: " ").first ?? "") ?? 0
        #expect(removed >= 292)
        #expect(!cleaned.text.unicodeScalars.contains { PinyinAnnotationStripper.toneMarked.contains($0) })
        #expect(!cleaned.text.contains("二维码"))
        #expect(!cleaned.text.contains("微信扫码"))
        #expect(cleaned.hints.editors == ["wuwenfei"])
    }

    @Test("no seed keeps captions, editor lines, follow prompts or widgets") func boilerplate() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let text = try TestSupport.clean(try TestSupport.seed(prefix)).text
            for line in text.split(separator: "\n") {
                #expect(line != "图片", "\(prefix): photo placeholder")
                #expect(!line.hasSuffix("摄"), "\(prefix): caption \(line)")
            }
            for marker in ["责任编辑", "更多精彩", "请关注", "热门评论", ".png", "编审"] {
                #expect(!text.contains(marker), "\(prefix) still contains \(marker)")
            }
        }
    }

    @Test("reads bylines and credit lines into metadata") func bylines() throws {
        let seed000 = try TestSupport.clean(try TestSupport.seed("000")).hints
        #expect(seed000.title == "海南儋州:推进“一号工程”着力持续优化营商环境")
        #expect(seed000.publisher == "人民网" && seed000.authors == ["毛雷"] && seed000.photographers == ["符武平"])
        let seed002 = try TestSupport.clean(try TestSupport.seed("002"))
        #expect(seed002.hints.publisher == "中国发展网")
        #expect(seed002.hints.authors == ["刘伟奇", "范纪安"])
        #expect(seed002.text.hasPrefix("历史上的商丘"))
        let seed003 = try TestSupport.clean(try TestSupport.seed("003")).hints
        #expect(seed003.publisher == "环球网" && seed003.published == "2024-04-19 18:35")
        let seed004 = try TestSupport.clean(try TestSupport.seed("004"))
        #expect(seed004.hints.title == nil)
        #expect(seed004.hints.publisher == "贵州日报天眼新闻" && seed004.hints.authors == ["兰荣江"])
        #expect(seed004.hints.editors.contains("潘正祥"))
        #expect(seed004.text.hasSuffix("好评率达99.99%。"))
    }

    @Test("joins a decimal broken by a space") func brokenDecimal() throws {
        let cleaned = try TestSupport.clean(try TestSupport.seed("003"))
        #expect(cleaned.text.contains("个人用户注册率达到106.66%"))
        #expect(cleaned.repairs.contains { $0.flag == "broken_number_joined" })
    }

    @Test("normalises full-width digits and signs inside numbers only") func fullwidth() {
        let result = TextNormalizer().normalize("网办率达９８．５％，共１，２３４家；（试行）：保留")
        #expect(result.text == "网办率达98.5%，共1,234家；（试行）：保留")
    }

    @Test("keeps real parentheses while removing pinyin") func pinyin() {
        let result = PinyinAnnotationStripper().strip("營(yíng)商環(huán)境(试行)和(A)类")
        #expect(result.text == "營商環境(试行)和(A)类")
        #expect(result.removed == 2)
    }
}
