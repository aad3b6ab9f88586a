import Foundation

/// How politely and robustly web sources are fetched.
public struct HTTPFetchOptions: Sendable {
    public var userAgent = "ReportKit/\(ReportKitVersion.current) (+https://github.com/reportkit; open-data research)"
    /// Seconds before a request that has sent nothing is abandoned.
    public var timeout: TimeInterval = 30
    /// The largest body accepted, in bytes.
    public var maxBytes = 64 * 1024 * 1024
    /// Retries after the first attempt, on 429, 5xx and connection errors (never on other 4xx).
    public var retries = 3
    /// First backoff in seconds; doubled each retry, plus up to 50% jitter. `Retry-After` wins when larger.
    public var backoff: TimeInterval = 1
    /// The longest wait honoured from a `Retry-After` header.
    public var maxRetryAfter: TimeInterval = 120
    /// Minimum seconds between two requests to the same host.
    public var perHostDelay: TimeInterval = 1
    /// Response cache for conditional requests (`ETag`, `Last-Modified`); nil for none.
    public var cacheDirectory: URL?
    /// Serve only from the cache; a URL not cached is rejected.
    public var offline = false

    public init() {}
}
