import Dispatch
import Foundation
import Synchronization

/// The row tables emit streams from the spool, and which of a report's rendered rows each receives.
enum StreamedTable: CaseIterable {
    case reportsCSV, reportsJSON, metricsCSV, metricsJSON, policiesCSV, policiesJSON, initiativesCSV, initiativesJSON, validation

    var file: String {
        switch self {
        case .reportsCSV: "reports.csv"
        case .reportsJSON: "reports.jsonl"
        case .metricsCSV: "metrics.csv"
        case .metricsJSON: "metrics.jsonl"
        case .policiesCSV: "policies.csv"
        case .policiesJSON: "policies.jsonl"
        case .initiativesCSV: "initiatives.csv"
        case .initiativesJSON: "initiatives.jsonl"
        case .validation: "validation.jsonl"
        }
    }

    /// The CSV header line, for CSV tables.
    var header: String? {
        switch self {
        case .reportsCSV: CSVWriter.header(DatasetTables.reports)
        case .metricsCSV: CSVWriter.header(DatasetTables.metrics)
        case .policiesCSV: CSVWriter.header(DatasetTables.policies)
        case .initiativesCSV: CSVWriter.header(DatasetTables.initiatives)
        default: nil
        }
    }

    /// Writes this table's rows of one report, from the bytes read back from the spool or cache.
    func write(_ rows: SpooledRows, _ summary: DocumentSummary, to writer: BufferedFileWriter) throws {
        switch self {
        case .reportsCSV:
            try rows.withBytes(.reportCSVHead) { try writer.write($0) }
            try writer.write(RenderedReport.duplicateCellsCSV(of: summary))
            try rows.withBytes(.reportCSVTail) { try writer.write($0) }
        case .reportsJSON:
            try rows.withBytes(.reportJSONHead) { try writer.write($0) }
            try writer.write(RenderedReport.duplicateMembersJSON(of: summary))
            try rows.withBytes(.reportJSONTail) { try writer.write($0) }
        case .metricsCSV: try rows.forEachPiece(.metricsCSV, writer.write)
        case .metricsJSON: try rows.forEachPiece(.metricsJSON, writer.write)
        case .policiesCSV: try rows.forEachPiece(.policiesCSV, writer.write)
        case .policiesJSON: try rows.forEachPiece(.policiesJSON, writer.write)
        case .initiativesCSV: try rows.forEachPiece(.initiativesCSV, writer.write)
        case .initiativesJSON: try rows.forEachPiece(.initiativesJSON, writer.write)
        case .validation: try rows.withBytes(.findings) { try writer.write($0) }
        }
    }

    /// With two threads, two lanes of about equal bytes; the lanes share the reading of the spooled records
    /// (``SharedRecordReads``), and each writes, and hashes, its own files (two at a time, ``HashPartners``: the
    /// metrics JSON Lines is hashed alone for the bytes it has beyond the rest of its lane). On the 20,000-report bench corpus they write 359 MB and 367 MB of 727 MB (the
    /// metrics JSON Lines alone is 234 MB).
    static let lanes: [[StreamedTable]] = [
        [.metricsJSON, .initiativesCSV, .validation],
        [.reportsCSV, .reportsJSON, .metricsCSV, .initiativesJSON, .policiesCSV, .policiesJSON],
    ]

    /// Streams every row table of `content` into `folder`, in report order.
    /// - Returns: Each file's SHA-256, and what was counted on the way (by the lane holding `validation`).
    static func writeAll(_ content: DatasetContent, into folder: URL, jobs: Int) throws -> ([String: String], EmittedCounts) {
        if jobs >= 2, let written = try writeAll(content, into: folder, lanes: lanes) { return written }
        // One lane: also what runs when the second lane's thread could not be started.
        guard let written = try writeAll(content, into: folder, lanes: [lanes.flatMap { $0 }]) else {
            throw EmitError.cannotWrite(path: folder.path, reason: "the emit thread could not be started")
        }
        return written
    }

    /// The tables written by `lanes`, each lane on a thread of its own (``LaneThreads``); nil, with nothing
    /// written, when those threads could not be started.
    private static func writeAll(
        _ content: DatasetContent, into folder: URL, lanes: [[StreamedTable]]
    ) throws -> ([String: String], EmittedCounts)? {
        let results = Mutex<[Result<([String: String], EmittedCounts?), any Error>?]>(Array(repeating: nil, count: lanes.count))
        let batches = (content.summaries.count + readBatch - 1) / readBatch
        let reads = SharedRecordReads<[SpooledRows]>(batches: batches, lanes: lanes.count)
        let started = LaneThreads.run(lanes.count) { lane in
            let result = Result { try write(lanes[lane], content, into: folder, lane: lane, reads: reads) }
            if case .failure = result { reads.abandon(lane: lane) }
            results.withLock { $0[lane] = result }
        }
        guard started else { return nil }
        var checksums: [String: String] = [:]
        var counts = EmittedCounts()
        for result in results.withLock({ $0 }) {
            guard let (sums, laneCounts) = try result?.get() else { continue }
            checksums.merge(sums) { first, _ in first }
            if let laneCounts { counts = laneCounts }
        }
        return (checksums, counts)
    }

    /// Records per shared read: large enough that handing a batch over is rare, small enough to hold a few.
    static let readBatch = 64

    private static func write(
        _ tables: [StreamedTable], _ content: DatasetContent, into folder: URL, lane: Int, reads: SharedRecordReads<[SpooledRows]>
    ) throws -> ([String: String], EmittedCounts?) {
        let writers = try tables.map { table in
            let writer = try BufferedFileWriter(url: folder.appendingPathComponent(table.file))
            if let header = table.header { try writer.write(header) }
            return writer
        }
        let partners = HashPartners(writers)  // the lane's files are hashed two at a time
        let counting = tables.contains(.validation)
        var counts = EmittedCounts()
        var batchRows: [SpooledRows] = []
        // The rows were rendered when each report was spooled: here they are copied in report order.
        let summaries = content.summaries
        for (index, summary) in summaries.enumerated() {
            let batch = index / readBatch
            if index % readBatch == 0 {
                batchRows = try reads.batch(batch, lane: lane) { batch in
                    try summaries[(batch * readBatch)..<min(summaries.count, (batch + 1) * readBatch)].map(content.store.loadRows)
                }
            }
            let rows = batchRows[index % readBatch]
            for (table, writer) in zip(tables, writers) { try table.write(rows, summary, to: writer) }
            guard counting else { continue }
            guard let rowCounts = rows.counts else { throw DocumentStore.StoreError.corrupt(summary.reportID) }
            rows.forEachFindingKey { counts.findings[$0, default: 0] += 1 }
            counts.reports += 1
            counts.metrics += rowCounts.metrics
            counts.policies += rowCounts.policies
            counts.initiatives += rowCounts.initiatives
        }
        var checksums: [String: String] = [:]
        for (table, writer) in zip(tables, writers) { checksums[table.file] = try writer.finish() }
        withExtendedLifetime(partners) {}
        return (checksums, counting ? counts : nil)
    }
}
