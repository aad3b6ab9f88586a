import Foundation
import Testing
@testable import ReportKit

@Suite("Finding JSON lines") struct FindingJSONTests {
    /// The hand-written line must equal JSONEncoder's (sorted keys, unescaped slashes) byte for byte, since
    /// `validation.jsonl` was written with JSONEncoder before and a dataset must not change with the code.
    @Test("equals JSONEncoder's output on adversarial findings") func matchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var generator = SplitMix64(seed: 2026)
        let pieces = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) } + [
            "\"", "\\", "/", "a", "营商", "\u{7F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "e\u{301}", "\r\n", " ",
        ]
        // Long enough that escapes fall in eight-byte words and in the tail.
        func text() -> String { (0..<Int(generator.next() % (generator.next() % 2 == 0 ? 6 : 24))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined() }
        func maybe<T>(_ value: T) -> T? { generator.next() % 3 == 0 ? nil : value }
        for _ in 0..<2_000 {
            let finding = Finding(
                rule: text(), severity: Finding.Severity.allCases[Int(generator.next() % 3)], reportID: text(), source: text(),
                field: text(), metricID: maybe(text()), charStart: maybe(Int(generator.next() % 100_000) - 50),
                charEnd: maybe(Int(generator.next() % 100_000)), snippet: maybe(text()), message: text())
            var line: [UInt8] = []
            finding.appendJSONLine(to: &line)
            let expected = Array(try encoder.encode(finding)) + [0x0A]
            #expect(line == expected, "\(String(decoding: line, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
            var buffer = ByteBuffer(capacity: 1)
            finding.appendJSONLine(to: &buffer)
            #expect(buffer.array == expected)
        }
    }
}
