/// Everything a dataset folder is written from, gathered after the global stages.
public struct DatasetContent: Sendable {
    public struct Input: Sendable {
        public var path: String
        public var sha256: String?
        public var bytes: Int?
        /// report | duplicate | rejected | dropped
        public var outcome: String
        public var reportID: String?
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
    public var documents: [ExtractedDocument]
    public var rejected: [RejectedInput]
    public var inputs: [Input]
    /// Stage name → count, such as `"fetch.file": 5`.
    public var stageCounts: [String: Int]
    public var dedup: DeduplicationOptions
    public var toolkitSourceDigest: String?
}

/// The toolkit's own version, written into provenance.
public enum ReportKitVersion {
    public static let current = "0.1.0"
}
