import Testing
@testable import ReportKit

@Suite("GBK table") struct GBKTableTests {
    @Test("one converter for all pairs gives the table of one converter per pair") func sameTable() {
        let reference = ReferenceGBKTable.decodeTable()
        #expect(GBKTable.decodeTable == reference)
        #expect(reference.filter { $0 != 0 }.count > 20000)  // GBK has about 21,900 double-byte characters
        #expect(GBKTable.decode(0xBA, 0xA3) == "海")
    }

    @Test("encoding gives the first pair that decodes to a scalar, for every scalar") func encode() {
        var first: [UInt32: (UInt8, UInt8)] = [:]
        for lead in UInt8(0x81)...0xFE {
            for trail in UInt8(0x40)...0xFE {
                if let scalar = GBKTable.decode(lead, trail), first[scalar.value] == nil { first[scalar.value] = (lead, trail) }
            }
        }
        #expect(first.count > 20000)
        let wrong = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            let encoded = GBKTable.encode(scalar)
            return encoded?.0 != first[scalar.value]?.0 || encoded?.1 != first[scalar.value]?.1
        }
        #expect(wrong.isEmpty)
    }

    @Test("edge candidates are the pairs with the known byte that decode to ideographs or punctuation, in order")
    func edgeCandidates() {
        func isCandidate(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map { CJK.isIdeograph($0) || CJK.isPunctuation($0) } ?? false
        }
        for known in UInt8(0)...0xFF {
            let others = Array(UInt8(0x40)...0xFE)
            let after = others.compactMap { GBKTable.decode(known, $0) }.filter(isCandidate)
            let before = others.compactMap { GBKTable.decode($0, known) }.filter(isCandidate)
            #expect(GBKEdgeCandidates.following(lead: known) == after)
            #expect(GBKEdgeCandidates.preceding(trail: known) == before)
        }
        #expect(GBKEdgeCandidates.following(lead: 0xBA).contains("海"))
    }
}
