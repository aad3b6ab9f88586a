/// GBK double-byte code table, built once from the C library's converter, for byte-level repairs.
enum GBKTable {
    /// `decodeTable[(lead - 0x81) * 191 + (trail - 0x40)]`, 0 where the pair is not a character.
    static let decodeTable: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 126 * 191)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(126 * 191 * 2)
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE { bytes += [UInt8(lead), UInt8(trail == 0x7F ? 0x40 : trail)] }
        }
        // Decode pair by pair so one invalid pair does not hide the others.
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                if let text = try? IconvDecoder.decode([UInt8(lead), UInt8(trail)], from: "GBK"),
                    text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first
                {
                    table[(lead - 0x81) * 191 + (trail - 0x40)] = scalar.value
                }
            }
        }
        return table
    }()

    private static let encodeTable: [UInt32: [UInt8]] = {
        var map: [UInt32: [UInt8]] = [:]
        for (offset, value) in decodeTable.enumerated() where value != 0 {
            let lead = UInt8(0x81 + offset / 191)
            let trail = UInt8(0x40 + offset % 191)
            if map[value] == nil { map[value] = [lead, trail] }
        }
        return map
    }()

    static func decode(_ lead: UInt8, _ trail: UInt8) -> Unicode.Scalar? { decode(lead, trail, in: decodeTable) }

    /// ``decode(_:_:)`` with `decodeTable` read once by the caller, for loops over many pairs.
    @inline(__always)
    static func decode(_ lead: UInt8, _ trail: UInt8, in table: [UInt32]) -> Unicode.Scalar? {
        guard (0x81...0xFE).contains(lead), (0x40...0xFE).contains(trail), trail != 0x7F else { return nil }
        let value = table[Int(lead - 0x81) * 191 + Int(trail - 0x40)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    static func encode(_ scalar: Unicode.Scalar) -> [UInt8]? {
        encodeTable[scalar.value]
    }
}
