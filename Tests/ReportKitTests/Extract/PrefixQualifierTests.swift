import Testing
@testable import ReportKit

/// The prefix-qualifier lookup with its one-bit skip must find what the word-by-word search finds.
@Suite("prefix qualifier") struct PrefixQualifierTests {
    @Test("prefixQualifier equals the word-by-word search at every position") func everyPosition() {
        let pieces = QuantityScanner.prefixQualifiers.map(\.0) + ["不", "超", "过", "于", "高", "至", "少", "多", "将", "近", "约", "为", "5", "\u{20000}", "e\u{301}"]
        var generator = SplitMix64(seed: 53)
        var found = 0
        for _ in 0..<3000 {
            let text = (0..<Int(generator.next() % 8)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let spans = TextSpans(text)
            for position in -1...(spans.scalars.count + 1) {
                let fast = QuantityScanner.prefixQualifier(before: position, in: spans)
                let reference = QuantityScanner.referencePrefixQualifier(before: position, in: spans)
                #expect(fast?.0 == reference?.0 && fast?.1 == reference?.1, "\(text.debugDescription) \(position)")
                if fast != nil { found += 1 }
            }
        }
        #expect(found > 1000)
    }
}

/// The unit lexicon's flat match must find the entry the one-by-one search finds.
@Suite("unit match") struct UnitMatchTests {
    @Test("match equals trying every entry longest first") func everyPosition() {
        let pieces = UnitLexicon.table.map(\.0) + ["个", "工作", "百分", "万", "人", "千", "平方", "5", "\u{20000}", "e\u{301}", "%"]
        var generator = SplitMix64(seed: 59)
        var found = 0
        for _ in 0..<3000 {
            let text = (0..<Int(generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let scalars = Array(text.unicodeScalars)
            for start in -1...(scalars.count + 1) {
                let fast = UnitLexicon.match(scalars, at: start)
                let reference = UnitLexicon.referenceMatch(scalars, at: start)
                #expect(fast?.entry == reference?.entry && fast?.end == reference?.end, "\(text.debugDescription) \(start)")
                if fast != nil { found += 1 }
            }
        }
        #expect(found > 3000)
    }
}
