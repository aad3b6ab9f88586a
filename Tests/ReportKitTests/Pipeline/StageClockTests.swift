import Dispatch
import Foundation
import Testing
@testable import ReportKit

@Suite("StageClock") struct StageClockTests {
    /// A stage that sleeps `microseconds` and hands its input on.
    struct Sleeper: Stage {
        let name: String
        let microseconds: UInt32
        func process(_ input: Int) throws -> StageOutcome<Int> {
            if microseconds > 0 { usleep(microseconds) }
            return .keep(input)
        }
    }

    @Test("timed stages and measure calls from many threads are all counted, per stage name")
    func countsEveryCall() throws {
        let clock = StageClock()
        let fast = Sleeper(name: "fast", microseconds: 0).timed(clock)
        let slow = Sleeper(name: "slow", microseconds: 1_000).timed(clock)
        let twin = Sleeper(name: "fast", microseconds: 0).timed(clock)  // same name: the same totals
        _ = Sleeper(name: "never", microseconds: 0).timed(clock)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            _ = try? fast.process(index)
            _ = try? twin.process(index)
            if index % 10 == 0 { _ = try? slow.process(index) }
            clock.measure("global") { _ = index * 2 }
        }
        let totals = clock.snapshot
        #expect(totals["fast"]?.calls == 800)
        #expect(totals["slow"]?.calls == 40)
        #expect(totals["global"]?.calls == 400)
        #expect(totals["never"] == nil)  // a stage that never ran is not reported
        #expect((totals["slow"]?.seconds ?? 0) >= 0.040)  // 40 sleeps of at least a millisecond each
        #expect((totals["fast"]?.seconds ?? 1) < (totals["slow"]?.seconds ?? 0))
    }

    @Test("measure hands back the body's value and passes its error on, still counting the call")
    func measureIsTransparent() {
        struct Failure: Error {}
        let clock = StageClock()
        #expect(clock.measure("x") { 42 } == 42)
        #expect(throws: Failure.self) { try clock.measure("x") { throw Failure() } }
        #expect(clock.snapshot["x"]?.calls == 2)
    }
}
