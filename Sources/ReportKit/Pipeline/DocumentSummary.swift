/// What the global stages keep in memory per report: ids, the facts dedup ranks by, the dedup sketch and
/// where the full record lies (``RecordLocation``).
///
/// The facts live in one immutable, shared object, so the arrays the pipeline passes between runner, dedup
/// and emit hold a pointer per report rather than a copy of every field: memory grows with the number of
/// reports by about the sketch (4 bytes × permutations) plus a few hundred bytes of ids and paths.
public struct DocumentSummary: Sendable, Equatable {
    struct Facts: Sendable, Equatable {
        var report: ReportFacts
        var record: RecordLocation
        var fetch: FetchRecord?
    }

    /// The one shared copy of a report's facts.
    final class SharedFacts: Sendable {
        let facts: Facts
        init(_ facts: Facts) { self.facts = facts }
    }

    private let shared: SharedFacts
    private var facts: Facts { shared.facts }
    /// Filled by dedup: the ids and sources of the copies collapsed into this report.
    public var duplicates: [String] = []
    public var duplicateSources: [String] = []

    init(_ report: ReportFacts, record: RecordLocation, fetch: FetchRecord? = nil) {
        shared = SharedFacts(Facts(report: report, record: record, fetch: fetch))
    }

    init(
        reportID: String, sourcePath: String, sourceSHA256: String, sourceBytes: Int, publishedDate: String?, completeness: Int,
        sketch: DedupSketch, record: RecordLocation, fetch: FetchRecord? = nil
    ) {
        self.init(
            ReportFacts(
                reportID: reportID, sourcePath: sourcePath, sourceSHA256: sourceSHA256, sourceBytes: sourceBytes,
                publishedDate: publishedDate, completeness: completeness, sketch: sketch),
            record: record, fetch: fetch)
    }

    public var reportID: String { facts.report.reportID }
    public var sourcePath: String { facts.report.sourcePath }
    public var sourceSHA256: String { facts.report.sourceSHA256 }
    public var sourceBytes: Int { facts.report.sourceBytes }
    public var publishedDate: String? { facts.report.publishedDate }
    /// How many of title, date, publisher, authors and region are known (the dedup tie-break).
    public var completeness: Int { facts.report.completeness }
    public var sketch: DedupSketch { facts.report.sketch }
    /// Where the record lies: in the spool, or in the cache entry it was read from or written to.
    var record: RecordLocation { facts.record }
    public var offset: UInt64 { facts.record.offset }
    public var length: Int { facts.record.length }
    /// How the document was fetched, for web sources.
    public var fetch: FetchRecord? { facts.fetch }

    public static func == (left: DocumentSummary, right: DocumentSummary) -> Bool {
        (left.shared === right.shared || left.facts == right.facts)
            && left.duplicates == right.duplicates && left.duplicateSources == right.duplicateSources
    }
}

/// Where a report's rendered rows lie: `length` bytes at `offset`, laid out as a ``DocumentStore`` record (the
/// rows' UInt32 length, then the rows). In the spool, or, when the cache holds the report, in its cache entry,
/// whose last part has that same layout, so a cached report is never copied into the spool.
struct RecordLocation: Sendable, Equatable {
    /// The cache entry's path; nil for the spool.
    var file: String?
    var offset: UInt64
    var length: Int
}

/// A report's ids and the facts dedup ranks by: what the parallel stages hand on (``DocumentResult``), the cache
/// keeps, and the in-memory summary holds.
struct ReportFacts: Sendable, Equatable {
    var reportID: String
    var sourcePath: String
    var sourceSHA256: String
    var sourceBytes: Int
    var publishedDate: String?
    var completeness: Int
    var sketch: DedupSketch
}
