import CKernels

/// The checksum that starts every cache entry: XXH64 of the payload, 8 bytes little-endian. It only has to
/// catch accidental damage, and SHA-256 here was a third of a warm build's CPU time (it read every entry).
enum EntryChecksum {
    static let size = 8

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { rk_xxh64($0.baseAddress, $0.count) }
    }

    /// The entry: checksum, then payload.
    static func prefixed(_ payload: [UInt8]) -> [UInt8] { header(for: payload) + payload }

    /// The checksum bytes that start the entry of `payload`.
    static func header(for payload: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: of(payload[...]).littleEndian, Array.init)
    }

    /// Whether an entry's first 8 bytes are the checksum of the rest.
    static func matches(_ entry: [UInt8]) -> Bool {
        guard entry.count >= size else { return false }
        let stored = entry[..<size].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return stored == of(entry[size...])
    }
}
