/// One generated report of a ``SyntheticCorpus``: its file name and bytes, what kind it is, and its
/// plain Simplified text before any HTML wrapping, script conversion or encoding.
///
/// ```swift
/// let report = try corpus.report(at: 0)
/// report.fileName      // "000001.txt" or "000001.html"
/// report.duplicateOf   // nil, or the index of the report it republishes
/// ```
public struct SyntheticReport: Sendable, Equatable {
    public enum Script: String, Sendable, Codable { case simplified, traditional }
    public enum Encoding: String, Sendable, Codable {
        case utf8 = "UTF-8"
        case gbk = "GBK"
    }

    /// 0-based position in the corpus; the file is numbered from 1.
    public var index: Int
    /// `000001.txt`, or `.html` for a wrapped page.
    public var fileName: String
    public var isHTML: Bool
    public var script: Script
    /// `.gbk` files are GBK bytes; characters GBK lacks are written as GB18030, its superset, so the file
    /// still decodes as GB18030.
    public var encoding: Encoding
    /// The index of the earlier report this one republishes with a new title, byline, footer and one
    /// changed sentence.
    public var duplicateOf: Int?
    public var title: String
    public var byline: String
    /// The body's sentences in order (sub-headings left out).
    public var sentences: [String]
    public var footer: String
    /// Title, byline, paragraphs and footer as plain Simplified text.
    public var text: String
    /// The file's content.
    public var bytes: [UInt8]
}
