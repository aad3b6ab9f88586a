/// What the global stages keep in memory per report: ids, the facts dedup ranks by, the dedup sketch and
/// where the full record lies in the ``DocumentStore``.
///
/// The facts live in one immutable, shared object, so the arrays the pipeline passes between runner, dedup
/// and emit hold a pointer per report rather than a copy of every field: memory grows with the number of
/// reports by about the sketch (4 bytes × permutations) plus a few hundred bytes of ids and paths.
public struct DocumentSummary: Sendable, Equatable {
    final class Facts: Sendable {
        let reportID: String
        let sourcePath: String
        let sourceSHA256: String
        let sourceBytes: Int
        let publishedDate: String?
        let completeness: Int
        let sketch: DedupSketch
        let offset: UInt64
        let length: Int
        let fetch: FetchRecord?

        init(
            reportID: String, sourcePath: String, sourceSHA256: String, sourceBytes: Int, publishedDate: String?, completeness: Int,
            sketch: DedupSketch, offset: UInt64, length: Int, fetch: FetchRecord?
        ) {
            self.reportID = reportID
            self.sourcePath = sourcePath
            self.sourceSHA256 = sourceSHA256
            self.sourceBytes = sourceBytes
            self.publishedDate = publishedDate
            self.completeness = completeness
            self.sketch = sketch
            self.offset = offset
            self.length = length
            self.fetch = fetch
        }
    }

    private let facts: Facts
    /// Filled by dedup: the ids and sources of the copies collapsed into this report.
    public var duplicates: [String] = []
    public var duplicateSources: [String] = []

    public init(
        reportID: String, sourcePath: String, sourceSHA256: String, sourceBytes: Int, publishedDate: String?, completeness: Int,
        sketch: DedupSketch, offset: UInt64, length: Int, fetch: FetchRecord? = nil
    ) {
        facts = Facts(
            reportID: reportID, sourcePath: sourcePath, sourceSHA256: sourceSHA256, sourceBytes: sourceBytes,
            publishedDate: publishedDate, completeness: completeness, sketch: sketch, offset: offset, length: length, fetch: fetch)
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
        (left.facts === right.facts
            || (left.reportID == right.reportID && left.sourcePath == right.sourcePath && left.sourceSHA256 == right.sourceSHA256
                && left.sourceBytes == right.sourceBytes && left.publishedDate == right.publishedDate
                && left.completeness == right.completeness && left.sketch == right.sketch && left.offset == right.offset
                && left.length == right.length && left.fetch == right.fetch))
            && left.duplicates == right.duplicates && left.duplicateSources == right.duplicateSources
    }
}
