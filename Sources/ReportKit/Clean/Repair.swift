/// One change the clean stage made to a document's text, kept so `inspect` can show it and
/// the report's `quality_flags` can count it.
public struct Repair: Sendable, Codable, Equatable {
    /// The quality flag this repair raises, such as `pinyin_annotations_removed`.
    public let flag: String
    /// A short snippet before and after the change.
    public let before: String
    public let after: String

    public init(flag: String, before: String, after: String) {
        self.flag = flag
        self.before = before
        self.after = after
    }
}

/// The names of the quality flags the clean stage raises; the dataset README documents each.
public enum QualityFlagName {
    public static let pinyinRemoved = "pinyin_annotations_removed"
    public static let mojibakeRepaired = "mojibake_repaired"
    public static let mojibakeUnrepaired = "mojibake_unrepaired"
    public static let traditionalConverted = "traditional_converted"
    public static let boilerplateRemoved = "boilerplate_removed"
    public static let brokenNumberJoined = "broken_number_joined"
    public static let fullwidthNormalized = "fullwidth_normalized"
    public static let bylineParsed = "byline_parsed"
    public static let htmlMainContent = "html_main_content"
}
