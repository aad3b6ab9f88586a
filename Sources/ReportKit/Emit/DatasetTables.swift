/// The four published tables and every field's documentation.
public enum DatasetTables {
    public static let reports = TableSchema<Report>(
        name: "reports", title: "Reports",
        description: "One row per report kept after deduplication: metadata, region, counts, quality and source.",
        columns: [
            .init("report_id", "string", "First 16 hex digits of the SHA-256 of the cleaned text; stable for the same text.", required: true, .string { $0.reportID }),
            .init("title", "string", "The report's title; empty when the report has none (never invented).", .string { $0.title }),
            .init("published_date", "date", "Publication date, ISO 8601, when the full date is stated in metadata or byline.", .string { $0.publishedDate }),
            .init("published_as_written", "string", "The date or date-time exactly as the source gives it.", .string { $0.publishedAsWritten }),
            .init("publisher", "string", "The outlet (人民网, 环球网, …).", .string { $0.publisher }),
            .init("authors", "string", "Reporters, `;`-separated.", .list { $0.authors }),
            .init("editors", "string", "Editors and reviewers from credit lines, `;`-separated.", .list { $0.editors }),
            .init("photographers", "string", "Photographers from captions, `;`-separated.", .list { $0.photographers }),
            .init("province", "string", "Province-level division of the place the report is about.", .string { $0.province }),
            .init("city", "string", "Prefecture-level division (地级市/州/盟) of the place, when below province level.", .string { $0.city }),
            .init("county", "string", "County-level division (县/县级市/区/旗), when the report is about one.", .string { $0.county }),
            .init("region_code", "string", "GB/T 2260 six-digit code of the place the report is about.", .string { $0.regionCode }),
            .init("region_longitude", "number", "Longitude of the place's seat (WGS-84), from the gazetteer.", .number { $0.regionLongitude }),
            .init("region_latitude", "number", "Latitude of the place's seat (WGS-84), from the gazetteer.", .number { $0.regionLatitude }),
            .init("script", "string", "Script of the source: simplified or traditional (converted to simplified).", required: true, allowed: ["simplified", "traditional"], .string { $0.script }),
            .init("char_count", "integer", "Length of the cleaned text in Unicode code points.", required: true, .integer { $0.charCount }),
            .init("metric_count", "integer", "Rows in metrics for this report.", required: true, .integer { $0.metricCount }),
            .init("policy_count", "integer", "Rows in policies for this report.", required: true, .integer { $0.policyCount }),
            .init("initiative_count", "integer", "Rows in initiatives for this report.", required: true, .integer { $0.initiativeCount }),
            .init("quality_flags", "string", "Repairs made while cleaning, `flag=count` pairs separated by `;` (see README).", .string { $0.qualityFlags }),
            .init("quality_score", "number", "1 minus 0.2 per validation error and 0.05 per warning, floored at 0.", required: true, .number { $0.qualityScore }),
            .init("duplicates", "string", "report_ids of republications collapsed into this report, `;`-separated.", .string { $0.duplicates }),
            .init("duplicate_sources", "string", "Sources of those republications, `;`-separated.", .string { $0.duplicateSources }),
            .init("source_path", "string", "The input file relative to the pipeline folder (or as given to `reportkit run`).", required: true, .string { $0.sourcePath }),
            .init("source_url", "string", "The URL the report was fetched from, for web sources.", .string { $0.sourceURL }),
            .init("source_sha256", "string", "SHA-256 of the source bytes exactly as read.", required: true, .string { $0.sourceSHA256 }),
            .init("source_bytes", "integer", "Size of the source in bytes.", required: true, .integer { $0.sourceBytes }),
            .init("source_format", "string", "text or html.", required: true, allowed: ["text", "html"], .string { $0.sourceFormat }),
            .init("source_encoding", "string", "The source's character encoding as detected (UTF-8, GB18030, UTF-16LE, …).", required: true, .string { $0.sourceEncoding }),
        ],
        primaryKey: ["report_id"], foreignKeys: [])

