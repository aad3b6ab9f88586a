/// An input that did not become a report row, with the stage that refused it and a reason a person understands.
public struct RejectedInput: Sendable, Codable, Equatable {
    /// The source path or URL as published.
    public let source: String
    /// The stage that refused it, such as `"fetch.file"` or `"clean.decode"`.
    public let stage: String
    public let reason: String
    /// SHA-256 of the bytes when they could be read.
    public let sourceSHA256: String?

    public init(source: String, stage: String, reason: String, sourceSHA256: String? = nil) {
        self.source = source
        self.stage = stage
        self.reason = reason
        self.sourceSHA256 = sourceSHA256
    }

    enum CodingKeys: String, CodingKey {
        case source, stage, reason
        case sourceSHA256 = "source_sha256"
    }
}
