import Dispatch
import Synchronization

/// Accumulates the time each stage spends, summed over all documents and threads, for `--timings-file`
/// and `make bench`. Timings never enter a dataset: they differ on every run.
///
/// Each stage name has one ``Counter``; a ``TimedStage`` looks its counter up once, so timing a document is two
/// atomic additions. Looking the name up in a locked dictionary on every call cost both worker threads a lock and
/// two string hashes per stage and document (180,000 of them on the 20,000-report bench corpus).
public final class StageClock: Sendable {
    /// One stage's running totals.
    final class Counter: Sendable {
        private let nanoseconds = Atomic<UInt64>(0)
        private let calls = Atomic<Int>(0)

        func add(nanoseconds elapsed: UInt64) {
            nanoseconds.wrappingAdd(elapsed, ordering: .relaxed)
            calls.wrappingAdd(1, ordering: .relaxed)
        }

        var totals: (seconds: Double, calls: Int) {
            (Double(nanoseconds.load(ordering: .relaxed)) / 1e9, calls.load(ordering: .relaxed))
        }
    }

    private let counters = Mutex<[String: Counter]>([:])

    public init() {}

    /// The counter of `stage`, created on first use.
    func counter(_ stage: String) -> Counter {
        counters.withLock { counters in
            if let counter = counters[stage] { return counter }
            let counter = Counter()
            counters[stage] = counter
            return counter
        }
    }

    /// Stage name → (seconds, calls), summed over threads (CPU-side time, not wall time). Stages that have not
    /// finished a call yet are left out.
    public var snapshot: [String: (seconds: Double, calls: Int)] {
        counters.withLock { $0 }.mapValues(\.totals).filter { $0.value.calls > 0 }
    }

    /// Measures `body` under `stage`.
    public func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        try Self.measure(counter(stage), body)
    }

    /// Measures `body` into `counter`.
    static func measure<T>(_ counter: Counter, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { counter.add(nanoseconds: DispatchTime.now().uptimeNanoseconds - start) }
        return try body()
    }
}

/// A stage that reports its time to a ``StageClock``.
public struct TimedStage<Inner: Stage>: Stage {
    public let inner: Inner
    public let clock: StageClock
    /// `clock`'s counter for the inner stage's name, looked up once.
    private let counter: StageClock.Counter

    public init(_ inner: Inner, clock: StageClock) {
        self.inner = inner
        self.clock = clock
        counter = clock.counter(inner.name)
    }

    public var name: String { inner.name }

    public func process(_ input: Inner.Input) throws -> StageOutcome<Inner.Output> {
        try StageClock.measure(counter) { try inner.process(input) }
    }
}

extension Stage {
    /// This stage, timed into `clock`.
    public func timed(_ clock: StageClock) -> TimedStage<Self> { TimedStage(self, clock: clock) }
}
