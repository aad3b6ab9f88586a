import Foundation

/// Where one input document comes from: a local file (with the path users see) or an `http(s)://` URL.
public struct SourceReference: Sendable, Hashable, Codable {
    /// The file to read; `nil` for URL sources. Held as a path: the build keeps every source until it ends, and a
    /// `URL` costs about 450 bytes where the path string costs about 110.
    public let filePath: String?
    public var fileURL: URL? { filePath.map { URL(fileURLWithPath: $0) } }
    /// The URL to fetch; `nil` for files.
    public let remoteURL: String?
    /// The path or URL as published in the dataset: relative to the spec folder for pipeline
    /// sources, as given on the command line for `reportkit run`. Never an absolute path of the build machine.
    public let displayPath: String
    /// Metadata a manifest gives for this source (`publisher`, `date`); it beats extraction.
    public let overrides: [String: String]

    public init(fileURL: URL, displayPath: String) {
        self.init(filePath: fileURL.path, displayPath: displayPath)
    }

    public init(filePath: String, displayPath: String) {
        self.filePath = filePath
        self.remoteURL = nil
        self.displayPath = displayPath
        self.overrides = [:]
    }

    public init(remoteURL: String, overrides: [String: String] = [:]) {
        self.filePath = nil
        self.remoteURL = remoteURL
        self.displayPath = remoteURL
        self.overrides = overrides
    }

    static func isRemote(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
