/// Options for deduplication; every one can be set in the spec under `dedup:`.
public struct DeduplicationOptions: Sendable, Codable, Equatable {
    /// Characters per shingle.
    public var shingleSize: Int = 5
    /// MinHash permutations (signature length).
    public var permutations: Int = 128
    /// LSH bands; `permutations / bands` rows per band. 16 × 8 finds pairs above about 0.7 similarity.
    public var bands: Int = 16
    /// Estimated Jaccard similarity at or above which two reports are republications.
    public var threshold: Double = 0.7
    /// Collapse claims repeated inside one report (same indicator, value, unit and period).
    public var collapseRepeatedClaims: Bool = true

    public init() {}

    enum CodingKeys: String, CodingKey {
        case shingleSize = "shingle_size", permutations, bands, threshold
        case collapseRepeatedClaims = "collapse_repeated_claims"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        shingleSize = try container.decodeIfPresent(Int.self, forKey: .shingleSize) ?? 5
        permutations = try container.decodeIfPresent(Int.self, forKey: .permutations) ?? 128
        bands = try container.decodeIfPresent(Int.self, forKey: .bands) ?? 16
        threshold = try container.decodeIfPresent(Double.self, forKey: .threshold) ?? 0.7
        collapseRepeatedClaims = try container.decodeIfPresent(Bool.self, forKey: .collapseRepeatedClaims) ?? true
    }
}

/// The dedup stage: exact duplicates by normalised-text hash, near duplicates by MinHash with LSH banding.
/// Each cluster keeps one canonical report — the earliest published, then the one with the most complete
/// metadata, then the smallest id — which lists the others in `duplicates`; the others are not emitted.
public struct Deduplicator: GlobalStage {
    public var name: String { "dedup" }
    public let options: DeduplicationOptions

    public init(options: DeduplicationOptions = DeduplicationOptions()) {
        self.options = options
    }

    public struct Result: Sendable {
        public var kept: [ExtractedDocument]
        /// Reports collapsed into another one.
        public var duplicatesRemoved: Int
        public var claimsCollapsed: Int
    }

    public func run(_ documents: [ExtractedDocument]) throws -> Result {
        let hasher = MinHasher(shingleSize: options.shingleSize, permutations: options.permutations)
        var parent = Array(documents.indices)
        func find(_ index: Int) -> Int {
            var root = index
            while parent[root] != root { root = parent[root] }
            var current = index
            while parent[current] != root { (parent[current], current) = (root, parent[current]) }
            return root
        }
        func union(_ a: Int, _ b: Int) {
            let (rootA, rootB) = (find(a), find(b))
            if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
        }
        // Exact: same normalised text.
        var byHash: [String: Int] = [:]
        for (index, document) in documents.enumerated() {
            let normalized = String(String.UnicodeScalarView(document.text.unicodeScalars.filter {
                CJK.isIdeograph($0) || CJK.isASCIIDigit($0) || CJK.isASCIILetter($0)
            }))
            let key = SHA256Hex.digest(normalized)
            if let first = byHash[key] { union(first, index) } else { byHash[key] = index }
        }
        // Near: LSH buckets on signature bands, candidates confirmed by estimated similarity.
        let signatures = documents.map { hasher.signature(of: $0.text) }
        let rows = max(1, options.permutations / max(1, options.bands))
        for band in 0..<max(1, options.bands) {
            var buckets: [[UInt32]: Int] = [:]
            let range = (band * rows)..<min((band + 1) * rows, options.permutations)
            guard !range.isEmpty else { continue }
            for (index, signature) in signatures.enumerated() {
                let key = Array(signature[range])
                if let first = buckets[key] {
                    if find(first) != find(index), MinHasher.similarity(signatures[first], signature) >= options.threshold {
                        union(first, index)
                    }
                } else {
                    buckets[key] = index
                }
            }
        }
        var clusters: [Int: [Int]] = [:]
        for index in documents.indices { clusters[find(index), default: []].append(index) }
        var kept: [ExtractedDocument] = []
        var removed = 0
        var collapsed = 0
        for root in clusters.keys.sorted() {
            let members = clusters[root]!.sorted { Self.isPreferred(documents[$0], over: documents[$1]) }
            var canonical = documents[members[0]]
            let copies = members.dropFirst().map { documents[$0] }.sorted { $0.report.reportID < $1.report.reportID }
            canonical.report.duplicates = copies.map(\.report.reportID).joined(separator: ";")
            canonical.report.duplicateSources = copies.map(\.report.sourcePath).joined(separator: ";")
            removed += copies.count
            if options.collapseRepeatedClaims {
                let before = canonical.metrics.count
                canonical.metrics = Self.collapseRepeated(canonical.metrics)
                collapsed += before - canonical.metrics.count
                canonical.report.metricCount = canonical.metrics.count
            }
            kept.append(canonical)
        }
        kept.sort { $0.report.reportID < $1.report.reportID }
        return Result(kept: kept, duplicatesRemoved: removed, claimsCollapsed: collapsed)
    }

    /// Earliest date first (undated last), then more complete metadata, then the smaller id.
    static func isPreferred(_ left: ExtractedDocument, over right: ExtractedDocument) -> Bool {
        let leftDate = left.report.publishedDate ?? "9999"
        let rightDate = right.report.publishedDate ?? "9999"
        if leftDate != rightDate { return leftDate < rightDate }
        let leftCompleteness = completeness(left.report)
        let rightCompleteness = completeness(right.report)
        if leftCompleteness != rightCompleteness { return leftCompleteness > rightCompleteness }
        return left.report.reportID < right.report.reportID
    }

    static func completeness(_ report: Report) -> Int {
        [report.title != nil, report.publishedDate != nil, report.publisher != nil, !report.authors.isEmpty, report.regionCode != nil]
            .filter { $0 }.count
    }

    /// Keeps the first of claims with the same indicator, value, unit and period.
    static func collapseRepeated(_ metrics: [Metric]) -> [Metric] {
        var seen = Set<String>()
        return metrics.filter { metric in
            seen.insert("\(metric.indicator)|\(metric.valueNormalized)|\(metric.unitNormalized)|\(metric.kind)|\(metric.period ?? "")").inserted
        }
    }
}
