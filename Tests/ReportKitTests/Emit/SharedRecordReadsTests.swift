import Dispatch
import Synchronization
import Testing
@testable import ReportKit

@Suite("SharedRecordReads") struct SharedRecordReadsTests {
    struct Broken: Error {}

    /// Runs `body` on `lanes` threads of their own, as emit does (``LaneThreads``); false when they do not all
    /// finish within a minute (a deadlock). Threads from the global queue are not enough: with fewer pool threads
    /// than lanes, a lane that waits for a later one never sees it start.
    func run(lanes: Int, _ body: @escaping @Sendable (Int) -> Void) -> Bool {
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { _ = LaneThreads.run(lanes, body) }
        return group.wait(timeout: .now() + 60) == .success
    }

    @Test("every lane sees every batch in order, and each batch is read once", arguments: [1, 2, 3])
    func everyBatchOnce(lanes: Int) {
        let reads = SharedRecordReads<[Int]>(batches: 50, lanes: lanes)
        let readCounts = Mutex([Int](repeating: 0, count: 50))
        let seen = Mutex([[Int]](repeating: [], count: lanes))
        let finished = run(lanes: lanes) { lane in
            for index in 0..<reads.batchCount {
                let batch = try? reads.batch(index, lane: lane) { asked in
                    readCounts.withLock { $0[asked] += 1 }
                    return [asked, asked * 10]
                }
                seen.withLock { $0[lane] += batch ?? [-1] }
            }
        }
        #expect(finished)
        #expect(readCounts.withLock { $0 } == Array(repeating: 1, count: 50))
        #expect(reads.heldBatches == 0)  // every batch let go once all lanes took it
        let expected = (0..<50).flatMap { [$0, $0 * 10] }
        for lane in 0..<lanes { #expect(seen.withLock { $0[lane] } == expected) }
    }

    @Test("a failed read, or a lane that stops, fails the others instead of leaving them waiting", arguments: [7, nil])
    func failures(failingRead: Int?) {
        let reads = SharedRecordReads<Int>(batches: 20, lanes: 2)
        let errors = Mutex([Int](repeating: 0, count: 2))
        let finished = run(lanes: 2) { lane in
            do {
                for index in 0..<reads.batchCount {
                    _ = try reads.batch(index, lane: lane) { asked in
                        if asked == failingRead { throw Broken() }  // batch 7 is lane 1's to read
                        return asked
                    }
                    if lane == 0 && index == 12 { throw Broken() }  // lane 0 stops while writing
                }
            } catch {
                errors.withLock { $0[lane] += 1 }
                reads.abandon(lane: lane)
            }
        }
        #expect(finished)
        #expect(errors.withLock { $0 } == [1, 1])
    }

    @Test("a lane waiting for another lane's batch reads its own next batch meanwhile")
    func readsAheadWhileWaiting() {
        let reads = SharedRecordReads<Int>(batches: 4, lanes: 2)
        let secondBatchRead = DispatchSemaphore(value: 0)
        let firstReadSawSecond = Mutex(false)
        let seen = Mutex([[Int]](repeating: [], count: 2))
        let finished = run(lanes: 2) { lane in
            for index in 0..<reads.batchCount {
                let batch = try? reads.batch(index, lane: lane) { asked in
                    // Lane 0's read of batch 0 holds on until lane 1 has read batch 1, which lane 1 only does
                    // before batch 0 is handed over if it reads ahead (otherwise this gives up after 10 s).
                    if asked == 0 { firstReadSawSecond.withLock { $0 = secondBatchRead.wait(timeout: .now() + 10) == .success } }
                    if asked == 1 { secondBatchRead.signal() }
                    return asked * 100
                }
                seen.withLock { $0[lane].append(batch ?? -1) }
            }
        }
        #expect(finished)
        #expect(firstReadSawSecond.withLock { $0 })
        #expect(seen.withLock { $0 } == [[0, 100, 200, 300], [0, 100, 200, 300]])
        #expect(reads.heldBatches == 0)
    }
}
