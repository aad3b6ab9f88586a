import Dispatch
import Synchronization
import Testing
@testable import ReportKit

@Suite("LaneThreads") struct LaneThreadsTests {
    @Test("lanes that each wait for a later lane all finish, so every lane runs at the same time", arguments: [2, 3, 8])
    func lanesRunTogether(count: Int) {
        // Lane i waits until lane i + 1 has started: run one after another (as concurrentPerform does with fewer
        // threads than iterations), lane 0 would wait forever.
        let started = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        let ran = Mutex([Int]())
        let group = DispatchGroup()
        let result = Mutex<Bool?>(nil)
        DispatchQueue.global().async(group: group) {
            let outcome = LaneThreads.run(count) { lane in
                started[lane].signal()
                if lane + 1 < count { started[lane + 1].wait() }
                ran.withLock { $0.append(lane) }
            }
            result.withLock { $0 = outcome }
        }
        #expect(group.wait(timeout: .now() + 60) == .success)
        #expect(result.withLock { $0 } == true)
        #expect(ran.withLock { $0 }.sorted() == Array(0..<count))
    }

    @Test("one lane runs on the calling thread, and no lane calls nothing")
    func oneAndNone() {
        var calls: [Int] = []
        #expect(LaneThreads.run(1) { calls.append($0) })
        #expect(LaneThreads.run(0) { calls.append($0) })
        #expect(calls == [0])
    }
}
