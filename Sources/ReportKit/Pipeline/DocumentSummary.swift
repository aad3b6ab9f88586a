/// What the global stages keep in memory per report: ids, the facts dedup ranks by, the dedup sketch and
/// where the full record lies (``RecordLocation``).
///
/// The facts live in one immutable, shared object, so the arrays the pipeline passes between runner, dedup
/// and emit hold a pointer per report rather than a copy of every field: memory grows with the number of
/// reports by about the sketch (4 bytes × permutations) plus the source path and a few compact ids.
public struct DocumentSummary: Sendable, Equatable {
    struct Facts: Sendable, Equatable {
        var report: ReportFacts
        var record: RecordLocation
        /// Boxed: most sources are files, and an inline record would widen every summary by a hundred bytes.
        private let fetchBox: DatasetContent.FetchBox?
        var fetch: FetchRecord? { fetchBox?.record }

        init(report: ReportFacts, record: RecordLocation, fetch: FetchRecord?) {
            self.report = report
            self.record = record
            fetchBox = fetch.map(DatasetContent.FetchBox.init)
        }

        static func == (left: Facts, right: Facts) -> Bool {
            left.report == right.report && left.record == right.record && left.fetch == right.fetch
        }
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

    /// The ids and facts as held, with the id and digest still compact.
    var reportFacts: ReportFacts { facts.report }
    public var reportID: String { facts.report.reportID }
    public var sourcePath: String { facts.report.sourcePath }
    public var sourceSHA256: String { facts.report.sourceSHA256 }
    public var sourceBytes: Int { facts.report.sourceBytes }
    public var publishedDate: String? { facts.report.publishedDate }
    /// How many of title, date, publisher, authors and region are known (the dedup tie-break).
    public var completeness: Int { facts.report.completeness }
    public var sketch: DedupSketch { facts.report.sketch }
    /// The id, the exact-text key and the signature as dedup compares them (no string is made).
    var reportKey: CompactHex { facts.report.reportKey }
    var exactKey: CompactHex { facts.report.exactKey }
    var minhash: [UInt32] { facts.report.minhash }
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
/// rows' UInt32 length, then the rows). In the spool, or, when the cache holds the report, in the cache pack
/// its entry was read from or written to (an entry ends with a record of that same layout), so a cached report
/// is never copied into the spool.
struct RecordLocation: Sendable, Equatable {
    /// The ``DocumentCache`` pack's number; nil for the spool.
    var pack: UInt32?
    var offset: UInt64
    var length: Int

    init(pack: UInt32? = nil, offset: UInt64, length: Int) {
        self.pack = pack
        self.offset = offset
        self.length = length
    }
}

/// A report's ids and the facts dedup ranks by: what the parallel stages hand on (``DocumentResult``), the cache
/// keeps, and the in-memory summary holds. The id, the digest and the exact-text key are hexadecimal, so they
/// are held as ``CompactHex`` (no heap string each) and given back as strings on demand.
struct ReportFacts: Sendable, Equatable {
    var reportKey: CompactHex
    var sourcePath: String
    var sourceDigest: CompactHex
    var sourceBytes: Int
    var publishedDate: String?
    var completeness: Int
    var exactKey: CompactHex
    var minhash: [UInt32]

    init(
        reportID: String, sourcePath: String, sourceSHA256: String, sourceBytes: Int, publishedDate: String?, completeness: Int,
        sketch: DedupSketch
    ) {
        reportKey = CompactHex(reportID)
        self.sourcePath = sourcePath
        sourceDigest = CompactHex(sourceSHA256)
        self.sourceBytes = sourceBytes
        self.publishedDate = publishedDate
        self.completeness = completeness
        exactKey = CompactHex(sketch.exactKey)
        minhash = sketch.minhash
    }

    var reportID: String { reportKey.description }
    var sourceSHA256: String { sourceDigest.description }
    var sketch: DedupSketch { DedupSketch(exactKey: exactKey.description, minhash: minhash) }
}
