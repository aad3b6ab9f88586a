/// The compact fingerprint dedup needs from a report, computed while its text is in memory so the text
/// itself can be let go: 16 hex digits of the normalised-text hash plus the MinHash signature.
public struct DedupSketch: Sendable, Codable, Equatable {
    public var exactKey: String
    public var minhash: [UInt32]

    /// Bytes this sketch keeps per report (the signature dominates: 4 bytes × permutations).
    public var approximateBytes: Int { exactKey.utf8.count + minhash.count * 4 }

    enum CodingKeys: String, CodingKey { case exactKey = "exact_key", minhash }
}

/// The last per-document stage: collapses claims repeated inside the report, computes its ``DedupSketch``,
/// and drops the cleaned text unless the dataset publishes it, so the global stages never hold the full
/// text of every report at once.
public struct DedupPreparation: Stage {
    public var name: String { "dedup.prepare" }
    public let options: DeduplicationOptions
    public let keepsText: Bool
    private let hasher: MinHasher

    public init(options: DeduplicationOptions, keepsText: Bool) {
        self.options = options
        self.keepsText = keepsText
        self.hasher = MinHasher(shingleSize: options.shingleSize, permutations: options.permutations)
    }

    public func process(_ document: ExtractedDocument) throws -> StageOutcome<ExtractedDocument> {
        var document = document
        if options.collapseRepeatedClaims {
            document.metrics = Deduplicator.collapseRepeated(document.metrics)
            document.report.metricCount = document.metrics.count
        }
        // The normalised text the extractor's decoding collected, while it is of this text.
        if let spans = document.currentSpans() {
            document.sketch = sketch(ofNormalized: spans.normalized, exactKey: spans.normalizedKey)
        } else {
            document.sketch = sketch(of: document.text)
        }
        document.textSpans = nil
        if !keepsText {
            document.text = ""
            document.report.text = nil
        }
        return .keep(document)
    }

    func sketch(of text: String) -> DedupSketch {
        // One pass over the text serves both the exact key and the MinHash shingles.
        sketch(ofNormalized: MinHasher.normalized(text))
    }

    /// The sketch of a text given as ``MinHasher/normalized(_:)`` gives it, and its exact key when already hashed.
    func sketch(ofNormalized normalized: (utf8: [UInt8], values: [UInt32]), exactKey: String? = nil) -> DedupSketch {
        DedupSketch(
            exactKey: exactKey ?? String(SHA256Hex.digest(normalized.utf8[...]).prefix(32)), minhash: hasher.signature(ofValues: normalized.values))
    }
}
