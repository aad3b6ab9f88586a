/// One quantitative claim a report makes, traceable to the exact characters it came from.
public struct Metric: Sendable, Codable, Equatable {
    /// `<report_id>-<char_start>`: stable for the same cleaned text.
    public var metricID: String
    public var reportID: String
    /// What is measured, as a short phrase from the text (`零跑动可办事项`, `可办率`); empty when not found.
    public var indicator: String
    /// One of ``MetricCategory/all``.
    public var category: String
    /// The number as written (Chinese numerals as digits; 万/亿 stay in `unit`).
    public var value: Double
    /// The unit as written, with its magnitude: `万元`, `个工作日`, `%`.
    public var unit: String
    public var valueNormalized: Double
    public var unitNormalized: String
    /// exact | approx | at_least | at_most | range
    public var qualifier: String
    public var valueMax: Double?
    /// The starting value of a change written `由31%提升至91.8%`.
    public var baselineValue: Double?
    /// level | from_to | increase | decrease | rank | share
    public var kind: String
    /// The period the claim refers to, as written (`今年以来`, `截至2024年9月底`), when the sentence says.
    public var period: String?
    /// The claim exactly as it reads in the cleaned text: `text[char_start..<char_end]`.
    public var quote: String
    public var sentence: String
    /// Offsets in Unicode code points into the report's cleaned text (Python `text[start:end]`).
    public var charStart: Int
    public var charEnd: Int

    enum CodingKeys: String, CodingKey {
        case metricID = "metric_id", reportID = "report_id", indicator, category, value, unit
        case valueNormalized = "value_normalized", unitNormalized = "unit_normalized", qualifier
        case valueMax = "value_max", baselineValue = "baseline_value", kind, period, quote, sentence
        case charStart = "char_start", charEnd = "char_end"
    }
}
