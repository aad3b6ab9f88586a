import Dispatch
import Synchronization

/// Lets emit's lanes read each spooled record once between them: the reports are cut into batches, lane `i`
/// reads the batches whose index is `i` modulo the lane count, and every lane writes from every batch. Each
/// lane reading every record had doubled emit's reads at `--jobs 2` (727 MB of `pread`s per lane on the bench
/// corpus). Batches are taken in order, so a lane is never more than a couple of batches ahead of the other and
/// memory holds a few batches at a time. A lane about to wait for another lane's batch first reads its own next
/// batch (one ahead at most): without that the lanes took turns reading, and each sat idle for about a quarter of
/// emit while the other read.
final class SharedRecordReads<Batch>: @unchecked Sendable {
    /// One batch: filled by its reading lane, then handed to the others through `ready`.
    private final class Slot {
        let ready = DispatchSemaphore(value: 0)
        /// Written once by the reading lane before `ready` is signalled; read after waiting on it.
        var batch: Result<Batch, any Error>?
        /// Set by the reading lane only (so read by it without a lock).
        var filled = false
        /// The reading lane's own copy of a batch it read ahead, until it gets there (that lane only).
        var readAhead: Result<Batch, any Error>?
        /// Lanes still to take the batch; the last one lets it go, so memory holds only batches in use.
        let waiting: Mutex<Int>

        init(waiting: Int) { self.waiting = Mutex(waiting) }
    }

    struct LaneGaveUp: Error, CustomStringConvertible {
        var description: String { "another emit lane stopped with an error before reading its records" }
    }

    let lanes: Int
    private let slots: [Slot]

    init(batches: Int, lanes: Int) {
        self.lanes = max(1, lanes)
        slots = (0..<batches).map { _ in Slot(waiting: max(1, lanes) - 1) }
    }

    var batchCount: Int { slots.count }

    /// Batch `index` for `lane`: read with `read(index)` when it is this lane's to read, otherwise waited for.
    func batch(_ index: Int, lane: Int, read: (Int) throws -> Batch) throws -> Batch {
        let slot = slots[index]
        guard index % lanes == lane else {
            if slot.ready.wait(timeout: .now()) == .timedOut {
                readAhead(after: index, lane: lane, read: read)
                slot.ready.wait()
            }
            let batch = slot.batch!
            if slot.waiting.withLock({ waiting in
                waiting -= 1
                return waiting == 0
            }) {
                slot.batch = nil  // every lane has it: without this the slots kept every record of the build
            }
            return try batch.get()
        }
        if let early = slot.readAhead {
            slot.readAhead = nil
            return try early.get()
        }
        let batch = Result { try read(index) }
        hand(batch, to: slot)
        return try batch.get()
    }

    /// Reads `lane`'s first batch after `index` now, if it has not been read yet, and keeps a copy for the lane.
    private func readAhead(after index: Int, lane: Int, read: (Int) throws -> Batch) {
        let next = index + (lane - index % lanes + lanes) % lanes
        guard next < slots.count, !slots[next].filled else { return }
        let batch = Result { try read(next) }
        slots[next].readAhead = batch
        hand(batch, to: slots[next])
    }

    /// Called when `lane` stops early: every batch it has not read yet fails for the others, so none waits forever.
    func abandon(lane: Int) {
        for index in stride(from: lane, to: slots.count, by: lanes) where !slots[index].filled {
            hand(.failure(LaneGaveUp()), to: slots[index])
        }
    }

    /// Batches still held for a lane that has not taken them (0 once every lane is through).
    var heldBatches: Int { slots.filter { $0.batch != nil || $0.readAhead != nil }.count }

    private func hand(_ batch: Result<Batch, any Error>, to slot: Slot) {
        if lanes > 1 { slot.batch = batch }  // a lone lane keeps nothing
        slot.filled = true
        for _ in 0..<(lanes - 1) { slot.ready.signal() }  // once for each lane that waits for it
    }
}
