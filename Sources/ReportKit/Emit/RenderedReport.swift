import Foundation

/// One report's published rows, rendered as UTF-8 where the report is processed (in the parallel stages), so
/// that emit only copies bytes. The `reports` row is kept in two halves around its `duplicates` and
/// `duplicate_sources` cells: only dedup, after the barrier, knows those.
struct RenderedReport: Sendable, Equatable {
    var reportCSVHead: [UInt8] = [], reportCSVTail: [UInt8] = []
    var reportJSONHead: [UInt8] = [], reportJSONTail: [UInt8] = []
    var metricsCSV: [UInt8] = [], metricsJSON: [UInt8] = []
    var policiesCSV: [UInt8] = [], policiesJSON: [UInt8] = []
    var initiativesCSV: [UInt8] = [], initiativesJSON: [UInt8] = []
    /// `validation.jsonl` lines.
    var findings: [UInt8] = []
    /// `rule|severity` of each finding, for the README's counts.
    var findingKeys: [String] = []
    var metricCount = 0, policyCount = 0, initiativeCount = 0

    /// The columns of `reports` that dedup fills in, and where they stand in the schema.
    static let duplicateColumns = ["duplicates", "duplicate_sources"]
    static let duplicateColumnsStart: Int = {
        let columns = DatasetTables.reports.columns
        guard let split = columns.firstIndex(where: { $0.name == duplicateColumns[0] }), columns[split + 1].name == duplicateColumns[1]
        else { preconditionFailure("reports schema must list duplicates then duplicate_sources") }
        return split
    }()

    init() {}

    /// The rows of ``record(_:publishText:)`` read back into their parts.
    init(_ document: ExtractedDocument, publishText: Bool) throws {
        guard let rendered = RenderedReport(serialized: try Self.record(document, publishText: publishText).dropFirst(4)) else {
            preconditionFailure("record(_:publishText:) must write the layout init(serialized:) reads")
        }
        self = rendered
    }

