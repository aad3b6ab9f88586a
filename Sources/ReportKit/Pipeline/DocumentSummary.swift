/// What the global stages keep in memory per report: ids, the facts dedup ranks by, the dedup sketch and
/// where the full record lies in the ``DocumentStore``.
///
/// The facts live in one immutable, shared object, so the arrays the pipeline passes between runner, dedup
/// and emit hold a pointer per report rather than a copy of every field: memory grows with the number of
/// reports by about the sketch (4 bytes × permutations) plus a few hundred bytes of ids and paths.
public struct DocumentSummary: Sendable, Equatable {
    struct Facts: Sendable, Equatable {
        var reportID: String
        var sourcePath: String
        var sourceSHA256: String
        var sourceBytes: Int
        var publishedDate: String?
        var completeness: Int
        var sketch: DedupSketch
        var offset: UInt64
        var length: Int
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

    public init(
        reportID: String, sourcePath: String, sourceSHA256: String, sourceBytes: Int, publishedDate: String?, completeness: Int,
        sketch: DedupSketch, offset: UInt64, length: Int, fetch: FetchRecord? = nil
    ) {
        shared = SharedFacts(
            Facts(
                reportID: reportID, sourcePath: sourcePath, sourceSHA256: sourceSHA256, sourceBytes: sourceBytes,
                publishedDate: publishedDate, completeness: completeness, sketch: sketch, offset: offset, length: length, fetch: fetch))
    }

    public var reportID: String { facts.reportID }
    public var sourcePath: String { facts.sourcePath }
    public var sourceSHA256: String { facts.sourceSHA256 }
    public var sourceBytes: Int { facts.sourceBytes }
    public var publishedDate: String? { facts.publishedDate }
    /// How many of title, date, publisher, authors and region are known (the dedup tie-break).
    public var completeness: Int { facts.completeness }
    public var sketch: DedupSketch { facts.sketch }
    /// Where the record lies in the spool.
    public var offset: UInt64 { facts.offset }
    public var length: Int { facts.length }
    /// How the document was fetched, for web sources.
    public var fetch: FetchRecord? { facts.fetch }

    public static func == (left: DocumentSummary, right: DocumentSummary) -> Bool {
        (left.shared === right.shared || left.facts == right.facts)
            && left.duplicates == right.duplicates && left.duplicateSources == right.duplicateSources
    }
}
