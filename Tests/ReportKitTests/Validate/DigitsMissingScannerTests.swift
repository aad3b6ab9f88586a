import Foundation
import Testing
@testable import ReportKit

/// The hand-written digits-missing scanner must find exactly what the regular expressions find.
@Suite("digits-missing scanner") struct DigitsMissingScannerTests {
    /// Every character the patterns mention, plus plain text, an astral ideograph and a combining mark.
    static let alphabet = Array("达到为至共计约近超过逾率%％自截于在从年05一十以来，,。；;\n事项件家个次大厅实现均累办理核发完成“”好a\u{20000}\u{301}")

    @discardableResult
    func check(_ text: String) -> Int {
        let scanned = DigitsMissingScanner.matches(in: Array(text.unicodeScalars))
        let expected = DigitsMissingRule.regexMatches(in: text)
        #expect(scanned == expected, "\(text.debugDescription)")
        return expected.count
    }

    @Test("agrees with the regular expressions on examples") func examples() {
        for text in [
            "网上申报率达%，", "达到%", "超过％", "过%", "自年3月", "截至年五月", "至年x", "年以来", "，年以来", "a年以来",
            "实现零跑腿事项项", "共办理件，", "共项事项", "均次；", "累计家事", "“”", "“ ”", "达到达到%%", "共办理项，共办理项。",
            "", "年", "\n年以来年以来", "截至年1年2",
        ] {
            check(text)
        }
    }

    @Test("the eight-a-round flag search stops where the one-by-one loop stops") func flagSearch() {
        var random = SplitMix64(seed: 2027)
        let masks: [UInt8] = [TextSpans.digitsMissingStartFlag, TextSpans.numberStartFlag, 0x81, 0xFF]
        for _ in 0..<3000 {
            // Mostly zero bytes, as in a text, with a flag here and there; lengths around the eight-byte steps.
            let flags = (0..<Int(random.next() % 40)).map { _ in random.next() % 5 == 0 ? UInt8(truncatingIfNeeded: random.next()) : 0 }
            flags.withUnsafeBufferPointer { buffer in
                for mask in masks {
                    for start in -1...(buffer.count + 1) {
                        let expected = (max(start, 0)..<max(buffer.count, max(start, 0))).first { buffer[$0] & mask != 0 } ?? buffer.count
                        #expect(ScalarFlagSearch.firstIndex(in: buffer, matching: mask, from: start) == expected, "\(flags) \(mask) \(start)")
                    }
                }
            }
        }
        #expect(ScalarFlagSearch.firstIndex(in: UnsafeBufferPointer(start: nil, count: 0), matching: 1, from: 0) == 0)
    }

    @Test("agrees with the regular expressions on random text") func random() {
        var random = SplitMix64(seed: 2026)
        var matches = 0
        for _ in 0..<4000 {
            let length = Int(random.next() % 40)
            let text = String((0..<length).map { _ in Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] })
            matches += check(text)
        }
        #expect(matches > 300)  // the random text does exercise the patterns
    }

    @Test("reports findings in text order with scalar offsets") func findings() {
        let text = "\u{20000}共办理件，自年3月起，率达%。"
        let document = TestSupport.document(text: text)
        let findings = DigitsMissingRule().check(document, context: ValidationContext(buildDate: "2026-01-01"))
        #expect(findings.map(\.charStart) == [1, 6, 13])
        #expect(findings.map(\.charEnd) == [6, 9, 15])
        #expect(findings[0].message == "'共办理件，' has a count without its number: the source lost its digits here.")
        #expect(findings[2].snippet == "，自年3月起，率达%。")
    }
}
