#if canImport(Glibc)
    import Glibc
#endif

/// GBK double-byte code table, built once from the C library's converter, for byte-level repairs.
enum GBKTable {
    /// `decodeTable[(lead - 0x81) * 191 + (trail - 0x40)]`, 0 where the pair is not a character.
    static let decodeTable: [UInt32] = buildDecodeTable()

    /// Decodes all pairs in one stream, each followed by a newline (`lead trail 0A`), with one converter: a call per
    /// pair cost about 1,000 instructions, mostly the call. GBK has no shift state and its newline is 0A, which no
    /// other character's UTF-8 holds, so the output between two newlines is one pair's. A pair the converter
    /// refuses stops the call there; it is left out (0) and the stream goes on after it, as a converter per pair
    /// would do. (``GBKTableTests`` compares the table with one built a converter per pair.)
    static func buildDecodeTable() -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 126 * 191)
        let converter = iconv_open("UTF-8", "GBK")
        guard converter != iconv_t(bitPattern: -1) else { return table }
        defer { iconv_close(converter) }
        var slots: [Int] = []  // the table slot of each pair in the stream
        slots.reserveCapacity(126 * 190)
        var input: [UInt8] = []
        input.reserveCapacity(3 * 126 * 190)
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                slots.append((lead - 0x81) * 191 + (trail - 0x40))
                input.append(UInt8(lead))
                input.append(UInt8(trail))
                input.append(0x0A)
            }
        }
        var output = [UInt8](repeating: 0, count: 8 * slots.count)  // UTF-8 of a scalar and a newline: 5 bytes at most
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                let outBase = outBuffer.baseAddress!
                var pair = 0  // the first pair not yet converted
                while pair < slots.count {
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + 3 * pair)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = 3 * (slots.count - pair)
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    _ = iconv(converter, nil, nil, nil, nil)
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    // Pairs converted whole (with their newline) before the converter stopped, if it did.
                    let converted = (3 * (slots.count - pair) - inLeft) / 3
                    var start = 0
                    for offset in 0..<converted {
                        var end = start
                        while outBase[end] != 0x0A { end += 1 }
                        if end > start {
                            let (value, length) = UTF8Scalars.decode(UnsafeBufferPointer(outBuffer), at: start)
                            if length == end - start { table[slots[pair + offset]] = value }
                        }
                        start = end + 1
                    }
                    pair += converted
                    if result == -1 { pair += 1 }  // the pair it refused: not a character
                }
            }
        }
        return table
    }

    /// The first pair (in `decodeTable` order) that decodes to each scalar, as `lead << 8 | trail` (0 for none):
    /// a flat table for the Basic Multilingual Plane, where GBK's characters are, and a dictionary for any others.
    /// A dictionary of byte arrays for all of them cost about 50 M instructions to build.
    private static let encodeTables: (plane: [UInt16], astral: [UInt32: UInt16]) = {
        var plane = [UInt16](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt16] = [:]
        for (offset, value) in decodeTable.enumerated() where value != 0 {
            let pair = UInt16(0x81 + offset / 191) << 8 | UInt16(0x40 + offset % 191)
            if value < 0x10000 {
                if plane[Int(value)] == 0 { plane[Int(value)] = pair }
            } else if astral[value] == nil {
                astral[value] = pair
            }
        }
        return (plane, astral)
    }()

    static func decode(_ lead: UInt8, _ trail: UInt8) -> Unicode.Scalar? { decode(lead, trail, in: decodeTable) }

    /// ``decode(_:_:)`` with `decodeTable` read once by the caller, for loops over many pairs.
    @inline(__always)
    static func decode(_ lead: UInt8, _ trail: UInt8, in table: [UInt32]) -> Unicode.Scalar? {
        guard (0x81...0xFE).contains(lead), (0x40...0xFE).contains(trail), trail != 0x7F else { return nil }
        let value = table[Int(lead - 0x81) * 191 + Int(trail - 0x40)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// The GBK pair of `scalar` (lead, trail), or nil when GBK has no double-byte character for it.
    static func encode(_ scalar: Unicode.Scalar) -> (UInt8, UInt8)? {
        let pair = scalar.value < 0x10000 ? encodeTables.plane[Int(scalar.value)] : encodeTables.astral[scalar.value] ?? 0
        return pair == 0 ? nil : (UInt8(pair >> 8), UInt8(pair & 0xFF))
    }
}
