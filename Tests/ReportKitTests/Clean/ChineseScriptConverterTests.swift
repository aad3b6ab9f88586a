import Dispatch
import Foundation
import Synchronization
import Testing
@testable import ReportKit

@Suite("ChineseScriptConverter") struct ChineseScriptConverterTests {
    /// Threads converting at once each get a converter of their own and the same answers as one thread alone.
    @Test("converts on many threads at once with the same results") func concurrent() throws {
        let texts = ["營商環境持續優化", "這個縣的審批時間縮短了", "們來說對會為時國與發經實現", "海口市空港航空發動機維修"]
        let expected = try texts.map { try ChineseScriptConverter.shared.toSimplified($0) }
        #expect(expected[0] == "营商环境持续优化")
        let results = Mutex([String?](repeating: nil, count: 64))
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let converted = try? ChineseScriptConverter.shared.toSimplified(texts[index % texts.count])
            results.withLock { $0[index] = converted }
        }
        let all = results.withLock { $0 }
        for (index, result) in all.enumerated() { #expect(result == expected[index % texts.count]) }
    }

    /// The shipped configuration skips OpenCC's segmentation pass; this is the check that it still converts
    /// exactly as stock `t2s.json` does, on every seed and fixture as written and converted to Traditional.
    @Test("the unsegmented t2s gives the same text as stock t2s") func unsegmentedMatchesStock() throws {
        let shipped = try #require(ChineseScriptConverter.unsegmentedConfiguration)
        #expect(ChineseScriptConverter.shared.configuration == shipped)
        var texts = ["乾隆皇帝的頭髮", "營商環境「一網通辦」，辦事處乾淨", "後來的著作裡，著名的干預", "只有1個隻", "於是乎鬱鬱蔥蔥"]
        let folders = [
            TestSupport.pipeline.appendingPathComponent("sources"), TestSupport.fixtures.appendingPathComponent("text"),
            TestSupport.fixtures.appendingPathComponent("html"),
        ]
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                    let text = String(data: data, encoding: .utf8)
                else { continue }
                texts.append(text)
            }
        }
        #expect(texts.count > 20)
        var changed = 0  // texts the conversion altered: the comparison is not between two copies of the input
        for text in texts {
            for variant in [text, try ChineseScriptConverter.simplifiedToTraditional.convert(text)] {
                let stock = try ChineseScriptConverter.stockTraditionalToSimplified.convert(variant)
                #expect(try ChineseScriptConverter.shared.toSimplified(variant) == stock)
                if stock != variant { changed += 1 }
            }
        }
        #expect(changed > texts.count)
    }
}
