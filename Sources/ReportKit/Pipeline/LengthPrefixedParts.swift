/// Byte records made of parts, each a little-endian UInt32 length followed by its bytes: the layout of
/// spooled rows (``RenderedReport``) and of cache entries (``DocumentResult``). Binary, so reading one back
/// is a few copies rather than a JSON decode.
enum LengthPrefixedParts {
    static func append(_ part: some Collection<UInt8>, to out: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(part.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: part)
    }

    static func join(_ parts: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(parts.count * 4) { $0 + $1.count })
        for part in parts { append(part, to: &out) }
        return out
    }

    /// The parts of `bytes`; nil when a length runs past the end (a truncated or foreign record). Emit splits
    /// every spooled record (19 parts): the lengths are loaded as words and the array is sized for them once.
    static func split(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
        var parts: [ArraySlice<UInt8>] = []
        parts.reserveCapacity(20)  // a spooled record's parts (19), a cache entry's (11)
        var index = bytes.startIndex
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            while index < bytes.endIndex {
                guard bytes.endIndex - index >= 4 else { return false }
                let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index - bytes.startIndex, as: UInt32.self)))
                index += 4
                guard bytes.endIndex - index >= length else { return false }
                parts.append(bytes[index..<index + length])
                index += length
            }
            return true
        }
        return complete ? parts : nil
    }
}
