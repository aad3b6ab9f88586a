import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Runs lanes that wait for each other (emit's lanes hand record batches over, ``SharedRecordReads``), each on
/// a thread of its own.
///
/// `DispatchQueue.concurrentPerform` is not enough for such work: with fewer threads than iterations (one CPU,
/// `taskset -c 0`, a busy pool) it runs iterations one after another, and a lane waiting for a later lane's batch
/// then waits forever (`reportkit build --jobs 2` hung on one CPU).
enum LaneThreads {
    /// Calls `body(0)`…`body(count - 1)` at the same time, lane 0 on the calling thread, and returns once every
    /// lane has returned. Returns false, without calling `body` at all, when a thread could not be started:
    /// the caller can then fall back to a single lane.
    static func run(_ count: Int, _ body: (Int) -> Void) -> Bool {
        guard count > 1 else {
            if count == 1 { body(0) }
            return true
        }
        return withoutActuallyEscaping(body) { body in
            let gate = Gate(lanes: count - 1)
            let lanes = (1..<count).map { Lane(index: $0, body: body, gate: gate) }
            var threads: [pthread_t] = []
            for lane in lanes {
                guard let thread = start(lane) else { break }
                threads.append(thread)
            }
            let started = threads.count == lanes.count
            gate.open(run: started)  // every started thread waits here first, so none runs when one failed
            if started { body(0) }
            // The threads hold their lanes unretained: keep them alive until every thread has ended.
            withExtendedLifetime(lanes) {
                for thread in threads { pthread_join(thread, nil) }
            }
            return started
        }
    }

    /// One lane's call, handed to its thread (which holds it unretained: `run` joins the thread before it returns).
    private final class Lane {
        let index: Int
        let body: (Int) -> Void
        let gate: Gate

        init(index: Int, body: @escaping (Int) -> Void, gate: Gate) {
            self.index = index
            self.body = body
            self.gate = gate
        }
    }

    /// Holds the started threads until all could be started, then lets them run (or return at once).
    private final class Gate: @unchecked Sendable {
        private let opened = DispatchSemaphore(value: 0)
        private let lanes: Int
        /// Written before `opened` is signalled, read after waiting on it.
        private var shouldRun = false

        init(lanes: Int) { self.lanes = lanes }

        func open(run: Bool) {
            shouldRun = run
            for _ in 0..<lanes { opened.signal() }
        }

        func pass() -> Bool {
            opened.wait()
            return shouldRun
        }
    }

    private static func start(_ lane: Lane) -> pthread_t? {
        var thread = pthread_t()
        let context = Unmanaged.passUnretained(lane).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            let lane = Unmanaged<Lane>.fromOpaque(context!).takeUnretainedValue()
            if lane.gate.pass() { lane.body(lane.index) }
            return nil
        }, context)
        return status == 0 ? thread : nil
    }
}
