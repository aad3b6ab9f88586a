import Foundation

/// Where one input document comes from: a local file (with the path users see) or a URL.
public struct SourceReference: Sendable, Hashable, Codable {
    /// The file to read; `nil` for URL sources.
    public let fileURL: URL?
    /// The path or URL as published in the dataset: relative to the spec folder for pipeline
    /// sources, as given on the command line for `reportkit run`. Never an absolute path of the build machine.
    public let displayPath: String

    public init(fileURL: URL, displayPath: String) {
        self.fileURL = fileURL
        self.displayPath = displayPath
    }
}
