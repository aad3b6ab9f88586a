/// A synthetic report before rendering: the parts a republication changes (title, byline, footer) kept
/// apart from the body, whose sentences it keeps but one.
struct ReportDraft: Sendable {
    struct Paragraph: Sendable {
        /// A sub-heading printed on its own line before the paragraph, as the samples have.
        var heading: String?
        var sentences: [String]
    }

    var title: String
    var byline: String
    var outlet: String
    var author: String
    /// `2024-04-19 18:35`.
    var published: String
    var place: SyntheticVocabulary.Place
    var paragraphs: [Paragraph]
    var footer: String

    /// Title, byline, paragraphs and footer, separated by blank lines like the sample reports.
    var text: String {
        var blocks = [title, byline]
        for paragraph in paragraphs {
            if let heading = paragraph.heading { blocks.append(heading) }
            blocks.append(paragraph.sentences.joined())
        }
        blocks.append(footer)
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
