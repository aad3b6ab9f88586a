import Foundation
import Testing
@testable import ReportKit

/// ``TableRowWriter`` must write exactly what the schema-driven writers (``CSVWriter``, ``JSONLinesWriter``),
/// the definition of a published row, write for the same rows.
@Suite("TableRowWriter") struct TableRowWriterTests {
    /// Integral and fractional values, both signs, the 1e15 boundary of ``Cell/format(_:)``, huge, tiny and
    /// non-finite values.
    static let doubles: [Double] = [
        0, -0.0, 1, -1, 97.45, -3.5, 0.1 + 0.2, 1e15 - 1, 1e15, -1e15, -(1e15 - 1), 1.5e16, 123_456_789_012_345_680,
        9.223372036854775e18, .leastNonzeroMagnitude, 1e-7, 44_798_800, .infinity, -.infinity, .nan, 2.5e-3, 1e300,
    ]
    static let integers: [Int] = [0, 1, -1, 9, 10, -10, 42, 1_000_000, Int(Int32.max), -999_999_999_999, .max, .min]

    /// Shared sentences as the extractor makes them (one storage), equal text in other storage, canonically
    /// equivalent text with other bytes (`==` holds these equal; their cells differ), and random text.
    struct Texts {
        var random: SplitMix64
        var shared = "营商环境持续优化，“一网通办”可办率达97.45%，\"企业\"开办时间压缩至1个工作日。\n第二行\u{2028}"
        mutating func next() -> String {
            switch random.next() % 8 {
            case 0, 1, 2: return shared
            case 3: return String(decoding: Array(shared.utf8), as: UTF8.self)
            case 4: return "caf\u{E9},\(shared.count % 7)"
            case 5: return "cafe\u{301},\(shared.count % 7)"
            case 6: return ""
            default:
                let text = RowBytesTests.randomText(&random)
                if random.next() % 2 == 0 { shared = text + String(repeating: "句", count: Int(random.next() % 200)) }
                return text
            }
        }
        mutating func optional() -> String? { random.next() % 4 == 0 ? nil : next() }
        mutating func double() -> Double {
            random.next() % 3 == 0 ? Double(Int64(bitPattern: random.next())) / 1024 : doubles[Int(random.next() % UInt64(doubles.count))]
        }
        mutating func integer() -> Int {
            random.next() % 2 == 0 ? Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64) : integers[Int(random.next() % UInt64(integers.count))]
        }
    }

    static func metric(_ texts: inout Texts) -> Metric {
        Metric(
            metricID: texts.next(), reportID: texts.next(), indicator: texts.next(), category: texts.next(), value: texts.double(),
            unit: texts.next(), valueNormalized: texts.double(), unitNormalized: texts.next(), qualifier: texts.next(),
            valueMax: texts.random.next() % 3 == 0 ? nil : texts.double(), baselineValue: texts.random.next() % 3 == 0 ? nil : texts.double(),
            kind: texts.next(), period: texts.optional(), quote: texts.next(), sentence: texts.next(), charStart: texts.integer(),
            charEnd: texts.integer())
    }

    static func term(_ texts: inout Texts) -> TermMention {
        TermMention(
            reportID: texts.next(), term: texts.next(), documentType: texts.optional(), sentence: texts.next(),
            charStart: texts.integer(), charEnd: texts.integer())
    }

    static func report(_ texts: inout Texts, base: Report) -> Report {
        var report = base
        report.title = texts.next()
        report.publishedDate = texts.optional()
        report.authors = (0..<Int(texts.random.next() % 3)).map { _ in texts.next() }
        report.regionLongitude = texts.random.next() % 2 == 0 ? nil : texts.double()
        report.charCount = texts.integer()
        report.qualityScore = texts.double()
        report.sourceURL = texts.optional()
        return report
    }

    /// Rows written by the pair writer and by the generic writers, one row at a time.
    func expectSameBytes<Row>(_ rows: [Row], schema: TableSchema<Row>) {
        var writer = TableRowWriter(schema)
        var csv: [UInt8] = [], json: [UInt8] = []
        for row in rows {
            writer.append(row)
            CSVWriter.appendLine(row, schema: schema, to: &csv)
            JSONLinesWriter.appendLine(row, schema: schema, to: &json)
        }
        #expect(writer.csv == csv, "\(schema.name) CSV")
        #expect(writer.json == json, "\(schema.name) JSON")
        if writer.csv != csv || writer.json != json {
            for row in rows {
                var one = TableRowWriter(schema)
                one.append(row)
                #expect(String(decoding: one.csv, as: UTF8.self) == CSVWriter.line(row, schema: schema), "\(row)")
            }
        }
    }

    /// Rows that write their own cells (``DirectTableRow``) must store exactly what the schema walk stores (bytes
    /// and splices), and so publish the generic writers' bytes.
    func expectDirectSameBytes<Row: DirectTableRow>(_ rows: [Row], schema: TableSchema<Row>) {
        var walk = TableRowWriter(schema), direct = TableRowWriter(schema, rows: rows.count / 2)
        var csv: [UInt8] = [], json: [UInt8] = []
        for row in rows {
            walk.append(row)
            direct.appendDirect(row)
            CSVWriter.appendLine(row, schema: schema, to: &csv)
            JSONLinesWriter.appendLine(row, schema: schema, to: &json)
        }
        let (sameCSV, sameJSON) = (direct.csv == csv, direct.json == json)
        let sameStored = direct.csvBuffer.array == walk.csvBuffer.array && direct.jsonBuffer.array == walk.jsonBuffer.array
        let sameSplices = direct.csvSplices == walk.csvSplices && direct.jsonSplices == walk.jsonSplices
        #expect(sameCSV, "\(schema.name) CSV")
        #expect(sameJSON, "\(schema.name) JSON")
        #expect(sameStored, "\(schema.name) stored bytes")
        #expect(sameSplices, "\(schema.name) splices")
        if !sameCSV || !sameJSON {  // the first rows that differ
            for row in rows.prefix(3) {
                var one = TableRowWriter(schema)
                one.appendDirect(row)
                #expect(String(decoding: one.csv + one.json, as: UTF8.self) == CSVWriter.line(row, schema: schema) + JSONLinesWriter.line(row, schema: schema), "\(row)")
            }
        }
    }

    @Test("metrics rows are the generic writers' bytes", arguments: [1, 2, 3, 4]) func metrics(seed: UInt64) {
        var texts = Texts(random: SplitMix64(seed: seed))
        expectSameBytes((0..<3_000).map { _ in Self.metric(&texts) }, schema: DatasetTables.metrics)
        expectDirectSameBytes((0..<3_000).map { _ in Self.metric(&texts) }, schema: DatasetTables.metrics)
    }

    @Test("policy and initiative rows are the generic writers' bytes") func terms() {
        var texts = Texts(random: SplitMix64(seed: 9))
        expectSameBytes((0..<3_000).map { _ in Self.term(&texts) }, schema: DatasetTables.policies)
        expectSameBytes((0..<3_000).map { _ in Self.term(&texts) }, schema: DatasetTables.initiatives)
        expectDirectSameBytes((0..<3_000).map { _ in Self.term(&texts) }, schema: DatasetTables.policies)
        expectDirectSameBytes((0..<3_000).map { _ in Self.term(&texts) }, schema: DatasetTables.initiatives)
    }

    /// Every field of a row at its extremes at once: each string empty, nil or needing quotes and escapes, each
    /// number negative, integral at the 1e15 boundary or not, so that a cell written in the wrong column or by the
    /// wrong kind of writer shows.
    @Test("rows whose every cell is an edge case are the generic writers' bytes") func edgeRows() {
        let strings: [String?] = [nil, "", "a,b", "\"q\"", "line\nbreak", "\u{2028}", "𠀀营商", "-1", "x\u{0}y"]
        let numbers: [Double?] = [nil, -0.0, -1, -97.45, 1e15 - 1, 1e15, 0.1 + 0.2, -1e300]
        var metrics: [Metric] = [], terms: [TermMention] = []
        for index in 0..<200 {
            func text(_ shift: Int) -> String { strings[(index + shift) % strings.count] ?? "" }
            func optional(_ shift: Int) -> String? { strings[(index * 7 + shift) % strings.count] }
            func number(_ shift: Int) -> Double? { numbers[(index * 3 + shift) % numbers.count] }
            metrics.append(Metric(
                metricID: text(0), reportID: text(1), indicator: text(2), category: text(3), value: number(0) ?? -2, unit: text(4),
                valueNormalized: number(1) ?? 3, unitNormalized: text(5), qualifier: text(6), valueMax: number(2), baselineValue: number(3),
                kind: text(7), period: optional(1), quote: text(8), sentence: text(index / 3), charStart: -index, charEnd: index * 1_000_003))
            terms.append(TermMention(reportID: text(2), term: text(3), documentType: optional(4), sentence: text(index / 4), charStart: index - 100, charEnd: Int.max - index))
        }
        expectDirectSameBytes(metrics, schema: DatasetTables.metrics)
        expectDirectSameBytes(terms, schema: DatasetTables.policies)
    }

    /// The reports table has list and optional number cells, which the hot tables lack.
    @Test("reports rows are the generic writers' bytes") func reports() throws {
        let cleaned = try TestSupport.clean(try TestSupport.seed("003"))
        guard case .keep(let document) = try ReportExtractor().process(cleaned) else { throw CocoaError(.fileReadCorruptFile) }
        var texts = Texts(random: SplitMix64(seed: 11))
        expectSameBytes((0..<500).map { _ in Self.report(&texts, base: document.report) }, schema: DatasetTables.reports)
    }

    /// A repeated sentence must not be reused for a canonically equivalent one written with other bytes.
    @Test("equal bytes, not equal Strings, reuse a repeated cell") func canonicalEquivalents() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(!TableRowWriter<Metric>.sameBytes(composed, decomposed))
        #expect(TableRowWriter<Metric>.sameBytes(composed, String(decoding: Array(composed.utf8), as: UTF8.self)))
        #expect(TableRowWriter<Metric>.sameBytes("", ""))
        var texts = Texts(random: SplitMix64(seed: 5))
        var rows = (0..<2).map { _ in Self.metric(&texts) }
        (rows[0].sentence, rows[1].sentence) = (composed, decomposed)
        expectSameBytes(rows, schema: DatasetTables.metrics)
    }

    /// A repeated sentence that needs neither quotes nor an escape is stored once for both formats: in the CSV
    /// bytes (quoted there only for a comma), which its JSON rows splice in. One that needs an escape keeps its own JSON bytes.
    @Test("a repeated sentence without escapes is stored once, in the CSV bytes") func cleanSentenceStoredOnce() {
        func occurrences(of needle: [UInt8], in buffer: borrowing ByteBuffer) -> Int {
            buffer.withAllBytes { bytes in
                bytes.count < needle.count ? 0 : (0...(bytes.count - needle.count)).filter { start in
                    needle.indices.allSatisfy { bytes[start + $0] == needle[$0] }
                }.count
            }
        }
        var texts = Texts(random: SplitMix64(seed: 13))
        for (sentence, storedInJSON) in [("营商环境持续优化，可办率达97.45%。", 0), ("办件量1,234件", 0), ("开办\"企业\"", 2), ("第一行\n第二行", 2)] {
            var rows = (0..<4).map { _ in Self.metric(&texts) }
            for index in rows.indices { rows[index].sentence = sentence }
            rows[2].sentence = "另一句"
            expectSameBytes(rows, schema: DatasetTables.metrics)
            var writer = TableRowWriter(DatasetTables.metrics)
            for row in rows { writer.append(row) }
            var escaped: [UInt8] = []
            RowBytes.appendJSONString(sentence, to: &escaped)
            #expect(occurrences(of: Array(escaped.dropFirst().dropLast()), in: writer.jsonBuffer) == storedInJSON, "\(sentence)")
            if storedInJSON == 0 { #expect(occurrences(of: Array(sentence.utf8), in: writer.csvBuffer) == 2) }
            #expect(writer.jsonSplices.filter(\.fromCompanion).count == (storedInJSON == 0 ? 4 : 1))
        }
    }

    @Test("digits and numbers are what String and Cell.format write") func numbers() {
        var random = SplitMix64(seed: 17)
        let values = Self.integers.map(Int64.init) + (0..<5_000).map { _ in Int64(bitPattern: random.next()) >> Int64(random.next() % 64) }
        for value in values {
            var bytes: [UInt8] = []
            RowBytes.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
        let nans = [Double.nan, -Double.nan, Double.signalingNaN, Double(nan: 5, signaling: false), Double(nan: 7, signaling: true)]
        for value in Self.doubles + nans + (0..<5_000).map({ _ in Double(bitPattern: random.next()) }) {
            var bytes: [UInt8] = []
            RowBytes.appendNumber(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Cell.format(value))
            // The definition: integral values as integer digits, the rest as the interpolation writes them.
            let integral = value == value.rounded() && abs(value) < 1e15
            #expect(Cell.format(value) == (integral ? String(Int64(value)) : "\(value)"))
        }
    }

    @Test("mention ids are the interpolation they replace") func mentionIDs() {
        var texts = Texts(random: SplitMix64(seed: 29))
        for _ in 0..<5_000 {
            let (prefix, number) = (texts.next(), texts.integer())
            #expect(RowBytes.hyphenated(prefix, number) == "\(prefix)-\(number)")
            #expect(Array(RowBytes.hyphenated(prefix, number).utf8) == Array("\(prefix)-\(number)".utf8))
            #expect(RowBytes.withHyphenated(prefix, number) { Array($0) } == Array("\(prefix)-\(number)".utf8))
        }
        #expect(RowBytes.hyphenated("", 0) == "-0")
    }

    @Test("metrics are published by offsets, as a sort of the rows would order them") func offsetOrder() {
        var texts = Texts(random: SplitMix64(seed: 23))
        var metrics = (0..<200).map { _ in Self.metric(&texts) }
        for index in metrics.indices {
            (metrics[index].charStart, metrics[index].charEnd) = (Int(texts.random.next() % 50), Int(texts.random.next() % 5))
            metrics[index].metricID = "\(index)"  // ties keep their order as in the sort; NaN values make rows unequal
        }
        let sorted = metrics.sorted { ($0.charStart, $0.charEnd) < ($1.charStart, $1.charEnd) }
        #expect(RenderedReport.offsetOrder(metrics).map { metrics[$0].metricID } == sorted.map(\.metricID))
        #expect(RenderedReport.offsetOrder(sorted) == Array(sorted.indices))
        #expect(RenderedReport.offsetOrder([]) == [])
    }
}