    public static let metrics = TableSchema<Metric>(
        name: "metrics", title: "Quantitative claims",
        description: "One row per figure a report claims, with what it measures and the exact sentence and offsets it came from.",
        columns: [
            .init("metric_id", "string", "`<report_id>-<char_start>`; stable for the same cleaned text.", required: true, .string { $0.metricID }),
            .init("report_id", "string", "The report the claim comes from.", required: true, .string { $0.reportID }),
            .init("indicator", "string", "Short phrase naming what is measured (零跑动可办事项, 可办率); empty when not found.", .string { $0.indicator }),
            .init("category", "string", "Business-environment indicator group (see README).", required: true, allowed: MetricCategory.all, .string { $0.category }),
            .init("value", "number", "The number as written (Chinese numerals as digits; 万/亿 stay in unit).", required: true, .number { $0.value }),
            .init("unit", "string", "The unit as written, with its magnitude: 万元, 个工作日, %.", .string { $0.unit }),
            .init("value_normalized", "number", "value × magnitude, in unit_normalized (4479.88万元 → 44798800).", required: true, .number { $0.valueNormalized }),
            .init("unit_normalized", "string", "Normalised unit: CNY, percent, percentage_point, item, case, enterprise, household, person, time, day, workday, hour, rank, … (see README).", required: true, .string { $0.unitNormalized }),
            .init("qualifier", "string", "exact, approx (近, 约), at_least (余, 多, 超过, 以上), at_most (以内, 不超过) or range.", required: true, allowed: ["exact", "approx", "at_least", "at_most", "range"], .string { $0.qualifier }),
            .init("value_max", "number", "Upper end of a range (10至55个工作日 → 55), in written units.", .number { $0.valueMax }),
            .init("baseline_value", "number", "Starting value of a from-to change (由31%提升至91.8% → 31).", .number { $0.baselineValue }),
            .init("kind", "string", "level, from_to, increase, decrease, rank or share.", required: true, allowed: ["level", "from_to", "increase", "decrease", "rank", "share"], .string { $0.kind }),
            .init("period", "string", "The period the claim refers to, as written in its sentence (截至2024年9月底, 今年以来).", .string { $0.period }),
            .init("quote", "string", "The claim exactly as in the cleaned text: text[char_start:char_end].", required: true, .string { $0.quote }),
            .init("sentence", "string", "The sentence that contains the claim.", required: true, repeats: true, .string { $0.sentence }),
            .init("char_start", "integer", "Start offset of the quote in the cleaned text, in Unicode code points (Python indexing).", required: true, .integer { $0.charStart }),
            .init("char_end", "integer", "End offset (exclusive) of the quote in the cleaned text, in Unicode code points.", required: true, .integer { $0.charEnd }),
        ],
        primaryKey: ["metric_id"], foreignKeys: [("report_id", "reports", "report_id")])

    static func terms(name: String, title: String, description: String, termDescription: String) -> TableSchema<TermMention> {
        TableSchema<TermMention>(
            name: name, title: title, description: description,
            columns: [
                .init("mention_id", "string", "`<report_id>-<char_start>`.", required: true, .hyphenated({ $0.reportID }, { $0.charStart })),
                .init("report_id", "string", "The report that names it.", required: true, .string { $0.reportID }),
                .init("term", "string", termDescription, required: true, .string { $0.term }),
                .init("document_type", "string", "For policies: the document type from the title's ending (规定, 方案, 办法, 细则, 通知, 清单, 制度, 条例, 意见, 指南, …, or 其他).", .string { $0.documentType }),
                .init("sentence", "string", "The sentence of the first mention.", required: true, repeats: true, .string { $0.sentence }),
                .init("char_start", "integer", "Start offset of the term (without brackets) in the cleaned text, in code points.", required: true, .integer { $0.charStart }),
                .init("char_end", "integer", "End offset (exclusive) of the term in the cleaned text.", required: true, .integer { $0.charEnd }),
            ],
            primaryKey: ["mention_id"], foreignKeys: [("report_id", "reports", "report_id")])
    }

    public static let policies = terms(
        name: "policies", title: "Policy documents",
        description: "Every distinct 《…》 document title a report names, at its first mention.",
        termDescription: "The document's title without 《》.")

    public static let initiatives = terms(
        name: "initiatives", title: "Reform initiatives",
        description: "Reform names and slogans in “…” (not quoted speech, not honours), each distinct one at its first mention.",
        termDescription: "The initiative's name without quotation marks.")
}
