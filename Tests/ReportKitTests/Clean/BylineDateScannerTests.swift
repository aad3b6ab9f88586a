import Foundation
import Testing
@testable import ReportKit

/// ``BylineDateScanner`` must find exactly the regular expression's first match (``BylineParser/datePattern``),
/// or leave the line to it, on random lines built from the pieces the pattern reads and those that make it fail.
@Suite("Byline date scanner") struct BylineDateScannerTests {
    static let pieces: [String] = [
        "1", "9", "2", "0", "3", "5", "19", "20", "2024", "1999", "2000", "12", "7", " ", "  ", "-", "/", ".", ":", "年", "月",
        "日", "时", "记者", "来源：", "新华网", "，", "。", "a", "\t", "\u{3000}", "\u{A0}", "\u{2009}", "１", "２０", "٣",
        "e\u{301}", "\u{301}", "𠀀", "\r\n", "\u{85}", "\u{FEFF}",
    ]

    /// The expression's answer: the match as UTF-8 offsets, and the trimmed text.
    static func reference(_ line: String) -> (Range<Int>, String)? {
        let range = NSRange(line.startIndex..., in: line)
        guard let match = BylineParser.datePattern.firstMatch(in: line, range: range), let found = Range(match.range, in: line)
        else { return nil }
        let offsets = line.utf8.distance(from: line.startIndex, to: found.lowerBound)..<line.utf8.distance(from: line.startIndex, to: found.upperBound)
        return (offsets, ScalarText.trimmingWhitespace(String(line[found])))
    }

    static func check(_ line: String) -> Bool {
        let plain = ScalarText.isPlain(line)
        let expected = reference(line)
        let found = BylineParser.date(in: line, textIsPlain: plain)
        let offsets = found.map { line.utf8.distance(from: line.startIndex, to: $0.1.lowerBound)..<line.utf8.distance(from: line.startIndex, to: $0.1.upperBound) }
        #expect(offsets == expected?.0, "\(line.debugDescription)")
        #expect(found.map { Array($0.0.unicodeScalars) } == expected.map { Array($0.1.unicodeScalars) }, "\(line.debugDescription)")
        return expected != nil
    }

    @Test("the first date equals the regular expression's, on fixed and random lines") func dates() {
        let fixed = [
            "", "2024", "2024-04-19", "来源：新华网　作者：李丽　2025-02-21 17:10", "2025-02-21 17:10:59", "2025年2月21日", "2025 年 2 月 21 日 9:05",
            "2025-2-3", "2025-123-4", "20250-1-2", "1999/12/31 23:5", "2000.1.2日 1:23:4", "2020-1-1 12:345", "2020-01-011", "192020-1-2",
            "环球网2024-04-19 18:35", "2024-04-19\t18:35", "２０２４-04-19", "2024-04-1９", "2024-04-19 ١٢:30", "2020-1-1e\u{301}",
        ]
        var generator = SplitMix64(seed: 2024)
        var matched = 0
        var scanned = 0
        for line in fixed + (0..<30000).map({ _ in
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
        }) {
            if Self.check(line) { matched += 1 }
            var bytes = line
            if ScalarText.isPlain(line), bytes.withUTF8(BylineDateScanner.isEligible) { scanned += 1 }
        }
        #expect(matched > 20)  // both answers and both paths are exercised
        #expect(scanned > 3000 && scanned < 28000)
    }

    @Test("dense dates: the pattern's parts, each sometimes wrong") func denseDates() {
        // One choice per part of the pattern, in its order; most choices fit, some break the match or stand in
        // another part's place, and some are white space or digits only the expression reads.
        let parts: [[String]] = [
            ["", "记者", "1", "2", "x "], ["19", "20", "21", "2"], ["24", "9", "999", "0"], ["", " ", "  ", "\t"],
            ["-", "年", "/", ".", "月", ""], ["", " "], ["1", "12", "123", "", "１"], ["", " ", "\u{3000}"], ["-", "月", "/", ".", "年"],
            ["", " "], ["9", "30", "301", "", "a"], ["", "日", "日日"], ["", " ", "  ", "\u{A0}"], ["", "1", "18", "180"],
            ["", ":", "："], ["", "3", "35", "355"], ["", ":", ":5"], ["", "59", "5", "599"], ["", "。", "2020-1-1", " 20"],
        ]
        var generator = SplitMix64(seed: 7)
        var matched = 0
        for _ in 0..<30000 {
            let line = parts.map { $0.randomElement(using: &generator)! }.joined()
            if Self.check(line) { matched += 1 }
        }
        #expect(matched > 3000)
    }
}
