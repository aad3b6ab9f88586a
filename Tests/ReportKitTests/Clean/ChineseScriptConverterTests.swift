import Dispatch
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
}
