import Foundation
import Testing
@testable import ReportKit

/// ``DateBytes`` must find what the date regex finds, and hand every text it cannot judge to the regex.
@Suite("Date bytes") struct DateBytesTests {
    @Test("isoDate equals the regex on random dates and near misses") func randomDates() {
        // The pattern's pieces, near misses, and characters that only the regex may judge (tab, full-width
        // and Arabic-Indic digits, the ideographic space, an astral scalar, a combining mark).
        let alphabet = ["19", "20", "2024", "1999", "0", "1", "2", "3", "9", "12", "31", "13", "00", " ", "  ", "-", "/", ".",
            "年", "月", "日", "T", ":", "+", "a", "中", "号", "\t", "\n", "２", "٣", "\u{3000}", "\u{20000}", "e\u{301}", "\u{7F}"]
        var generator = SplitMix64(seed: 11)
        var decided = 0
        var dates = 0
        for round in 0..<20_000 {
            func pick(_ choices: [String]) -> String { choices[Int(generator.next() % UInt64(choices.count))] }
            let text: String
            if round % 2 == 0 {
                let length = Int(generator.next() % (round < 15_000 ? 10 : 24))
                text = (0..<length).map { _ in pick(alphabet) }.joined()
            } else {
                // A date's shape, its parts mostly fit and sometimes off: year, spaces, separator, month, day.
                let spaces = ["", "", "", "", "", "", " ", "  ", "\t", "\u{3000}"]
                text = [
                    pick(["", "", "发布：", "12", "x"]), pick(["2024", "2024", "1999", "2000", "2019", "1899", "20２4", "202"]),
                    pick(spaces), pick(["-", "年", "/", ".", "-", "年", "月", ""]), pick(spaces),
                    pick(["4", "04", "12", "1", "9", "13", "0", "123", "٤"]), pick(spaces), pick(["-", "月", "/", ".", "月", "-", "年", ""]),
                    pick(spaces), pick(["9", "19", "31", "1", "09", "32", "0", "190", "١"]),
                    pick(["", "日", " 18:35", "T09:30:00+08:00", "-1"]),
                ].joined()
            }
            let expected = DateNormalizer.referenceISODate(text)
            #expect(DateNormalizer.isoDate(text) == expected, "\(text.debugDescription)")
            if let fast = DateBytes.isoDate(text) {
                decided += 1
                #expect(fast == expected, "\(text.debugDescription)")
                if fast != nil { dates += 1 }
            }
        }
        // The fast path must decide most texts, and find dates in some of them.
        #expect(decided > 4_000)
        #expect(dates > 300)
    }

    @Test("isoDate on dates as written") func writtenDates() {
        let cases: [String?] = [
            nil, "", "2024-04-19 18:35", "2024年4月19日", "2024-05-20T09:30:00+08:00", "2024/5/20", "2024 . 5 . 20",
            "2024年 4 月 9日", "发布时间：2024年04月19日 来源：本站", "12024-04-19", "2024-4-190", "2024-13-01", "2024-00-10",
            "2024-4-0", "2024-123-1", "1899-01-01 2001-02-03", "2024年4月", "4月19日", "2024-4", "1999.12.31", "2024\t-4-1",
            "２０２４-4-1", "2024-٤-1", "2024\u{3000}年4月1日", "2099-12-31", "2024-1-1-1", "2019-20-1 2020-1-1",
        ]
        for text in cases {
            #expect(DateNormalizer.isoDate(text) == DateNormalizer.referenceISODate(text), "\(String(describing: text))")
        }
        #expect(DateNormalizer.isoDate("2024年4月9日 18:35") == "2024-04-09")
        #expect(DateBytes.isoDate("2024\t-4-1") == nil)  // left to the regex
        #expect(DateBytes.isoDate("２０２４-4-1") == nil)
    }
}
