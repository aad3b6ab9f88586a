/// Everything a dataset folder is written from, gathered after the global stages.
public struct DatasetContent: Sendable {
    public struct Input: Sendable {
        public var path: String
        public var sha256: String? {
            get { digest?.description }
            set { digest = newValue.map(CompactHex.init) }
        }
        public var bytes: Int?
        /// report | duplicate | rejected | dropped
        public var outcome: String
        public var reportID: String? {
            get { reportKey?.description }
            set { reportKey = newValue.map(CompactHex.init) }
        }
        /// Provenance keeps one Input per source for the whole build, so the hex digest and id are held compactly.
        private var digest: CompactHex?
        private var reportKey: CompactHex?
        /// How a web source was fetched; boxed, because provenance keeps one Input per source and most are files.
        public var fetch: FetchRecord? {
            get { fetchBox?.record }
            set { fetchBox = newValue.map(FetchBox.init) }
        }
        private var fetchBox: FetchBox?

        public init(path: String, sha256: String?, bytes: Int?, outcome: String, reportID: String?, fetch: FetchRecord? = nil) {
            self.init(path: path, digest: sha256.map(CompactHex.init), bytes: bytes, outcome: outcome, reportKey: reportID.map(CompactHex.init), fetch: fetch)
        }

        /// From the compact digest and id a ``DocumentSummary`` holds, without spelling them out as hex first.
        init(path: String, digest: CompactHex?, bytes: Int?, outcome: String, reportKey: CompactHex?, fetch: FetchRecord? = nil) {
            self.path = path
            self.digest = digest
            self.bytes = bytes
            self.outcome = outcome
            self.reportKey = reportKey
            fetchBox = fetch.map(FetchBox.init)
        }
    }

    final class FetchBox: Sendable {
        let record: FetchRecord
        init(_ record: FetchRecord) { self.record = record }
    }

    public var name: String
    public var version: String
    public var title: String
    public var description: String
    public var license: PipelineSpec.License
    public var released: String?
    public var publishText: Bool
    public var specPath: String?
    public var specSHA256: String?
    /// Canonical reports after dedup, sorted by id; their records are read from `store` one at a time.
    public var summaries: [DocumentSummary]
    public var store: DocumentStore
    public var rejected: [RejectedInput]
    public var inputs: [Input]
    /// Stage name → count, such as `"fetch.file": 5`.
    public var stageCounts: [String: Int]
    public var dedup: DeduplicationOptions
    public var toolkitSourceDigest: String?

    /// Every kept report's full record, in id order. Holds them all in memory: for tests and small runs.
    public func loadDocuments() throws -> [ExtractedDocument] {
        try summaries.map { try store.load($0) }
    }
}

/// The toolkit's own version, written into provenance.
public enum ReportKitVersion {
    public static let current = "0.1.0"
}
