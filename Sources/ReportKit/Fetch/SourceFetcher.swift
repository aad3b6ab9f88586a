import Foundation

/// The fetch stage: local files through ``LocalFileFetcher``, `http(s)://` sources through ``HTTPFetcher``.
/// Failures are tagged `fetch.file` or `fetch.http` so `rejected.jsonl` says which.
public struct SourceFetcher: Stage {
    public var name: String { "fetch" }
    let local: LocalFileFetcher
    let http: HTTPFetcher

    public init(options: PipelineRunner.Options) {
        local = LocalFileFetcher(maxBytes: options.maxBytes)
        var httpOptions = options.http
        if httpOptions.cacheDirectory == nil { httpOptions.cacheDirectory = options.cacheDirectory }
        http = HTTPFetcher(options: httpOptions)
    }

    public func process(_ source: SourceReference) throws -> StageOutcome<RawDocument> {
        let stage = source.remoteURL == nil ? local.name : http.name
        do {
            return source.remoteURL == nil ? try local.process(source) : try http.process(source)
        } catch {
            throw StageFailure(stage: stage, error: error)
        }
    }
}
