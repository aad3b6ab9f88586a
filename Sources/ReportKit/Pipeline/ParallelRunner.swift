import Dispatch
import Foundation
import Synchronization

/// Runs a per-document stage over many inputs on `jobs` threads and returns the results in input order.
///
/// Whichever thread finishes first, result `i` belongs to input `i`, so the output does not depend on
/// the number of jobs.
///
/// ```swift
/// let results = ParallelRunner(jobs: 2).run(pipeline, on: sources)  // [Result<StageOutcome<…>, Error>]
/// ```
public struct ParallelRunner: Sendable {
    /// The number of worker threads; at least 1.
    public let jobs: Int
    /// Called after each finished input with (finished, total); used for progress on stderr.
    public let progress: (@Sendable (Int, Int) -> Void)?

    public init(jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.jobs = max(1, jobs)
        self.progress = progress
    }

    /// The machine's core count, the default for `--jobs`.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    public func run<S: Stage>(_ stage: S, on inputs: [S.Input]) -> [Result<StageOutcome<S.Output>, any Error>] {
        let count = inputs.count
        let slots = Mutex([Result<StageOutcome<S.Output>, any Error>?](repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let workers = min(jobs, max(count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let outcome = Result { try stage.process(inputs[index]) }
                slots.withLock { $0[index] = outcome }
                let done = finished.add(1, ordering: .relaxed).newValue
                progress?(done, count)
            }
        }
        return slots.withLock { slots in
            slots.map { $0 ?? .failure(StageFailure(stage: stage.name, error: RunnerError.notRun)) }
        }
    }
}

private enum RunnerError: Error, CustomStringConvertible {
    case notRun
    var description: String { "the runner did not process this input (internal error)" }
}