    /// The spool record of `document`: the length of its rows (UInt32, little-endian), then the rows in the
    /// layout of ``serialized()``, joined once straight from the writers' buffers into the array the spool and
    /// the cache take as it is (copying each part into an array of its own first, and the rows into a record
    /// after, copied every rendered byte twice more).
    static func record(_ document: ExtractedDocument, publishText: Bool) throws -> [UInt8] {
        var reportCSV = ByteBuffer(capacity: 1024)
        var reportJSON = ByteBuffer(capacity: 2048 + (publishText ? document.report.text?.utf8.count ?? 0 : 0))
        let (csvHeadEnd, jsonHeadEnd) = renderReportRow(document.report, publishText: publishText, csv: &reportCSV, json: &reportJSON)
        // The rows are borrowed from the document's arrays: copying a Metric retained and released its ten Strings.
        var metrics = TableRowWriter(DatasetTables.metrics, rows: document.metrics.count)
        for index in Self.offsetOrder(document.metrics) { metrics.appendDirect(document.metrics[index]) }
        var policies = TableRowWriter(DatasetTables.policies, rows: document.policies.count)
        for index in document.policies.indices { policies.appendDirect(document.policies[index]) }
        var initiatives = TableRowWriter(DatasetTables.initiatives, rows: document.initiatives.count)
        for index in document.initiatives.indices { initiatives.appendDirect(document.initiatives[index]) }
        var findings = ByteBuffer(capacity: 512 * document.findings.count)
        var keys = ByteBuffer(capacity: 32 * document.findings.count)  // `rule|severity` lines (findingKeys)
        for (position, finding) in document.findings.enumerated() {
            finding.appendJSONLine(to: &findings)
            if position > 0 { keys.append(0x0A) }
            keys.appendUTF8(finding.rule)
            keys.append(0x7C)
            keys.appendUTF8(finding.severity.rawValue)
        }
        let counts = Self.countsPart(document.metrics.count, document.policies.count, document.initiatives.count)
        var splices = ByteBuffer(capacity: ByteSplice.stride * 2 * document.metrics.count)
        var spliceEnds: [Int] = []
        spliceEnds.reserveCapacity(SpooledRows.Part.splicedParts.count)
        for list in [metrics.csvSplices, metrics.jsonSplices, policies.csvSplices, policies.jsonSplices, initiatives.csvSplices, initiatives.jsonSplices] {
            ByteSplice.append(list, to: &splices)
            spliceEnds.append(splices.count)
        }
        // The parts in the order of ``SpooledRows/Part``.
        func forEachPart(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            reportCSV.withBytes(in: 0..<csvHeadEnd, body)
            reportCSV.withBytes(in: csvHeadEnd..<reportCSV.count, body)
            reportJSON.withBytes(in: 0..<jsonHeadEnd, body)
            reportJSON.withBytes(in: jsonHeadEnd..<reportJSON.count, body)
            metrics.csvBuffer.withAllBytes(body)
            metrics.jsonBuffer.withAllBytes(body)
            policies.csvBuffer.withAllBytes(body)
            policies.jsonBuffer.withAllBytes(body)
            initiatives.csvBuffer.withAllBytes(body)
            initiatives.jsonBuffer.withAllBytes(body)
            findings.withAllBytes(body)
            keys.withAllBytes(body)
            counts.withAllBytes(body)
            var start = 0
            for end in spliceEnds {
                splices.withBytes(in: start..<end, body)
                start = end
            }
        }
        var total = 0
        forEachPart { total += 4 + $0.count }
        return [UInt8](unsafeUninitializedCapacity: 4 + total) { storage, initialized in
            var end = 0
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                if let source = bytes.baseAddress { (storage.baseAddress! + end).initialize(from: source, count: bytes.count) }
                end += bytes.count
            }
            func putLength(_ count: Int) {  // one store, not a memcpy call for four bytes
                UnsafeMutableRawPointer(storage.baseAddress! + end).storeBytes(of: UInt32(count).littleEndian, as: UInt32.self)
                end += 4
            }
            putLength(total)
            forEachPart { part in
                putLength(part.count)
                put(part)
            }
            precondition(end == 4 + total)
            initialized = end
        }
    }

    /// The `reports` row, each cell read once for both formats (as ``TableRowWriter`` does), with where the
    /// duplicate cells go (the ends of the CSV and JSON heads).
    private static func renderReportRow(
        _ report: Report, publishText: Bool, csv: inout ByteBuffer, json: inout ByteBuffer
    ) -> (csvHeadEnd: Int, jsonHeadEnd: Int) {
        let schema = DatasetTables.reports
        let split = Self.duplicateColumnsStart
        var (csvHeadEnd, jsonHeadEnd) = (0, 0)
        json.append(0x7B)
        schema.fields.withUnsafeBufferPointer { fields in
            schema.jsonKeys.withUnsafeBufferPointer { keys in
                for position in 0..<split {
                    if position > 0 { json.append(0x2C) }
                    json.appendBytes(keys[position])
                    fields[position].append(report, csv: &csv, json: &json)
                    csv.append(0x2C)
                }
                (csvHeadEnd, jsonHeadEnd) = (csv.count, json.count)
                for position in (split + 2)..<fields.count {
                    csv.append(0x2C)
                    json.append(0x2C)
                    json.appendBytes(keys[position])
                    fields[position].append(report, csv: &csv, json: &json)
                }
            }
        }
        csv.append(0x0A)
        if publishText {
            json.append(0x2C)
            RowBytes.appendJSONString("text", to: &json)
            json.append(0x3A)
            Cell.string(report.text).appendJSON(to: &json)
        }
        json.append(0x7D, 0x0A)
        return (csvHeadEnd, jsonHeadEnd)
    }

    /// The positions of `metrics` by (char_start, char_end), the published order. Positions rather than a sorted
    /// copy: copying a Metric retains its ten Strings, and the extractor's order is usually already this one.
    static func offsetOrder(_ metrics: [Metric]) -> [Int] {
        let key = { (index: Int) in (metrics[index].charStart, metrics[index].charEnd) }
        if metrics.indices.dropFirst().allSatisfy({ !(key($0) < key($0 - 1)) }) { return Array(metrics.indices) }
        return metrics.indices.sorted { key($0) < key($1) }
    }

    /// `"name":value`, after a comma when it is not the object's first member.
    private static func appendJSONMember(_ name: String, _ cell: Cell, to out: inout [UInt8], comma: Bool) {
        if comma { out.append(0x2C) }
        RowBytes.appendJSONString(name, to: &out)
        out.append(0x3A)
        cell.appendJSON(to: &out)
    }

    /// The complete `reports` CSV line with the duplicate lists dedup found.
    func reportCSV(duplicates: [String], duplicateSources: [String]) -> [UInt8] {
        reportCSVHead + Self.duplicateCellsCSV(duplicates, duplicateSources) + reportCSVTail
    }

    /// The complete `reports` JSON line with the duplicate lists dedup found.
    func reportJSON(duplicates: [String], duplicateSources: [String]) -> [UInt8] {
        reportJSONHead + Self.duplicateMembersJSON(duplicates, duplicateSources) + reportJSONTail
    }

    /// ``duplicateCellsCSV(_:_:)`` of a summary's lists; most reports have no duplicates, and their cells are
    /// always the same bytes (built once, not joined and escaped again for every report).
    static func duplicateCellsCSV(of summary: DocumentSummary) -> [UInt8] {
        summary.duplicates.isEmpty && summary.duplicateSources.isEmpty
            ? noDuplicateCellsCSV : duplicateCellsCSV(summary.duplicates, summary.duplicateSources)
    }

    /// ``duplicateMembersJSON(_:_:)`` of a summary's lists (built once for the usual report without duplicates).
    static func duplicateMembersJSON(of summary: DocumentSummary) -> [UInt8] {
        summary.duplicates.isEmpty && summary.duplicateSources.isEmpty
            ? noDuplicateMembersJSON : duplicateMembersJSON(summary.duplicates, summary.duplicateSources)
    }

    static let noDuplicateCellsCSV = duplicateCellsCSV([], [])
    static let noDuplicateMembersJSON = duplicateMembersJSON([], [])

    /// What goes between ``reportCSVHead`` and ``reportCSVTail``: the two duplicate cells.
    static func duplicateCellsCSV(_ duplicates: [String], _ duplicateSources: [String]) -> [UInt8] {
        var cells: [UInt8] = []
        Cell.string(duplicates.joined(separator: ";")).appendCSV(to: &cells)
        cells.append(0x2C)
        Cell.string(duplicateSources.joined(separator: ";")).appendCSV(to: &cells)
        return cells
    }

    /// What goes between ``reportJSONHead`` and ``reportJSONTail``: the two duplicate members.
    static func duplicateMembersJSON(_ duplicates: [String], _ duplicateSources: [String]) -> [UInt8] {
        var members: [UInt8] = []
        for (name, values) in zip(duplicateColumns, [duplicates, duplicateSources]) {
            appendJSONMember(name, .string(values.joined(separator: ";")), to: &members, comma: true)
        }
        return members
    }
}

