#if canImport(Glibc)
    import Glibc
#endif

/// GBK double-byte code table, built once from the C library's converter, for byte-level repairs.
enum GBKTable {
    /// `decodeTable[(lead - 0x81) * 191 + (trail - 0x40)]`, 0 where the pair is not a character.
    static let decodeTable: [UInt32] = buildDecodeTable()

    /// Decodes every pair on its own, so one invalid pair does not hide the others, with one converter for
    /// all of them: opening a converter per pair cost about 7 times as much as the conversions.
    /// (GBK has no shift state; the converter is reset before each pair all the same.)
    static func buildDecodeTable() -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 126 * 191)
        let converter = iconv_open("UTF-8", "GBK")
        guard converter != iconv_t(bitPattern: -1) else { return table }
        defer { iconv_close(converter) }
        var input: [CChar] = [0, 0]
        var output = [CChar](repeating: 0, count: 20)  // what IconvDecoder gives a two-byte input
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                input[0] = CChar(bitPattern: UInt8(lead))
                input[1] = CChar(bitPattern: UInt8(trail))
                let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
                    output.withUnsafeMutableBufferPointer { outBuffer in
                        _ = iconv(converter, nil, nil, nil, nil)
                        var inPointer = inBuffer.baseAddress
                        var inLeft = inBuffer.count
                        var outPointer = outBuffer.baseAddress
                        var outLeft = outBuffer.count
                        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                        return result == -1 || inLeft > 0 ? nil : outBuffer.count - outLeft
                    }
                }
                guard let produced, produced > 0 else { continue }
                // The converter writes valid UTF-8: one scalar when the first one's length is all it wrote
                // (a String per pair cost about as much as the conversions).
                let value: UInt32? = output.withUnsafeBufferPointer { characters in
                    characters.withMemoryRebound(to: UInt8.self) { bytes in
                        let (value, length) = UTF8Scalars.decode(bytes, at: 0)
                        return length == produced ? value : nil
                    }
                }
                if let value { table[(lead - 0x81) * 191 + (trail - 0x40)] = value }
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
