/// Everything the per-document stages produced for one report.
public struct ExtractedDocument: Sendable, Codable {
    public var report: Report
    public var metrics: [Metric]
    public var policies: [TermMention]
    public var initiatives: [TermMention]
    public var findings: [Finding]
    /// The cleaned text, kept for validation and dedup, then dropped unless the dataset publishes it.
    public var text: String
    /// Whether region resolution was ambiguous (a validation rule reports it).
    public var regionAmbiguous: Bool
    /// Set by ``DedupPreparation``.
    public var sketch: DedupSketch?
    /// How the document was fetched, for web sources.
    public var fetch: FetchRecord?
    /// The extractor's spans of `text`, handed on so that validation and dedup's preparation do not decode the
    /// text again. Not encoded (a decoded document has none), and dropped by ``DedupPreparation``.
    var textSpans: TextSpans? = nil

    public init(
        report: Report, metrics: [Metric], policies: [TermMention], initiatives: [TermMention], findings: [Finding],
        text: String, regionAmbiguous: Bool, sketch: DedupSketch? = nil, fetch: FetchRecord? = nil
    ) {
        self.fetch = fetch
        self.report = report
        self.metrics = metrics
        self.policies = policies
        self.initiatives = initiatives
        self.findings = findings
        self.text = text
        self.regionAmbiguous = regionAmbiguous
        self.sketch = sketch
    }

    enum CodingKeys: String, CodingKey {
        case report, metrics, policies, initiatives, findings, text, regionAmbiguous = "region_ambiguous", sketch, fetch
    }
}