extension RenderedReport {
    /// The counts part, `metricCount,policyCount,initiativeCount` in decimal (``SpooledRows/counts`` reads it),
    /// written without a String.
    static func countsPart(_ metrics: Int, _ policies: Int, _ initiatives: Int) -> ByteBuffer {
        var counts = ByteBuffer(capacity: 32)
        RowBytes.appendDecimal(Int64(metrics), to: &counts)
        counts.append(0x2C)
        RowBytes.appendDecimal(Int64(policies), to: &counts)
        counts.append(0x2C)
        RowBytes.appendDecimal(Int64(initiatives), to: &counts)
        return counts
    }

    /// The spool layout: each part length-prefixed (``LengthPrefixedParts``), in the order of ``SpooledRows/Part``,
    /// which is how emit finds them again. Written without splices (``record(_:publishText:)`` stores repeats
    /// once). ``record(_:publishText:)`` is these rows after their length.
    func serialized() -> [UInt8] {
        LengthPrefixedParts.join([
            reportCSVHead, reportCSVTail, reportJSONHead, reportJSONTail, metricsCSV, metricsJSON, policiesCSV, policiesJSON,
            initiativesCSV, initiativesJSON, findings, Array(findingKeys.joined(separator: "\n").utf8),
            Self.countsPart(metricCount, policyCount, initiativeCount).array,
        ] + Array(repeating: [], count: SpooledRows.Part.splicedParts.count))
    }

    /// Reads ``serialized()`` (or the rows of ``record(_:publishText:)``) back, with the repeats spliced in; nil when the
    /// bytes are truncated or malformed.
    init?(serialized bytes: ArraySlice<UInt8>) {
        guard let rows = SpooledRows(record: Array(bytes), rows: 0..<bytes.count), let counts = rows.counts else { return nil }
        let parts = SpooledRows.Part.allCases.map(rows.published)
        self.init()
        (reportCSVHead, reportCSVTail, reportJSONHead, reportJSONTail) = (parts[0], parts[1], parts[2], parts[3])
        (metricsCSV, metricsJSON, policiesCSV, policiesJSON) = (parts[4], parts[5], parts[6], parts[7])
        (initiativesCSV, initiativesJSON, findings) = (parts[8], parts[9], parts[10])
        findingKeys = parts[11].isEmpty ? [] : String(decoding: parts[11], as: UTF8.self).components(separatedBy: "\n")
        (metricCount, policyCount, initiativeCount) = counts
    }
}
