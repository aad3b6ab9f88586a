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

    /// The spooled tables store each run of a repeated sentence once; with the splices put back, each table is
    /// exactly what the generic writers write for the document's rows.
    @Test("spooled tables with their splices equal the generic writers' rows") func splicedTables() throws {
        let document = try document()
        let bytes = try RenderedReport.record(document, publishText: false)
        // The record is the rows' length, then the rows.
        #expect(bytes.prefix(4).reversed().reduce(0) { $0 << 8 | Int($1) } == bytes.count - 4)
        let rows = try #require(SpooledRows(record: bytes, rows: 4..<bytes.count))
        func expect<Row>(_ part: SpooledRows.Part, _ json: SpooledRows.Part, _ items: [Row], _ schema: TableSchema<Row>) {
            var pieces: [UInt8] = []
            rows.forEachPiece(part) { pieces.append(contentsOf: $0) }
            #expect(String(decoding: pieces, as: UTF8.self) == items.map { CSVWriter.line($0, schema: schema) }.joined(), "\(part)")
            #expect(rows.published(part) == pieces)
            let expectedJSON = items.map { JSONLinesWriter.line($0, schema: schema) }.joined()
            #expect(String(decoding: rows.published(json), as: UTF8.self) == expectedJSON, "\(json)")
        }
        expect(.metricsCSV, .metricsJSON, RenderedReport.offsetOrder(document.metrics).map { document.metrics[$0] }, DatasetTables.metrics)
        expect(.policiesCSV, .policiesJSON, document.policies, DatasetTables.policies)
        expect(.initiativesCSV, .initiativesJSON, document.initiatives, DatasetTables.initiatives)
        // The sample repeats sentences, so the spool holds fewer bytes than it publishes.
        #expect(rows.bytes(.metricsJSON).count < rows.published(.metricsJSON).count)
        #expect(!rows.bytes(.metricsCSVSplices).isEmpty)
    }

    /// The record writes each finding's `rule|severity` key as bytes: they must be the keys the README counts,
    /// an empty rule and no findings at all included.
    @Test("finding keys are each finding's rule and severity, in order") func findingKeys() throws {
        var document = try document()
        let finding = Finding(
            rule: "percent-over-100", severity: .warning, reportID: document.report.reportID, source: "003.txt", field: "metrics.value",
            metricID: nil, charStart: 5, charEnd: 9, snippet: "120%", message: "over 100")
        for rules in [[], ["percent-over-100"], ["", "digits-missing", "营商|x"]] {
            document.findings = rules.enumerated().map { index, rule in
                var copy = finding
                (copy.rule, copy.severity) = (rule, Finding.Severity.allCases[index % 3])
                return copy
            }
            let rendered = try RenderedReport(document, publishText: false)
            #expect(rendered.findingKeys == document.findings.map { "\($0.rule)|\($0.severity.rawValue)" }, "\(rules)")
            var lines: [UInt8] = []
            for finding in document.findings { finding.appendJSONLine(to: &lines) }
            #expect(rendered.findings == lines)
        }
    }

    /// Splices that would read outside their part, run backwards or are cut short are refused.
    @Test("malformed splices are refused") func malformedSplices() throws {
        func encoded(_ values: [Int]) -> ArraySlice<UInt8> {
            values.flatMap { value in withUnsafeBytes(of: UInt32(value).littleEndian, Array.init) }[...]
        }
        #expect(ByteSplice.decode(encoded([2, 0, 2, 5, 1, 1]), storedCount: 5) == [
            ByteSplice(at: 2, source: 0..<2), ByteSplice(at: 5, source: 1..<2),
        ])
        #expect(ByteSplice.decode(encoded([]), storedCount: 0) == [])
        #expect(ByteSplice.decode(encoded([6, 0, 1]), storedCount: 5) == nil)  // past the end
        #expect(ByteSplice.decode(encoded([1, 4, 2]), storedCount: 5) == nil)  // source past the end
        #expect(ByteSplice.decode(encoded([3, 0, 1, 2, 0, 1]), storedCount: 5) == nil)  // backwards
        #expect(ByteSplice.decode(encoded([1, 0, 1]).dropLast(), storedCount: 5) == nil)  // cut short
        // A splice from the companion part (top bit of its source start) is checked against the companion's size.
        let companionBit = 1 << 31
        #expect(ByteSplice.decode(encoded([1, companionBit | 2, 3]), storedCount: 2, companionCount: 5) == [
            ByteSplice(at: 1, source: 2..<5, fromCompanion: true)
        ])
        #expect(ByteSplice.decode(encoded([1, companionBit | 2, 3]), storedCount: 2, companionCount: 4) == nil)
        #expect(ByteSplice.decode(encoded([1, companionBit, 1]), storedCount: 5) == nil)  // no companion
        var splices = ByteBuffer(capacity: 0)
        ByteSplice.append([ByteSplice(at: 1, source: 2..<5, fromCompanion: true), ByteSplice(at: 2, source: 0..<1)], to: &splices)
        let roundTrip = splices.withAllBytes { ByteSplice.decode(Array($0)[...], storedCount: 2, companionCount: 5) }
        #expect(roundTrip == [ByteSplice(at: 1, source: 2..<5, fromCompanion: true), ByteSplice(at: 2, source: 0..<1)])
        let quoted = Array("\"\"".utf8).withUnsafeBytes { stored in
            Array("ab,cd".utf8).withUnsafeBytes { companion in
                ByteSplice.expanded(stored, companion: companion, splices: [ByteSplice(at: 1, source: 3..<5, fromCompanion: true)])
            }
        }
        #expect(quoted == Array("\"cd\"".utf8))
        var stored = Array("ab,cd".utf8)
        let published = stored.withUnsafeBytes {
            ByteSplice.expanded($0, splices: [ByteSplice(at: 3, source: 0..<2), ByteSplice(at: 5, source: 3..<5)])
        }
        stored = Array("ab,abcdcd".utf8)
        #expect(published == stored)
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

    @Test("counts read off the bytes agree with the general parse") func plainCounts() {
        var random = SplitMix64(seed: 61)
        let alphabet = Array("0123456789,,+- a".utf8)
        var samples: [[UInt8]] = ["0,0,0", "12,3,456", "007,1,2", ",1,2,3", "1,2,3,", "1,2", "1,2,3,4", "", "+1,2,3", "-1,2,3",
            "999999999999999999,1,2", "9999999999999999999,1,2", "1,,2,3"].map { Array($0.utf8) }
        for _ in 0..<20_000 {
            if random.next() % 2 == 0 {  // the rendered form
                samples.append(Array("\(random.next() % 1000),\(random.next() % 100),\(random.next() >> (random.next() % 64))".utf8))
            } else {
                samples.append((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            }
        }
        for bytes in samples {
            let plain = SpooledRows.plainCounts(bytes[...]), parsed = SpooledRows.parsedCounts(bytes[...])
            if let plain {
                #expect(parsed.map { [$0.metrics, $0.policies, $0.initiatives] } == [plain.metrics, plain.policies, plain.initiatives],
                    "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(SpooledRows.plainCounts(Array("12,3,456".utf8)[...]).map { [$0.0, $0.1, $0.2] } == [12, 3, 456])
    }

    @Test("a summary's duplicate cells are the lists' cells, with or without duplicates") func duplicateCells() {
        func summary(_ duplicates: [String], _ sources: [String]) -> DocumentSummary {
            var summary = DocumentSummary(
                reportID: "ab", sourcePath: "a.txt", sourceSHA256: "00", sourceBytes: 1, publishedDate: nil, completeness: 0,
                sketch: DedupSketch(exactKey: "ab", minhash: []), record: RecordLocation(offset: 0, length: 0))
            (summary.duplicates, summary.duplicateSources) = (duplicates, sources)
            return summary
        }
        for (duplicates, sources) in [([], []), (["a1"], ["x,\"y\".txt"]), ([], ["b.txt"]), (["c", "d"], [])] {
            let row = summary(duplicates, sources)
            #expect(RenderedReport.duplicateCellsCSV(of: row) == RenderedReport.duplicateCellsCSV(duplicates, sources))
            #expect(RenderedReport.duplicateMembersJSON(of: row) == RenderedReport.duplicateMembersJSON(duplicates, sources))
        }
    }
}

@Suite("LengthPrefixedParts") struct LengthPrefixedPartsTests {
    /// The byte-by-byte definition of ``LengthPrefixedParts/split(_:)``.
    static func referenceSplit(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
        var parts: [ArraySlice<UInt8>] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes.endIndex - index >= 4 else { return nil }
            let length = bytes[index..<index + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
            index += 4
            guard bytes.endIndex - index >= length else { return nil }
            parts.append(bytes[index..<index + length])
            index += length
        }
        return parts
    }

    @Test("split finds the parts join wrote, in any slice, and refuses what runs past the end") func split() {
        var random = SplitMix64(seed: 67)
        for round in 0..<5_000 {
            let parts = (0..<Int(random.next() % 25)).map { _ in (0..<Int(random.next() % 40)).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
            var bytes = Array(repeating: 0xEE, count: Int(random.next() % 3)) + LengthPrefixedParts.join(parts)
            let start = bytes.count - LengthPrefixedParts.join(parts).count
            if round % 4 == 1, !bytes.isEmpty { bytes.removeLast(Int(random.next() % UInt64(min(bytes.count - start, 6) + 1))) }
            if round % 4 == 2, !bytes.isEmpty { bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: random.next()) }
            let slice = bytes[start...]
            let split = LengthPrefixedParts.split(slice), reference = Self.referenceSplit(slice)
            #expect(split?.map { Array($0) } == reference?.map { Array($0) })
            #expect(split?.map(\.startIndex) == reference?.map(\.startIndex))
            if round % 4 == 0 || round % 4 == 3 { #expect(split?.map { Array($0) } == parts) }
        }
    }
}
