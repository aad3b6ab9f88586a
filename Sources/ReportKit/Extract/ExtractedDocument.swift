/// Everything the per-document stages produced for one report.
public struct ExtractedDocument: Sendable {
    public var report: Report
    public var metrics: [Metric]
    public var policies: [TermMention]
    public var initiatives: [TermMention]
    public var findings: [Finding]
    /// The cleaned text, kept for validation and dedup; published only when the spec says so.
    public var text: String
    /// Whether region resolution was ambiguous (a validation rule reports it).
    public var regionAmbiguous: Bool
}
