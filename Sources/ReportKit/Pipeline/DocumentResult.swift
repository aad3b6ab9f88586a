/// One report as the parallel stages hand it to the spool: the facts its ``DocumentSummary`` keeps and its rows
/// already rendered. It is also what the ``DocumentCache`` stores, so a cache hit costs a file read and a copy
/// of bytes, not a JSON decode and a second rendering.
struct DocumentResult: Sendable, Equatable {
    var facts: ReportFacts
    /// The spool record of the rows (``RenderedReport/record(_:publishText:)``: their length, then the rows), as the
    /// spool and the cache store it.
    var record: [UInt8]
    /// How the document was fetched: taken from this fetch, never from the cache.
    var fetch: FetchRecord? = nil
    /// The full document, only when the spool keeps documents (eval, tests); never cached.
    var document: ExtractedDocument? = nil
    /// Where the cache entry holding these rows lies, once it is known; the store then spools nothing.
    var cached: RecordLocation? = nil

    /// Equal when the facts, rows and fetch are (documents are not comparable; results from one are equal).
    static func == (left: DocumentResult, right: DocumentResult) -> Bool {
        left.facts == right.facts && left.record == right.record && left.fetch == right.fetch
    }
}

extension DocumentResult {
    init(_ document: ExtractedDocument, publishText: Bool, keepsDocument: Bool) throws {
        let report = document.report
        self.init(
            facts: ReportFacts(
                reportID: report.reportID, sourcePath: report.sourcePath, sourceSHA256: report.sourceSHA256,
                sourceBytes: report.sourceBytes, publishedDate: report.publishedDate, completeness: Deduplicator.completeness(report),
                sketch: document.sketch ?? DedupSketch(exactKey: report.reportID, minhash: [])),
            record: try RenderedReport.record(document, publishText: publishText), fetch: document.fetch,
            document: keepsDocument ? document : nil)
    }
}

/// What the cache remembers of one document: its result, or why the pipeline dropped it.
enum CachedOutcome: Sendable, Equatable {
    case kept(DocumentResult)
    case dropped(reason: String)
}

extension CachedOutcome {
    /// Names the layout; an entry in any other layout is ignored (2: the rows store repeated cells once; 3: and
    /// a repeated cell's JSON form may point at its CSV bytes).
    private static let layout = Array("reportkit-result/3".utf8)

    /// The entry's bytes (``LengthPrefixedParts``): layout, kind, then the fields. `fetch` and `document` stay out.
    func serialized() -> [UInt8] {
        switch self {
        case .dropped(let reason):
            return LengthPrefixedParts.join([Self.layout, Array("dropped".utf8), Array(reason.utf8)])
        case .kept(let result):
            let facts = result.facts
            var signature: [UInt8] = []
            signature.reserveCapacity(facts.minhash.count * 4)
            for value in facts.minhash { withUnsafeBytes(of: value.littleEndian) { signature.append(contentsOf: $0) } }
            // A missing date is an empty part; a present one carries a leading "=" so that "" stays distinct.
            let date = facts.publishedDate.map { Array("=\($0)".utf8) } ?? []
            // The rows are the last part; their record is that part, length and all.
            return LengthPrefixedParts.join([
                Self.layout, Array("kept".utf8), Array(facts.reportID.utf8), Array(facts.sourcePath.utf8),
                Array(facts.sourceSHA256.utf8), Array("\(facts.sourceBytes)".utf8), date, Array("\(facts.completeness)".utf8),
                Array(facts.exactKey.description.utf8), signature,
            ]) + result.record
        }
    }

    /// Reads ``serialized()`` back; nil for anything malformed or in another layout. Without `withRows` the rows
    /// are not copied: `cached` says where they lie in `bytes` (offset from its start, file nil).
    init?(serialized bytes: ArraySlice<UInt8>, withRows: Bool = true) {
        guard let parts = LengthPrefixedParts.split(bytes), parts.count >= 2, parts[0].elementsEqual(Self.layout) else { return nil }
        let text = { (index: Int) in String(decoding: parts[index], as: UTF8.self) }
        switch text(1) {
        case "dropped" where parts.count == 3:
            self = .dropped(reason: text(2))
        case "kept" where parts.count == 11:
            guard let sourceBytes = Int(text(5)), let completeness = Int(text(7)), parts[9].count % 4 == 0,
                parts[6].isEmpty || parts[6].first == UInt8(ascii: "=")
            else { return nil }
            var minhash: [UInt32] = []
            minhash.reserveCapacity(parts[9].count / 4)
            var index = parts[9].startIndex
            while index < parts[9].endIndex {
                minhash.append(parts[9][index..<index + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) })
                index += 4
            }
            var result = DocumentResult(
                facts: ReportFacts(
                    reportID: text(2), sourcePath: text(3), sourceSHA256: text(4), sourceBytes: sourceBytes,
                    publishedDate: parts[6].isEmpty ? nil : String(decoding: parts[6].dropFirst(), as: UTF8.self),
                    completeness: completeness, sketch: DedupSketch(exactKey: text(8), minhash: minhash)),
                record: withRows ? Array(bytes[(parts[10].startIndex - 4)...]) : [])
            if !withRows {
                result.cached = RecordLocation(
                    offset: UInt64(parts[10].startIndex - bytes.startIndex - 4), length: parts[10].count + 4)
            }
            self = .kept(result)
        default:
            return nil
        }
    }
}

/// Renders each finished document's rows in the parallel stages (see ``RenderedReport``).
struct RenderStage: Stage {
    var name: String { "render" }
    let publishText: Bool
    let keepsDocuments: Bool

    func process(_ document: ExtractedDocument) throws -> StageOutcome<DocumentResult> {
        .keep(try DocumentResult(document, publishText: publishText, keepsDocument: keepsDocuments))
    }
}
