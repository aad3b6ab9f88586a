/// Why the clean stage could not produce a report from a document.
public enum CleanError: Error, Sendable, Equatable, CustomStringConvertible {
    case noArticleText(String, String)

    public var description: String {
        switch self {
        case .noArticleText(let path, let detail):
            "No article text found in the page '\(path)' (\(detail)). If the page nests its markup deeper than "
                + "libxml2's limit of 256 levels, the text past that depth is lost; save the article as text instead."
        }
    }
}
