/// One report's faithful, readable, Simplified-Chinese text, with every repair the clean stage made.
public struct CleanedDocument: Sendable {
    public let source: SourceReference
    public let sha256: String
    public let byteCount: Int
    public let format: DecodedDocument.Format
    public let encoding: DetectedEncoding
    /// Paragraphs separated by `\n`; every offset in the dataset points into this text.
    public let text: String
    /// `simplified` or `traditional`: the script the source was written in.
    public let originalScript: String
    public let hints: MetadataHints
    public let repairs: [Repair]
    /// Suspect mojibake runs left as they were.
    public let unrepairedMojibake: Int
    /// How the document was fetched, for web sources.
    public var fetch: FetchRecord? = nil

    /// Quality flags with their counts, sorted by name: `["boilerplate_removed": 3, …]`.
    public var qualityFlags: [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        for repair in repairs where repair.flag != QualityFlagName.fullwidthNormalized {
            counts[repair.flag, default: 0] += 1
        }
        for repair in repairs where repair.flag == QualityFlagName.fullwidthNormalized {
            counts[repair.flag, default: 0] += Int(repair.before.split(separator: " ").first ?? "1") ?? 1
        }
        if unrepairedMojibake > 0 { counts[QualityFlagName.mojibakeUnrepaired] = unrepairedMojibake }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
