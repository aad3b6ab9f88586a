import Dispatch
import Synchronization

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

/// The dedup stage: exact duplicates by normalised-text hash, near duplicates by MinHash with LSH banding,
/// both read from each report's ``DedupSketch`` so the texts need not be in memory. Each cluster keeps one
/// canonical report — the earliest published, then the one with the most complete metadata, then the
/// smallest id — which lists the others in `duplicates`; the others are not emitted.
public struct Deduplicator: GlobalStage {
    public var name: String { "dedup" }
    public let options: DeduplicationOptions
    /// Threads that look for the bands' bucket pairs (the rest of dedup is serial).
    public let jobs: Int

    public init(options: DeduplicationOptions = DeduplicationOptions(), jobs: Int = 1) {
        self.options = options
        self.jobs = max(1, jobs)
    }

    public struct Result: Sendable {
        /// Canonical reports sorted by id, with their duplicate lists.
        public var kept: [DocumentSummary]
        /// Reports collapsed into another one.
        public var duplicatesRemoved: Int
    }

    public func run(_ summaries: [DocumentSummary]) throws -> Result {
        var parent = Array(summaries.indices)
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
        var byHash: [CompactHex: Int] = [:]
        byHash.reserveCapacity(summaries.count)
        for (index, summary) in summaries.enumerated() {
            if let first = byHash[summary.exactKey] { union(first, index) } else { byHash[summary.exactKey] = index }
        }
        let signatures = summaries.map(\.minhash)
        let rows = max(1, options.permutations / max(1, options.bands))
        // Empty, not a trap, past the signature's end (more bands than permutations: the spec refuses it, the API not).
        let bands = (0..<max(1, options.bands)).map { band in (band * rows)..<max(band * rows, min((band + 1) * rows, options.permutations)) }
        // The pairs depend on no union, so the bands are bucketed on `jobs` threads; the unions follow in band
        // order (a component's root is its smallest index whatever the order, so the clusters are the same).
        for pairs in bandPairs(signatures, bands: bands) {
            for (first, index) in pairs where find(first) != find(index) {
                if MinHasher.similarity(signatures[first], signatures[index]) >= options.threshold { union(first, index) }
            }
        }
        // Clusters as runs of indices sorted by their root: one array for all, not an array per cluster.
        let roots = summaries.indices.map(find)
        let byCluster = Self.indicesByRoot(roots)
        var kept: [DocumentSummary] = []
        kept.reserveCapacity(summaries.count)
        var removed = 0
        var runStart = 0
        while runStart < byCluster.count {
            var runEnd = runStart + 1
            while runEnd < byCluster.count, roots[byCluster[runEnd]] == roots[byCluster[runStart]] { runEnd += 1 }
            // Most reports stand alone: nothing to order.
            let members = runEnd - runStart == 1
                ? [byCluster[runStart]] : byCluster[runStart..<runEnd].sorted { Self.isPreferred(summaries[$0], over: summaries[$1]) }
            var canonical = summaries[members[0]]
            let copies = members.dropFirst().map { summaries[$0] }.sorted { $0.reportKey < $1.reportKey }
            canonical.duplicates = copies.map(\.reportID)
            canonical.duplicateSources = copies.map(\.sourcePath)
            removed += copies.count
            kept.append(canonical)
            runStart = runEnd
        }
        // Sorted through their keys: comparing the summaries themselves reads each key through two references.
        let order = CompactHex.sortedIndices(kept.map(\.reportKey))
        return Result(kept: order.map { kept[$0] }, duplicatesRemoved: removed)
    }

    /// The indices of `roots` ordered by their root, then by index: what sorting them by `(roots[$0], $0)` gives, in
    /// one counting pass (a root is an index, so it is below `roots.count`). The comparison sort was most of dedup's
    /// serial instructions after the band pairs (4.5 of 21 M on the 2,000-report corpus).
    static func indicesByRoot(_ roots: [Int]) -> [Int] {
        var next = [Int](repeating: 0, count: roots.count + 1)  // first the count of each root, then where its run goes
        for root in roots { next[root + 1] += 1 }
        for root in roots.indices { next[root + 1] += next[root] }
        var ordered = [Int](repeating: 0, count: roots.count)
        for (index, root) in roots.enumerated() {
            ordered[next[root]] = index
            next[root] += 1
        }
        return ordered
    }

