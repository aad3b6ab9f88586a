#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether two files hold the same bytes: how a rebuild decides that an existing dataset version is unchanged.
///
/// Sizes are compared first, so a changed table is usually told apart without reading it. Equal sizes are read
/// into two small reused buffers (sized to stay in the core's cache) and compared with `memcmp`: a rebuild that
/// changes nothing compares every byte of a 700 MB dataset, and reading it through `FileHandle` into a fresh
/// `Data` per megabyte made that the slowest part of the build. `pread` rather than `mmap`, so that a file cut
/// short while it is read ends the comparison instead of the process.
enum FileComparison {
    /// Bytes read from each file per step.
    static let chunk = 256 << 10

    /// True when both paths are regular files with the same bytes; false when either cannot be opened or read.
    static func sameBytes(_ left: String, _ right: String, chunk: Int = chunk) -> Bool {
        let first = open(left, O_RDONLY | O_CLOEXEC)
        guard first >= 0 else { return false }
        defer { close(first) }
        let second = open(right, O_RDONLY | O_CLOEXEC)
        guard second >= 0 else { return false }
        defer { close(second) }
        guard let size = regularFileSize(first), size == regularFileSize(second) else { return false }
        let buffers = UnsafeMutableRawPointer.allocate(byteCount: 2 * chunk, alignment: 64)
        defer { buffers.deallocate() }
        var offset = 0
        while offset < size {
            let count = min(chunk, size - offset)
            guard FileDescriptorIO.read(first, into: buffers, count: count, at: UInt64(offset)),
                FileDescriptorIO.read(second, into: buffers + chunk, count: count, at: UInt64(offset)),
                memcmp(buffers, buffers + chunk, count) == 0
            else { return false }
            offset += count
        }
        // Both must end here: a file that grew meanwhile is not the same.
        var probe: UInt8 = 0
        return pread(first, &probe, 1, off_t(size)) == 0 && pread(second, &probe, 1, off_t(size)) == 0
    }

    /// The size of the open file, nil unless it is a regular file.
    private static func regularFileSize(_ descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }
}
