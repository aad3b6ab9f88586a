/// Where a rendered part repeats its own earlier bytes: at `at` (a position in the part's stored bytes) the
/// published bytes go on with a copy of the stored bytes at `source`. A claim's sentence is about 450 bytes and
/// repeats in every row of the claims it holds; spooling it once per report rather than once per row takes about
/// a third of the bytes out of the spool (written, read back and freed again on every build), and emit copies
/// the repeats from the one stored instance.
struct ByteSplice: Equatable {
    var at: Int
    var source: Range<Int>

    /// Bytes of one splice in the spool layout: `at`, `source` start and `source` count, little-endian UInt32s.
    static let stride = 12

    /// Calls `body` with the published bytes of `stored` and its `splices` (in order of `at`), piece by piece.
    static func forEachPiece(
        _ stored: UnsafeRawBufferPointer, splices: some Sequence<ByteSplice>, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        var done = 0
        for splice in splices {
            if splice.at > done { try body(UnsafeRawBufferPointer(rebasing: stored[done..<splice.at])) }
            done = splice.at
            try body(UnsafeRawBufferPointer(rebasing: stored[splice.source]))
        }
        if stored.count > done { try body(UnsafeRawBufferPointer(rebasing: stored[done...])) }
    }

    /// The published bytes as one array.
    static func expanded(_ stored: UnsafeRawBufferPointer, splices: some Sequence<ByteSplice>) -> [UInt8] {
        var out: [UInt8] = []
        forEachPiece(stored, splices: splices) { out.append(contentsOf: $0) }
        return out
    }

    /// Appends `splices` in the spool layout.
    static func append(_ splices: [ByteSplice], to out: inout ByteBuffer) {
        for splice in splices {
            for value in [splice.at, splice.source.lowerBound, splice.source.count] {
                withUnsafeBytes(of: UInt32(value).littleEndian) { out.appendBytes($0.assumingMemoryBound(to: UInt8.self)) }
            }
        }
    }

    /// Reads splices in the spool layout; nil unless they are whole, in order of `at`, and within `storedCount`.
    static func decode(_ bytes: ArraySlice<UInt8>, storedCount: Int) -> [ByteSplice]? {
        guard bytes.count % stride == 0 else { return nil }
        var splices: [ByteSplice] = []
        splices.reserveCapacity(bytes.count / stride)
        var index = bytes.startIndex
        func next() -> Int {
            defer { index += 4 }
            return bytes[index..<index + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        var previous = 0
        while index < bytes.endIndex {
            let (at, start, count) = (next(), next(), next())
            guard at >= previous, at <= storedCount, start + count <= storedCount else { return nil }
            splices.append(ByteSplice(at: at, source: start..<start + count))
            previous = at
        }
        return splices
    }
}
