import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Why a URL could not be fetched.
public enum HTTPFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case status(String, Int)
    case transport(String, String)
    case tooLarge(String, Int)
    case truncated(String, expected: Int, received: Int)
    case cutOff(String, String)
    case notCached(String)
    case invalidURL(String)

    public var description: String {
        switch self {
        case .status(let url, let code): "\(url) answered HTTP \(code)."
        case .transport(let url, let reason): "\(url) could not be fetched: \(reason)."
        case .tooLarge(let url, let limit): "\(url) is larger than the limit of \(limit) bytes."
        case .truncated(let url, let expected, let received):
            "\(url) sent \(received) of the \(expected) bytes it announced: the body was cut off."
        case .cutOff(let url, let detail): "\(url) was cut off before its body was complete (\(detail))."
        case .notCached(let url): "\(url) is not in the response cache, and --offline forbids fetching it."
        case .invalidURL(let url): "'\(url)' is not a valid URL."
        }
    }

    var isRetryable: Bool {
        switch self {
        case .status(_, let code): code == 429 || code >= 500
        case .transport, .truncated, .cutOff: true
        default: false
        }
    }
}

/// Fetches `http(s)://` sources politely and robustly: a clear User-Agent, one request at a time per host
/// with a delay, timeouts, a body-size limit, redirects followed and recorded, retries with exponential
/// backoff and jitter on 429/5xx/connection errors (honouring `Retry-After`), none on other 4xx, and
/// conditional requests against a response cache so unchanged pages are not downloaded again.
public final class HTTPFetcher: Stage, Sendable {
    public var name: String { "fetch.http" }
    public let options: HTTPFetchOptions
    private let throttle: HostThrottle
    private let session: URLSession
    private let delegate: RedirectRecorder
    /// Bodies actually transferred (not 304s or cache hits): lets tests check a rebuild downloads nothing.
    private let transferred = Mutex(0)

