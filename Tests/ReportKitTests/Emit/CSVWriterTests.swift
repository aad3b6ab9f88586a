import Foundation
import Testing
@testable import ReportKit

@Suite("CSVWriter and JSONLinesWriter") struct CSVWriterTests {
    /// RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled.
    @Test("quotes commas, quotes and newlines") func quoting() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("他说\"好\"") == "\"他说\"\"好\"\"\"")
        #expect(CSVWriter.field("第一行\n第二行") == "\"第一行\n第二行\"")
        #expect(CSVWriter.field("a\r\nb") == "\"a\r\nb\"")
    }

    @Test("reads back what it writes, including embedded quotes and newlines") func roundTrip() {
        let fields = ["id", "a,b", "说\"好\"", "多\n行", ""]
        let line = fields.map(CSVWriter.field).joined(separator: ",") + "\n"
        let records = CSVReader.records(line)
        #expect(records.count == 1)
        #expect(records.first?.fields == fields)
    }

    @Test("writes one JSON object per line, valid UTF-8, keys in column order") func jsonLines() throws {
        let metric = Metric(
            metricID: "r-1", reportID: "r", indicator: "可办率", category: "政务服务", value: 97.45, unit: "%",
            valueNormalized: 97.45, unitNormalized: "percent", qualifier: "exact", valueMax: nil, baselineValue: nil,
            kind: "level", period: nil, quote: "97.45%", sentence: "可办率为97.45%。\n\"引号\"", charStart: 1, charEnd: 7)
        let text = JSONLinesWriter.render([metric, metric], schema: DatasetTables.metrics)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["indicator"] as? String == "可办率")
        #expect(object["sentence"] as? String == "可办率为97.45%。\n\"引号\"")
        #expect(object["value_max"] is NSNull)
        #expect(lines[0].hasPrefix("{\"metric_id\":\"r-1\",\"report_id\":\"r\""))
        #expect(String(validating: Array(text.utf8), as: UTF8.self) != nil)
    }

    @Test("formats numbers in their shortest exact form") func numbers() {
        #expect(Cell.number(44798800).csvText == "44798800")
        #expect(Cell.number(97.45).csvText == "97.45")
        #expect(Cell.number(nil).jsonText == "null")
        #expect(Cell.list(["毛雷", "符武平"]).csvText == "毛雷;符武平")
    }

    /// Escapes agree with JSONSerialization's reading of them, on every kind of byte the fast path skips.
    @Test("escapes JSON strings exactly and round-trips them") func jsonEscapes() throws {
        let samples = [
            "plain 营商环境", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{01}\u{1F}control",
            "separators \u{2028}\u{2029} and dash — ellipsis …", "emoji 😀 at the end", "", "\"",
        ]
        for sample in samples {
            let literal = Cell.jsonString(sample)
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
            #expect(decoded == [sample], "round trip of \(literal)")
            #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
        }
        #expect(Cell.jsonString("a\u{2028}—\"") == "\"a\\u2028—\\\"\"")
        #expect(CSVWriter.field("\"\"") == "\"\"\"\"\"\"")
        #expect(CSVWriter.field("末尾\"") == "\"末尾\"\"\"")
    }
}
