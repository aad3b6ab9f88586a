import Foundation

/// The bytes of one input exactly as read, with the facts that make it traceable.
public struct RawDocument: Sendable {
    public let source: SourceReference
    public let bytes: [UInt8]
    /// Lower-case hex SHA-256 of `bytes`.
    public let sha256: String
    /// The charset the server declared in `Content-Type`; it beats guessing.
    public let declaredCharset: String?
    /// How the document was fetched, for web sources.
    public let fetch: FetchRecord?

    public init(source: SourceReference, bytes: [UInt8], declaredCharset: String? = nil, fetch: FetchRecord? = nil) {
        self.source = source
        self.bytes = bytes
        self.sha256 = SHA256Hex.digest(bytes)
        self.declaredCharset = declaredCharset
        self.fetch = fetch
    }
}

/// What happened when a URL was fetched: published in provenance (the fetch time stays in the cache).
public struct FetchRecord: Sendable, Codable, Equatable {
    public var url: String
    public var finalURL: String
    public var status: Int
    public var etag: String?
    public var lastModified: String?
    public var redirects: [String]
    /// True when the body came from the response cache (a 304 or `--offline`).
    public var fromCache: Bool

    enum CodingKeys: String, CodingKey {
        case url, finalURL = "final_url", status, etag, lastModified = "last_modified", redirects, fromCache = "from_cache"
    }
}
