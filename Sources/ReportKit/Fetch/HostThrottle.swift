import Foundation
import Synchronization

/// One request at a time per host, at least `delay` seconds apart: the polite-crawler rule.
final class HostThrottle: Sendable {
    private let state = Mutex<[String: (busy: Bool, last: Date)]>([:])
    let delay: TimeInterval

    init(delay: TimeInterval) {
        self.delay = delay
    }

    /// Runs `body` holding the host's slot, after the host's delay has passed.
    func withSlot<T>(host: String, _ body: () throws -> T) rethrows -> T {
        while true {
            let wait: TimeInterval? = state.withLock { hosts in
                let entry = hosts[host] ?? (false, .distantPast)
                if entry.busy { return 0.01 }
                let remaining = delay - Date().timeIntervalSince(entry.last)
                if remaining > 0 { return remaining }
                hosts[host] = (true, entry.last)
                return nil
            }
            guard let wait else { break }
            Thread.sleep(forTimeInterval: min(wait, 0.25))
        }
        defer { state.withLock { $0[host] = (false, Date()) } }
        return try body()
    }
}
