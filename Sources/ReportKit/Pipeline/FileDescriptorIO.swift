#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-buffer `pread` and `pwrite`, retried on `EINTR` and short counts. Positional, so several threads can
/// read one descriptor at once (emit's lanes read the spool and the cache packs this way).
enum FileDescriptorIO {
    /// Exactly `count` bytes at `offset`, or nil (an error, or the file ends first).
    static func read(_ descriptor: Int32, count: Int, at offset: UInt64) -> [UInt8]? {
        // Read into uninitialised storage: zero-filling first cost emit a memset of every record it read.
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            complete = whole(count) { done in pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            initialized = complete ? count : 0
        }
        return complete ? bytes : nil
    }

    /// Reads exactly `count` bytes at `offset` into `buffer`; false on an error or when the file ends first.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: UInt64) -> Bool {
        whole(count) { done in pread(descriptor, buffer + done, count - done, off_t(offset) + off_t(done)) }
    }

    /// Writes all of `bytes` at `offset`; false on any error.
    static func write(_ bytes: [UInt8], to descriptor: Int32, at offset: UInt64) -> Bool {
        bytes.withUnsafeBytes { write($0, to: descriptor, at: offset) }
    }

    /// Writes all of `buffer` at `offset`; false on any error.
    static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, at offset: UInt64) -> Bool {
        whole(buffer.count) { done in pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done)) }
    }

    /// Writes `parts` one after another from `offset`, with one `pwritev` when the kernel takes them whole (the
    /// spool's record header and rows, without joining them into one copy first); false on any error. Whatever
    /// a short write leaves is finished with plain pwrites.
    static func write(_ parts: [[UInt8]], to descriptor: Int32, at offset: UInt64) -> Bool {
        var written: Int
        repeat {
            written = withIOVectors(parts) { vectors in pwritev(descriptor, vectors.baseAddress, Int32(vectors.count), off_t(offset)) }
        } while written < 0 && errno == EINTR
        guard written >= 0 else { return false }
        var skip = written
        var position = offset + UInt64(written)
        for part in parts {
            if skip >= part.count {
                skip -= part.count
                continue
            }
            guard write(Array(part[skip...]), to: descriptor, at: position) else { return false }
            position += UInt64(part.count - skip)
            skip = 0
        }
        return true
    }

    /// Calls `body` with an iovec per part, pointing into the parts' storage for the call's duration.
    private static func withIOVectors<R>(_ parts: [[UInt8]], _ body: (UnsafeBufferPointer<iovec>) -> R) -> R {
        func nest(_ index: Int, _ vectors: inout [iovec]) -> R {
            guard index < parts.count else { return vectors.withUnsafeBufferPointer(body) }
            return parts[index].withUnsafeBytes { bytes in
                vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count))
                return nest(index + 1, &vectors)
            }
        }
        var vectors: [iovec] = []
        vectors.reserveCapacity(parts.count)
        return nest(0, &vectors)
    }

    /// Repeats `step` (given the bytes done so far, returning how many more it moved) until `total` are done;
    /// retries on EINTR, false on an error or a zero count (end of file).
    private static func whole(_ total: Int, _ step: (Int) -> Int) -> Bool {
        var done = 0
        while done < total {
            let result = step(done)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return false }
            done += result
        }
        return true
    }
}
