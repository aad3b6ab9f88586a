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

    @Test("serialises and reads back every part; truncated bytes are refused") func roundTrip() throws {
        let rendered = try RenderedReport(try document(), publishText: false)
        let bytes = rendered.serialized()
        #expect(RenderedReport(serialized: bytes[...]) == rendered)
        #expect(RenderedReport(serialized: bytes.dropLast(3)) == nil)
        #expect(RenderedReport(serialized: [0xFF, 0xFF, 0xFF, 0x7F, 1, 2][...]) == nil)
    }
}
