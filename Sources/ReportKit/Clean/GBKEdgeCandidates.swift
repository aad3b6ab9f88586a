/// The characters a mojibake run's edge can be, for ``MojibakeRepair``: GBK pairs with one byte known whose
/// other byte (0x40…0xFE, in that order) makes an ideograph or CJK punctuation. Listed once for every known
/// byte, so choosing an edge character reads only the candidates instead of decoding and classifying all 191 pairs.
enum GBKEdgeCandidates {
    /// Candidates by `known byte | 0x100 when it is the lead byte`.
    private static let lists: [[Unicode.Scalar]] = (0..<512).map { key in
        let known = UInt8(key & 0xFF)
        let knownIsLead = key >= 256
        let table = GBKTable.decodeTable
        return (UInt8(0x40)...UInt8(0xFE)).compactMap { other in
            let character = knownIsLead ? GBKTable.decode(known, other, in: table) : GBKTable.decode(other, known, in: table)
            guard let character, CJK.isIdeograph(character) || CJK.isPunctuation(character) else { return nil }
            return character
        }
    }

    /// The candidates after the known `lead` byte, in trail-byte order.
    static func following(lead: UInt8) -> [Unicode.Scalar] { lists[0x100 | Int(lead)] }

    /// The candidates before the known `trail` byte, in lead-byte order.
    static func preceding(trail: UInt8) -> [Unicode.Scalar] { lists[Int(trail)] }
}
