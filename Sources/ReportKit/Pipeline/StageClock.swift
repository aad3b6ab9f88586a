import Dispatch
import Synchronization

/// Accumulates the time each stage spends, summed over all documents and threads, for `--timings-file`
/// and `make bench`. Timings never enter a dataset: they differ on every run.
public final class StageClock: Sendable {
    private let totals = Mutex<[String: (seconds: Double, calls: Int)]>([:])

    public init() {}

    func record(_ stage: String, nanoseconds: UInt64) {
        totals.withLock { totals in
            let current = totals[stage] ?? (0, 0)
            totals[stage] = (current.seconds + Double(nanoseconds) / 1e9, current.calls + 1)
        }
    }

    /// Stage name → (seconds, calls), summed over threads (CPU-side time, not wall time).
    public var snapshot: [String: (seconds: Double, calls: Int)] { totals.withLock { $0 } }

    /// Measures `body` under `stage`.
    public func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record(stage, nanoseconds: DispatchTime.now().uptimeNanoseconds - start) }
        return try body()
    }
}

/// A stage that reports its time to a ``StageClock``.
public struct TimedStage<Inner: Stage>: Stage {
    public let inner: Inner
    public let clock: StageClock

    public init(_ inner: Inner, clock: StageClock) {
        self.inner = inner
        self.clock = clock
    }

    public var name: String { inner.name }

    public func process(_ input: Inner.Input) throws -> StageOutcome<Inner.Output> {
        try clock.measure(inner.name) { try inner.process(input) }
    }
}

extension Stage {
    /// This stage, timed into `clock`.
    public func timed(_ clock: StageClock) -> TimedStage<Self> { TimedStage(self, clock: clock) }
}
