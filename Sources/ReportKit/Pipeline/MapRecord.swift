/// One line of `reportkit map` output: what the per-document stages made of one source — a document, or
/// the stage and reason it was rejected or dropped. `reportkit reduce` reads these back.
public struct MapRecord: Sendable, Codable {
    public var source: String
    public var document: ExtractedDocument?
    public var stage: String?
    public var reason: String?
    public var dropped: Bool?

    public init(source: String, document: ExtractedDocument) {
        self.source = source
        self.document = document
    }

    public init(source: String, stage: String, reason: String, dropped: Bool) {
        self.source = source
        self.stage = stage
        self.reason = reason
        self.dropped = dropped
    }
}
