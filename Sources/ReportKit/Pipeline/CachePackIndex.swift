import Crypto

/// A cache key: the SHA-256 of everything that determines a document's result (``DocumentCache/key(for:)``),
/// held as four words so that a million of them in the index cost 32 bytes each.
struct CacheKey: Sendable, Hashable, Comparable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(digest bytes: some Collection<UInt8>) {
        precondition(bytes.count == 32, "a cache key is a SHA-256 digest")
        var words: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() { words[index / 8] = words[index / 8] << 8 | UInt64(byte) }
        self.words = (words[0], words[1], words[2], words[3])
    }

    /// The key's 32 bytes, as the index stores them.
    var bytes: [UInt8] {
        [words.0, words.1, words.2, words.3].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) } }
    }

    static func == (left: CacheKey, right: CacheKey) -> Bool { left.words == right.words }

    static func < (left: CacheKey, right: CacheKey) -> Bool { left.words < right.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

/// Where one entry lies: `length` bytes at `offset` in pack number `pack` (16 bytes: the index of a million
/// entries is held for the whole build).
struct PackLocation: Sendable, Equatable {
    var offset: UInt64
    var pack: UInt32
    var length: UInt32

    init(pack: UInt32, offset: UInt64, length: UInt32) {
        self.offset = offset
        self.pack = pack
        self.length = length
    }
}

/// One entry of the merged index: a key and where its newest copy lies.
struct IndexedEntry: Sendable {
    var key: CacheKey
    var place: PackLocation
}

extension [IndexedEntry] {
    /// The position of `key` in entries sorted by key, or nil.
    func position(of key: CacheKey) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low].key == key ? low : nil
    }
}

/// The index of one pack, written when the build that filled the pack finishes: a layout line, then one
/// 44-byte record per entry (the key's 32 bytes, the entry's offset as UInt64 and length as UInt32, both
/// little-endian), then the SHA-256 of everything before it. A pack without a valid index is never read.
enum CachePackIndex {
    static let layout = Array("reportkit-pack-index/2\n".utf8)
    static let recordSize = 44

    /// Whether the bytes are an index in another version of this layout (written by an earlier toolkit).
    static func isEarlierLayout(_ bytes: [UInt8]) -> Bool {
        let family = Array("reportkit-pack-index/".utf8)
        return bytes.starts(with: family) && !bytes.starts(with: layout)
    }

    struct Record: Sendable, Equatable {
        var key: CacheKey
        var offset: UInt64
        var length: UInt32
    }

    static func serialized(_ records: [Record]) -> [UInt8] {
        var bytes = layout
        bytes.reserveCapacity(layout.count + records.count * recordSize + 32)
        for record in records {
            bytes += record.key.bytes
            withUnsafeBytes(of: record.offset.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: record.length.littleEndian) { bytes.append(contentsOf: $0) }
        }
        bytes += SHA256.hash(data: bytes)
        return bytes
    }

    /// The records, or nil when the bytes are truncated, corrupt or in another layout.
    static func records(_ bytes: [UInt8]) -> [Record]? {
        let body = bytes.count - 32 - layout.count
        guard body >= 0, body % recordSize == 0, bytes.starts(with: layout),
            SHA256.hash(data: bytes[..<(bytes.count - 32)]).elementsEqual(bytes[(bytes.count - 32)...])
        else { return nil }
        var records: [Record] = []
        records.reserveCapacity(body / recordSize)
        var index = layout.count
        while index < bytes.count - 32 {
            let offset = bytes[index + 32..<index + 40].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let length = bytes[index + 40..<index + 44].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            records.append(Record(key: CacheKey(digest: bytes[index..<index + 32]), offset: offset, length: length))
            index += recordSize
        }
        return records
    }
}
