/// One row of `reports`: a report's metadata, where it came from, and what the pipeline did to it.
public struct Report: Sendable, Codable, Equatable {
    /// The first 16 hex digits of the SHA-256 of the cleaned text: the same text gives the same id.
    public var reportID: String
    /// Null when the report has no title line; never invented.
    public var title: String?
    /// ISO 8601 date (YYYY-MM-DD) when the full date is known.
    public var publishedDate: String?
    /// The date or date-time as written in the source (`2024-04-19 18:35`).
    public var publishedAsWritten: String?
    public var publisher: String?
    public var authors: [String]
    public var editors: [String]
    public var photographers: [String]
    public var province: String?
    public var city: String?
    public var county: String?
    /// GB/T 2260 six-digit code of the place the report is about.
    public var regionCode: String?
    public var regionLongitude: Double?
    public var regionLatitude: Double?
    /// `simplified` or `traditional`: the script of the source.
    public var script: String
    /// Length of the cleaned text in Unicode code points.
    public var charCount: Int
    public var metricCount: Int
    public var policyCount: Int
    public var initiativeCount: Int
    /// `flag=count` pairs joined by `;`, sorted: `boilerplate_removed=4;byline_parsed=1`.
    public var qualityFlags: String
    /// 1.0 minus penalties for validation findings (errors 0.2, warnings 0.05); 0 at worst.
    public var qualityScore: Double
    /// Ids of reports collapsed into this one as republications, `;`-separated.
    public var duplicates: String
    /// Paths (or URLs) of the duplicates' sources, `;`-separated.
    public var duplicateSources: String
    public var sourcePath: String
    public var sourceURL: String?
    public var sourceSHA256: String
    public var sourceBytes: Int
    /// `text` or `html`.
    public var sourceFormat: String
    public var sourceEncoding: String
    /// The cleaned text; published in `reports.jsonl` only when the spec says `publish_text: true`.
    public var text: String?

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id", title, publishedDate = "published_date", publishedAsWritten = "published_as_written"
        case publisher, authors, editors, photographers, province, city, county, regionCode = "region_code"
        case regionLongitude = "region_longitude", regionLatitude = "region_latitude", script
        case charCount = "char_count", metricCount = "metric_count", policyCount = "policy_count"
        case initiativeCount = "initiative_count", qualityFlags = "quality_flags", qualityScore = "quality_score"
        case duplicates, duplicateSources = "duplicate_sources", sourcePath = "source_path", sourceURL = "source_url"
        case sourceSHA256 = "source_sha256", sourceBytes = "source_bytes", sourceFormat = "source_format"
        case sourceEncoding = "source_encoding", text
    }
}
