import Foundation
import Testing
@testable import ReportKit

@Suite("RenderedReport") struct RenderedReportTests {
    enum Unexpected: Error { case dropped }

    func document() throws -> ExtractedDocument {
        let cleaned = try TestSupport.clean(try TestSupport.seed("003"))
        guard case .keep(let document) = try ReportExtractor().process(cleaned) else { throw Unexpected.dropped }
        return document
    }

    /// The reports row is spooled in two halves; joined with dedup's lists it must be the row rendered whole.
    @Test("the split reports row equals the whole row once dedup fills the duplicates") func splitRow() throws {
        var document = try document()
        document.report.text = "正文,带\"引号\"\n和换行"
        let rendered = try RenderedReport(document, publishText: true)
        var full = document.report
        full.duplicates = "aaaa;bbbb"
        full.duplicateSources = "x.txt;y, z.txt"
        let csv = rendered.reportCSV(duplicates: ["aaaa", "bbbb"], duplicateSources: ["x.txt", "y, z.txt"])
        #expect(String(decoding: csv, as: UTF8.self) == CSVWriter.line(full, schema: DatasetTables.reports))
        let json = rendered.reportJSON(duplicates: ["aaaa", "bbbb"], duplicateSources: ["x.txt", "y, z.txt"])
        let expected = JSONLinesWriter.line(full, schema: DatasetTables.reports) { [("text", .string($0.text))] }
        #expect(String(decoding: json, as: UTF8.self) == expected)
        #expect(rendered.metricCount == document.metrics.count && rendered.metricCount > 5)
    }

    /// Varied reports (lists, null numbers and dates, text to escape or none), with and without the text.
    @Test("the split reports row equals the generic writers' row on varied reports") func variedReportRows() throws {
        var document = try document()
        var texts = TableRowWriterTests.Texts(random: SplitMix64(seed: 13))
        for index in 0..<300 {
            var report = TableRowWriterTests.report(&texts, base: document.report)
            report.text = texts.optional()
            report.qualityFlags = texts.next()
            document.report = report
            let publishText = index % 2 == 0
            let rendered = try RenderedReport(document, publishText: publishText)
            let csv = rendered.reportCSV(duplicates: [], duplicateSources: [])
            let json = rendered.reportJSON(duplicates: [], duplicateSources: [])
            (report.duplicates, report.duplicateSources) = ("", "")  // what the empty lists join to
            #expect(String(decoding: csv, as: UTF8.self) == CSVWriter.line(report, schema: DatasetTables.reports))
            let extra: ((Report) -> [(String, Cell)])? = publishText ? { [("text", .string($0.text))] } : nil
            #expect(String(decoding: json, as: UTF8.self) == JSONLinesWriter.line(report, schema: DatasetTables.reports, extra: extra))
        }
    }

    @Test("serialises and reads back every part; truncated bytes are refused") func roundTrip() throws {
        let rendered = try RenderedReport(try document(), publishText: false)
        let bytes = rendered.serialized()
        #expect(RenderedReport(serialized: bytes[...]) == rendered)
        #expect(RenderedReport(serialized: bytes.dropLast(3)) == nil)
        #expect(RenderedReport(serialized: [0xFF, 0xFF, 0xFF, 0x7F, 1, 2][...]) == nil)
    }

    /// Emit reads the parts where they lie in the record; each must be the part ``RenderedReport`` holds.
    @Test("spooled rows find every part where serialized() put it") func spooledRows() throws {
        var rendered = try RenderedReport(try document(), publishText: true)
        rendered.findingKeys = ["digits_missing|warning", "", "region_unknown|info"]
        let record = [9, 9, 9] + rendered.serialized() + [7, 7]  // the rows need not start or end the record
        let rows = try #require(SpooledRows(record: record, rows: 3..<(record.count - 2)))
        let expected: [SpooledRows.Part: [UInt8]] = [
            .reportCSVHead: rendered.reportCSVHead, .reportCSVTail: rendered.reportCSVTail, .reportJSONHead: rendered.reportJSONHead,
            .reportJSONTail: rendered.reportJSONTail, .metricsCSV: rendered.metricsCSV, .metricsJSON: rendered.metricsJSON,
            .policiesCSV: rendered.policiesCSV, .policiesJSON: rendered.policiesJSON, .initiativesCSV: rendered.initiativesCSV,
            .initiativesJSON: rendered.initiativesJSON, .findings: rendered.findings,
        ]
        for (part, bytes) in expected {
            #expect(Array(rows.bytes(part)) == bytes, "\(part)")
            #expect(rows.withBytes(part) { Array($0) } == bytes, "\(part)")
        }
        #expect(!rendered.metricsJSON.isEmpty)
        var keys: [String] = []
        rows.forEachFindingKey { keys.append($0) }
        #expect(keys == rendered.findingKeys)
        let counts = try #require(rows.counts)
        #expect(counts.metrics == rendered.metricCount && counts.policies == rendered.policyCount && counts.initiatives == rendered.initiativeCount)
        let none = try #require(SpooledRows(record: RenderedReport().serialized(), rows: 0..<RenderedReport().serialized().count))
        none.forEachFindingKey { _ in Issue.record("a report without findings has no finding keys") }
        #expect(SpooledRows(record: record, rows: 3..<(record.count - 5)) == nil)  // truncated
        #expect(SpooledRows(record: record, rows: 3..<(record.count - 1)) == nil)  // a stray byte after the parts
    }
}
