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

    /// Writes all of `bytes` at `offset`; false on any error.
    static func write(_ bytes: [UInt8], to descriptor: Int32, at offset: UInt64) -> Bool {
        bytes.withUnsafeBytes { buffer in
            whole(buffer.count) { done in pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done)) }
        }
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
