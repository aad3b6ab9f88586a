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
    /// Tallied in a small array searched linearly: a document has a handful of distinct flags, and the
    /// flag names are short strings that compare without hashing.
    public var qualityFlags: [(name: String, count: Int)] {
        var counts: [(name: String, count: Int)] = []
        func add(_ name: String, _ amount: Int) {
            if let slot = counts.firstIndex(where: { $0.name == name }) {
                counts[slot].count += amount
            } else {
                counts.append((name, amount))
            }
        }
        for repair in repairs {
            if repair.flag == QualityFlagName.fullwidthNormalized {
                add(repair.flag, Int(repair.before.split(separator: " ").first ?? "1") ?? 1)
            } else {
                add(repair.flag, 1)
            }
        }
        if unrepairedMojibake > 0 {
            counts.removeAll { $0.name == QualityFlagName.mojibakeUnrepaired }
            counts.append((QualityFlagName.mojibakeUnrepaired, unrepairedMojibake))
        }
        counts.sort { $0.name < $1.name }
        return counts
    }
}
