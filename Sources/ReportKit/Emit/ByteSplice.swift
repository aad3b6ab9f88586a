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
            let fields = (UInt32(splice.at).littleEndian, UInt32(splice.source.lowerBound).littleEndian, UInt32(splice.source.count).littleEndian)
            withUnsafeBytes(of: fields) { out.appendBytes($0.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    /// Splices in the spool layout, read where they lie (no array per report and part).
    struct Encoded: Sequence, IteratorProtocol {
        let bytes: UnsafeRawBufferPointer
        private var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func next() -> ByteSplice? {
            guard offset + ByteSplice.stride <= bytes.count else { return nil }
            let (bytes, start) = (bytes, offset)
            func field(_ index: Int) -> Int {
                Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start + 4 * index, as: UInt32.self)))
            }
            offset += ByteSplice.stride
            return ByteSplice(at: field(0), source: field(1)..<field(1) + field(2))
        }
    }

    /// Whether `bytes` are whole splices in the spool layout, in order of `at`, within `storedCount` bytes.
    static func isValid(_ bytes: UnsafeRawBufferPointer, storedCount: Int) -> Bool {
        guard bytes.count % stride == 0 else { return false }
        var previous = 0
        for splice in Encoded(bytes) {
            guard splice.at >= previous, splice.at <= storedCount, splice.source.upperBound <= storedCount else { return false }
            previous = splice.at
        }
        return true
    }

    /// Reads splices in the spool layout; nil unless ``isValid(_:storedCount:)``.
    static func decode(_ bytes: ArraySlice<UInt8>, storedCount: Int) -> [ByteSplice]? {
        bytes.withUnsafeBytes { isValid($0, storedCount: storedCount) ? Array(Encoded($0)) : nil }
    }
}
