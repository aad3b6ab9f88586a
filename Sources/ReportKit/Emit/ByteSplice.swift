/// Where a rendered part repeats its own earlier bytes: at `at` (a position in the part's stored bytes) the
/// published bytes go on with a copy of the stored bytes at `source`. A claim's sentence is about 450 bytes and
/// repeats in every row of the claims it holds; spooling it once per report rather than once per row takes about
/// a third of the bytes out of the spool (written, read back and freed again on every build), and emit copies
/// the repeats from the one stored instance.
///
/// A splice of a JSON part may instead copy from its companion, the CSV part of the same table
/// (`fromCompanion`): a cell that needs neither CSV quotes nor a JSON escape is the same bytes in both, only
/// quoted in JSON, so its JSON form is stored as the two quotes around a splice of the CSV bytes.
struct ByteSplice: Equatable {
    var at: Int
    var source: Range<Int>
    /// Whether `source` lies in the companion part's stored bytes rather than in this part's.
    var fromCompanion = false

    /// Bytes of one splice in the spool layout: `at`, `source` start and `source` count, little-endian UInt32s;
    /// the top bit of the start is `fromCompanion`.
    static let stride = 12
    private static let companionBit: UInt32 = 1 << 31

    /// Calls `body` with the published bytes of `stored` and its `splices` (in order of `at`), piece by piece;
    /// `companion` holds the sources of the splices `fromCompanion`.
    static func forEachPiece(
        _ stored: UnsafeRawBufferPointer, companion: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        splices: some Sequence<ByteSplice>, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        var done = 0
        for splice in splices {
            if splice.at > done { try body(UnsafeRawBufferPointer(rebasing: stored[done..<splice.at])) }
            done = splice.at
            try body(UnsafeRawBufferPointer(rebasing: (splice.fromCompanion ? companion : stored)[splice.source]))
        }
        if stored.count > done { try body(UnsafeRawBufferPointer(rebasing: stored[done...])) }
    }

    /// The published bytes as one array.
    static func expanded(
        _ stored: UnsafeRawBufferPointer, companion: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        splices: some Sequence<ByteSplice>
    ) -> [UInt8] {
        var out: [UInt8] = []
        forEachPiece(stored, companion: companion, splices: splices) { out.append(contentsOf: $0) }
        return out
    }

    /// Appends `splices` in the spool layout.
    static func append(_ splices: [ByteSplice], to out: inout ByteBuffer) {
        for splice in splices {
            let start = UInt32(splice.source.lowerBound) | (splice.fromCompanion ? companionBit : 0)
            let fields = (UInt32(splice.at).littleEndian, start.littleEndian, UInt32(splice.source.count).littleEndian)
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
            let sourceStart = field(1) & ~Int(ByteSplice.companionBit)
            return ByteSplice(at: field(0), source: sourceStart..<sourceStart + field(2), fromCompanion: field(1) != sourceStart)
        }
    }

    /// Whether `bytes` are whole splices in the spool layout, in order of `at`, within `storedCount` bytes (and
    /// the companion's `companionCount`).
    static func isValid(_ bytes: UnsafeRawBufferPointer, storedCount: Int, companionCount: Int = 0) -> Bool {
        guard bytes.count % stride == 0 else { return false }
        var previous = 0
        for splice in Encoded(bytes) {
            let sourceCount = splice.fromCompanion ? companionCount : storedCount
            guard splice.at >= previous, splice.at <= storedCount, splice.source.upperBound <= sourceCount else { return false }
            previous = splice.at
        }
        return true
    }

    /// Reads splices in the spool layout; nil unless ``isValid(_:storedCount:companionCount:)``.
    static func decode(_ bytes: ArraySlice<UInt8>, storedCount: Int, companionCount: Int = 0) -> [ByteSplice]? {
        bytes.withUnsafeBytes { isValid($0, storedCount: storedCount, companionCount: companionCount) ? Array(Encoded($0)) : nil }
    }
}
