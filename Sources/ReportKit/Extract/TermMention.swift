/// A policy document (`《…》`) or a reform initiative (`“…”`) named in a report.
public struct TermMention: Sendable, Codable, Equatable {
    public var reportID: String
    /// The name without its brackets or quotes.
    public var term: String
    /// For policies, the document type from the title's ending (规定, 方案, 办法, …), or `其他`.
    public var documentType: String?
    public var sentence: String
    /// Offsets in Unicode code points of the term (without brackets) in the cleaned text.
    public var charStart: Int
    public var charEnd: Int

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id", term, documentType = "document_type", sentence
        case charStart = "char_start", charEnd = "char_end"
    }
}
