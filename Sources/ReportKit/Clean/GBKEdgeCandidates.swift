/// The characters a mojibake run's edge can be, for ``MojibakeRepair``: GBK pairs with one byte known whose
/// other byte (0x40…0xFE, in that order) makes an ideograph or CJK punctuation. Listed once for every known
/// byte, so choosing an edge character reads only the candidates instead of decoding and classifying all 191 pairs.
enum GBKEdgeCandidates {
    /// Candidates by `known byte | 0x100 when it is the lead byte`, from one pass over the pairs in table order (lead
    /// by lead, trail by trail), which lists each lead's candidates in trail order and each trail's in lead order:
    /// decoding all 191 pairs of each of the 512 keys cost about 4 M instructions.
    private static let lists: [[Unicode.Scalar]] = {
        var lists = [[Unicode.Scalar]](repeating: [], count: 512)
        let table = GBKTable.decodeTable
        for lead in UInt8(0x81)...0xFE {
            for trail in UInt8(0x40)...0xFE {
                guard let character = GBKTable.decode(lead, trail, in: table),
                    CJK.isIdeograph(character) || CJK.isPunctuation(character)
                else { continue }
                lists[0x100 | Int(lead)].append(character)
                lists[Int(trail)].append(character)
            }
        }
        return lists
    }()

    /// The candidates after the known `lead` byte, in trail-byte order.
    static func following(lead: UInt8) -> [Unicode.Scalar] { lists[0x100 | Int(lead)] }

    /// The candidates before the known `trail` byte, in lead-byte order.
    static func preceding(trail: UInt8) -> [Unicode.Scalar] { lists[Int(trail)] }
}
