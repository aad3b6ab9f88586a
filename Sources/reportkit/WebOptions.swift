import ArgumentParser
import Foundation
import ReportKit

/// Options for fetching `http(s)://` sources.
struct WebOptions: ParsableArguments {
    @Option(help: "Seconds before a silent request is abandoned.")
    var httpTimeout: Double = 30

    @Option(help: "Retries on 429, 5xx and connection errors (never on other 4xx).")
    var httpRetries: Int = 3

    @Option(help: "First retry backoff in seconds (doubled each retry, with jitter; Retry-After wins when longer).")
    var httpBackoff: Double = 1

    @Option(help: "Minimum seconds between two requests to the same host.")
    var httpDelay: Double = 1

    @Option(help: "Largest response body accepted, in bytes.")
    var httpMaxBytes: Int = 64 * 1024 * 1024

    var options: HTTPFetchOptions {
        var options = HTTPFetchOptions()
        options.timeout = httpTimeout
        options.retries = max(0, httpRetries)
        options.backoff = max(0, httpBackoff)
        options.perHostDelay = max(0, httpDelay)
        options.maxBytes = httpMaxBytes
        return options
    }
}