    public init(options: HTTPFetchOptions) {
        self.options = options
        self.throttle = HostThrottle(delay: options.perHostDelay)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout * 4
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["User-Agent": options.userAgent, "Accept-Encoding": "identity"]
        let delegate = RedirectRecorder()
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    public var bodiesTransferred: Int { transferred.withLock { $0 } }

    public func process(_ source: SourceReference) throws -> StageOutcome<RawDocument> {
        guard let urlText = source.remoteURL else { return try LocalFileFetcher(maxBytes: options.maxBytes).process(source) }
        guard let url = URL(string: urlText), let host = url.host else { throw HTTPFetchError.invalidURL(urlText) }
        let cache = options.cacheDirectory.map { HTTPResponseCache(directory: $0.appendingPathComponent("http")) }
        let cached = cache?.load(urlText)
        if options.offline {
            guard let (entry, body) = cached else { throw HTTPFetchError.notCached(urlText) }
            return .keep(document(source, body: body, entry: entry, fromCache: true))
        }
        var attempt = 0
        while true {
            do {
                let response = try throttle.withSlot(host: host) { try request(url, conditionalOn: cached?.0) }
                if response.status == 304, let (entry, body) = cached {
                    var refreshed = entry
                    refreshed.fetchedAt = ISO8601DateFormatter().string(from: Date())
                    cache?.store(refreshed, body: body)
                    return .keep(document(source, body: body, entry: refreshed, fromCache: true))
                }
                guard (200..<300).contains(response.status) else { throw HTTPFetchError.status(urlText, response.status) }
                transferred.withLock { $0 += 1 }
                let entry = HTTPResponseCache.Entry(
                    url: urlText, finalURL: response.finalURL, status: response.status, etag: response.etag,
                    lastModified: response.lastModified, contentType: response.contentType, redirects: response.redirects,
                    sha256: SHA256Hex.digest(response.body), fetchedAt: ISO8601DateFormatter().string(from: Date()))
                cache?.store(entry, body: response.body)
                return .keep(document(source, body: response.body, entry: entry, fromCache: false))
            } catch let error as HTTPFetchError {
                guard error.isRetryable, attempt < options.retries else { throw error }
                var wait = options.backoff * pow(2, Double(attempt)) * (1 + Double.random(in: 0..<0.5))
                if case .status = error, let retryAfter = delegate.lastRetryAfter(for: urlText) {
                    wait = max(wait, min(retryAfter, options.maxRetryAfter))
                }
                Thread.sleep(forTimeInterval: wait)
                attempt += 1
            }
        }
    }

    private func document(_ source: SourceReference, body: [UInt8], entry: HTTPResponseCache.Entry, fromCache: Bool) -> RawDocument {
        RawDocument(
            source: source, bytes: body, declaredCharset: Self.charset(of: entry.contentType),
            fetch: FetchRecord(
                url: entry.url, finalURL: entry.finalURL, status: entry.status, etag: entry.etag, lastModified: entry.lastModified,
                redirects: entry.redirects, fromCache: fromCache))
    }

    static func charset(of contentType: String?) -> String? {
        guard let contentType, let range = contentType.lowercased().range(of: "charset=") else { return nil }
        let value = contentType.lowercased()[range.upperBound...].prefix { !";, ".contains($0) }
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    struct Response {
        var status: Int
        var body: [UInt8]
        var finalURL: String
        var etag: String?
        var lastModified: String?
        var contentType: String?
        var redirects: [String]
    }

    private func request(_ url: URL, conditionalOn entry: HTTPResponseCache.Entry?) throws -> Response {
        var request = URLRequest(url: url, timeoutInterval: options.timeout)
        if let etag = entry?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = entry?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        let result = Mutex<(Data?, URLResponse?, (any Error)?)?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            result.withLock { $0 = (data, response, error) }
            done.signal()
        }
        delegate.begin(task: task.taskIdentifier, url: url.absoluteString)
        task.resume()
        done.wait()
        let redirects = delegate.finish(task: task.taskIdentifier)
        let (data, response, error) = result.withLock { $0 } ?? (nil, nil, nil)
        let urlText = url.absoluteString
        if let error {
            let description = error.localizedDescription
            if description.contains("remaining to read") || (error as? URLError)?.code == .networkConnectionLost {
                throw HTTPFetchError.cutOff(urlText, description)
            }
            let reason = (error as? URLError)?.code == .timedOut ? "timed out after \(Int(options.timeout)) s" : description
            throw HTTPFetchError.transport(urlText, reason)
        }
        guard let http = response as? HTTPURLResponse else { throw HTTPFetchError.transport(urlText, "no HTTP response") }
        let body = [UInt8](data ?? Data())
        if body.count > options.maxBytes { throw HTTPFetchError.tooLarge(urlText, options.maxBytes) }
        if let length = http.value(forHTTPHeaderField: "Content-Length").flatMap(Int.init), http.statusCode != 304,
            length > body.count
        {
            throw HTTPFetchError.truncated(urlText, expected: length, received: body.count)
        }
        if let retryAfter = http.value(forHTTPHeaderField: "Retry-After").flatMap(TimeInterval.init) {
            delegate.noteRetryAfter(retryAfter, for: urlText)
        }
        return Response(
            status: http.statusCode, body: body, finalURL: http.url?.absoluteString ?? urlText,
            etag: http.value(forHTTPHeaderField: "ETag"), lastModified: http.value(forHTTPHeaderField: "Last-Modified"),
            contentType: http.value(forHTTPHeaderField: "Content-Type"), redirects: redirects)
    }
}

/// Records each task's redirect chain and the last `Retry-After` per URL.
final class RedirectRecorder: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let chains = Mutex<[Int: [String]]>([:])
    private let retryAfter = Mutex<[String: TimeInterval]>([:])

    func begin(task: Int, url: String) { chains.withLock { $0[task] = [] } }
    func finish(task: Int) -> [String] { chains.withLock { $0.removeValue(forKey: task) ?? [] } }
    func noteRetryAfter(_ seconds: TimeInterval, for url: String) { retryAfter.withLock { $0[url] = seconds } }
    func lastRetryAfter(for url: String) -> TimeInterval? { retryAfter.withLock { $0.removeValue(forKey: url) } }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        if let target = request.url?.absoluteString { chains.withLock { $0[task.taskIdentifier, default: []].append(target) } }
        completionHandler(request)
    }
}
