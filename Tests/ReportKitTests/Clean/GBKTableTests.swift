import Testing
@testable import ReportKit

@Suite("GBK table") struct GBKTableTests {
    @Test("one converter for all pairs gives the table of one converter per pair") func sameTable() {
        let reference = ReferenceGBKTable.decodeTable()
        #expect(GBKTable.decodeTable == reference)
        #expect(reference.filter { $0 != 0 }.count > 20000)  // GBK has about 21,900 double-byte characters
        #expect(GBKTable.decode(0xBA, 0xA3) == "海")
    }
}
