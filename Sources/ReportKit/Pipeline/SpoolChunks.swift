import Synchronization

/// Gathers the spool's records into large aligned writes. Records are placed one after another in a chunk: a
/// `capacity`-sized, `capacity`-aligned range of the file. The chunk keeps the records' arrays themselves (the
/// rendered rows arrive as the record, so the spool copies nothing) and writes them with one `pwritev` when the
/// next record does not fit (or before anything is read). One write per record (about 40 KB) made the kernel
/// cache the spool in small pages: writing, reading back and freeing 800 MB that way cost about twice as much
/// kernel time as in 1 MB writes. A chunk's unused tail stays a hole in the file.
///
/// Thread-safe: a chunk is filled by one thread at a time (taken from the pool, returned after the append), so
/// a record's offset is handed out only once its bytes are held by a pooled chunk or in the file.
final class SpoolChunks: Sendable {
    /// The records of one chunk not yet in the file.
    private final class Chunk: @unchecked Sendable {
        /// Where the chunk starts in the file.
        var base: UInt64
        /// The parts placed since the last write, in order.
        var pending: [[UInt8]] = []
        /// Bytes placed, and how many of them are already in the file.
        var used = 0, written = 0

        init(base: UInt64) { self.base = base }

        /// Writes the parts placed since the last write.
        func writeOut(to descriptor: Int32) -> Bool {
            guard written < used else { return true }
            guard FileDescriptorIO.write(pending, to: descriptor, at: base + UInt64(written)) else { return false }
            pending.removeAll(keepingCapacity: true)
            written = used
            return true
        }
    }

    /// Parts a chunk holds before it writes them, whatever their size: one `pwritev` takes at most `IOV_MAX`
    /// (1024) of them.
    static let maxPending = 256

    let capacity: Int
    private let descriptor: Int32
    /// The file offset of the next unreserved chunk; always a multiple of `capacity`.
    private let end = Mutex<UInt64>(0)
    /// Chunks not being filled right now.
    private let pool = Mutex<[Chunk]>([])
    /// Whether a pooled chunk may hold bytes not yet written.
    private let pending = Atomic<Bool>(false)

    init(descriptor: Int32, capacity: Int = 1 << 20) {
        precondition(capacity > 0)
        self.descriptor = descriptor
        self.capacity = capacity
    }

    /// Reserves `length` bytes of file at a chunk boundary (whole chunks).
    private func reserve(_ length: Int) -> UInt64 {
        let chunks = UInt64((length + capacity - 1) / capacity)
        return end.withLock { end in
            defer { end += max(1, chunks) * UInt64(capacity) }
            return end
        }
    }

    /// Appends the concatenation of `parts` and returns its offset in the file; nil when a write failed. A record
    /// larger than a chunk is written at once, in chunks of its own.
    func append(_ parts: [[UInt8]]) -> UInt64? {
        let length = parts.reduce(0) { $0 + $1.count }
        guard length <= capacity else {
            let offset = reserve(length)
            return FileDescriptorIO.write(parts, to: descriptor, at: offset) ? offset : nil
        }
        let chunk = pool.withLock { $0.popLast() } ?? Chunk(base: reserve(capacity))
        if chunk.used + length > capacity {
            guard chunk.writeOut(to: descriptor) else { return nil }
            (chunk.base, chunk.used, chunk.written) = (reserve(capacity), 0, 0)
        } else if chunk.pending.count + parts.count > Self.maxPending {
            guard chunk.writeOut(to: descriptor) else { return nil }
        }
        let offset = chunk.base + UInt64(chunk.used)
        for part in parts where !part.isEmpty { chunk.pending.append(part) }
        chunk.used += length
        pool.withLock { pool in
            pool.append(chunk)
            pending.store(true, ordering: .releasing)
        }
        return offset
    }

    /// Writes every pooled chunk's pending bytes, so that all offsets handed out can be read from the file.
    /// Cheap when nothing is pending (the common case while emit reads).
    func flush() -> Bool {
        guard pending.load(ordering: .acquiring) else { return true }
        return pool.withLock { pool in
            for chunk in pool where !chunk.writeOut(to: descriptor) { return false }
            pending.store(false, ordering: .releasing)
            return true
        }
    }
}
