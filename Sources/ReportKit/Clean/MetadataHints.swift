/// What the clean stage learnt about a report's metadata from HTML tags, bylines and credit lines,
/// before the lines that carried it were removed. The extract stage prefers these to guesses from the text.
public struct MetadataHints: Sendable, Codable, Equatable {
    public var title: String?
    /// Where the title came from: `og:title`, `json-ld`, `h1`, `<title>`, `first-line`.
    public var titleSource: String?
    /// The publication date or date-time as written (`2024-04-19 18:35`, `2024-05-20T09:30:00+08:00`).
    public var published: String?
    public var publisher: String?
    public var authors: [String] = []
    public var photographers: [String] = []
    public var editors: [String] = []
    public var summary: String?

    public init() {}
}
