/// The extract stage: report metadata, region, metrics, policies and initiatives from one cleaned document.
public struct ReportExtractor: Stage {
    public var name: String { "extract" }
    let gazetteer: RegionGazetteer

    public init(gazetteer: RegionGazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    public func process(_ document: CleanedDocument) throws -> StageOutcome<ExtractedDocument> {
        let text = document.text
        guard text.unicodeScalars.contains(where: CJK.isIdeograph) || text.count >= 20 else {
            return .drop(reason: "no report text left after cleaning")
        }
        var spans = TextSpans(text)
        // The report id hashes the text, dedup's exact key the normalised text: two streams side by side run
        // faster than one after the other.
        var contiguous = text  // withUTF8 is mutating: it may make a bridged string contiguous
        let (textDigest, normalizedDigest) = contiguous.withUTF8 { text in
            spans.normalized.utf8.withUnsafeBytes { SHA256Stream.hexDigests(UnsafeRawBufferPointer(text), $0) }
        }
        let reportID = String(textDigest.prefix(16))
        spans.normalizedKey = String(normalizedDigest.prefix(32))
        var hints = document.hints
        // A manifest's publisher and date beat what the page says.
        if let publisher = document.source.overrides["publisher"] { hints.publisher = publisher }
        if let date = document.source.overrides["date"] { hints.published = date }
        let metrics = MetricExtractor().extract(from: spans, reportID: reportID)
        let terms = QuotedTermExtractor()
        let policies = terms.policies(in: spans, reportID: reportID)
        let initiatives = terms.initiatives(in: spans, reportID: reportID)
        let region = RegionResolver(gazetteer: gazetteer).resolve(title: hints.title, spans: spans)
        let flags = QualityFlagList.joined(document.qualityFlags)
        let report = Report(
            reportID: reportID, title: hints.title, publishedDate: DateNormalizer.isoDate(hints.published),
            publishedAsWritten: hints.published, publisher: hints.publisher, authors: hints.authors,
            editors: hints.editors, photographers: hints.photographers, province: region?.province,
            city: region?.prefecture, county: region?.county, regionCode: region?.division.code,
            regionLongitude: region?.division.longitude, regionLatitude: region?.division.latitude,
            script: document.originalScript, charCount: spans.scalars.count, metricCount: metrics.count,
            policyCount: policies.count, initiativeCount: initiatives.count, qualityFlags: flags, qualityScore: 1,
            duplicates: "", duplicateSources: "", sourcePath: document.source.displayPath,
            sourceURL: document.fetch?.finalURL ?? document.source.remoteURL,
            sourceSHA256: document.sha256, sourceBytes: document.byteCount, sourceFormat: document.format.rawValue,
            sourceEncoding: document.encoding.name, text: text)
        var extracted = ExtractedDocument(
            report: report, metrics: metrics, policies: policies, initiatives: initiatives, findings: [], text: text,
            regionAmbiguous: region?.ambiguous ?? false, fetch: document.fetch)
        extracted.textSpans = spans
        return .keep(extracted)
    }
}