    /// Each band's bucket pairs (``BandBuckets/pairs(_:rows:mixes:)``), the bands spread over `jobs` threads when
    /// there are enough signatures to pay for them.
    func bandPairs(_ signatures: [[UInt32]], bands: [Range<Int>]) -> [[(Int, Int)]] {
        let mixes = BandBuckets.bandMixes(signatures, bands: bands)
        let found = Mutex<[[(Int, Int)]]>(Array(repeating: [], count: bands.count))
        let lanes = signatures.count >= Self.signaturesPerExtraThread ? min(jobs, bands.count) : 1
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for band in stride(from: lane, to: bands.count, by: lanes) where !bands[band].isEmpty {
                let bandMixes = mixes[(band * signatures.count)..<((band + 1) * signatures.count)]
                let pairs = BandBuckets.pairs(signatures, rows: bands[band], mixes: bandMixes)
                found.withLock { $0[band] = pairs }
            }
        }
        return found.withLock { $0 }
    }

    /// Below this many signatures a band takes well under a millisecond: not worth a thread.
    static let signaturesPerExtraThread = 4096

    /// Earliest date first (undated last), then more complete metadata, then the smaller id.
    static func isPreferred(_ left: DocumentSummary, over right: DocumentSummary) -> Bool {
        let leftDate = left.publishedDate ?? "9999"
        let rightDate = right.publishedDate ?? "9999"
        if leftDate != rightDate { return leftDate < rightDate }
        if left.completeness != right.completeness { return left.completeness > right.completeness }
        return left.reportKey < right.reportKey
    }

    static func completeness(_ report: Report) -> Int {
        [report.title != nil, report.publishedDate != nil, report.publisher != nil, !report.authors.isEmpty, report.regionCode != nil]
            .filter { $0 }.count
    }

    /// Keeps the first of claims with the same indicator, value, unit, kind and period.
    ///
    /// Same answers as ``collapseRepeatedByKey(_:)`` without building and hashing a key string per claim:
    /// claims are grouped by the bits of their value and compared field by field. That is exact when no
    /// field holds the key's `|` and no value is NaN: a Double's description differs for different bits
    /// (NaNs aside), and `|` is a starter nothing composes with, so key strings are canonically equal
    /// exactly when their five fields are. Otherwise, or when one value repeats too often for pairwise
    /// comparison, the key strings decide.
    static func collapseRepeated(_ metrics: [Metric]) -> [Metric] {
        guard metrics.count > 1 else { return metrics }
        // On the contiguous UTF-8 where there is one (always, for native Strings): the generic UTF8View search
        // cost about ten times as much per byte.
        func hasBar(_ text: String) -> Bool {
            text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "|")) } ?? text.utf8.contains(UInt8(ascii: "|"))
        }
        guard !metrics.contains(where: { $0.valueNormalized.isNaN || hasBar($0.indicator) || hasBar($0.unitNormalized) || hasBar($0.kind) || hasBar($0.period ?? "") })
        else { return collapseRepeatedByKey(metrics) }
        // The positions of the claims kept: most reports repeat none, and then the array itself is the answer
        // (copying each claim into a new array retained its dozen Strings and released them with the old one).
        var kept: [Int] = []
        kept.reserveCapacity(metrics.count)
        if metrics.count <= 48 {
            // Few claims: compare with every kept one (value bits first) rather than build a dictionary.
            var keptBits: [UInt64] = []
            keptBits.reserveCapacity(metrics.count)
            for index in metrics.indices {
                let bits = metrics[index].valueNormalized.bitPattern
                if keptBits.indices.contains(where: { keptBits[$0] == bits && isRepeat(metrics[kept[$0]], of: metrics[index]) }) { continue }
                kept.append(index)
                keptBits.append(bits)
            }
        } else {
            var byValue: [UInt64: [Int]] = [:]  // value bits → positions in `metrics` of kept claims
            for index in metrics.indices {
                let bits = metrics[index].valueNormalized.bitPattern
                let candidates = byValue[bits, default: []]
                if candidates.contains(where: { isRepeat(metrics[$0], of: metrics[index]) }) { continue }
                guard candidates.count < 64 else { return collapseRepeatedByKey(metrics) }
                byValue[bits, default: []].append(index)
                kept.append(index)
            }
        }
        return kept.count == metrics.count ? metrics : kept.map { metrics[$0] }
    }

    /// Same indicator, unit, kind and period (a missing period counts as empty); the caller compared the values.
    private static func isRepeat(_ first: Metric, of metric: Metric) -> Bool {
        first.unitNormalized == metric.unitNormalized && first.kind == metric.kind && first.indicator == metric.indicator
            && (first.period ?? "") == (metric.period ?? "")
    }

    /// The definition: one key string per claim.
    static func collapseRepeatedByKey(_ metrics: [Metric]) -> [Metric] {
        var seen = Set<String>()
        return metrics.filter { metric in
            seen.insert("\(metric.indicator)|\(metric.valueNormalized)|\(metric.unitNormalized)|\(metric.kind)|\(metric.period ?? "")").inserted
        }
    }
}
