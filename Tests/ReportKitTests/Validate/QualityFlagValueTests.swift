import Testing
@testable import ReportKit

/// The byte-level reading of a quality-flags entry must give what splitting the String by Character gives.
@Suite("quality flag values") struct QualityFlagValueTests {
    static let pieces = [
        ";", "=", "==", "mojibake_unrepaired", "mojibake_unrepaired=", "broken_number_joined=", "1", "23", "x", "\r\n", "\r", "\n",
        "é", "\u{301}", "=\u{301}", ";\u{301}", "营",
    ]

    @Test("equals the Character-level split on random and tricky flags") func random() {
        var random = SplitMix64(seed: 12)
        var texts = [
            "", "mojibake_unrepaired=3", "boilerplate_removed=1;mojibake_unrepaired=12;x=1", "mojibake_unrepaired=", "mojibake_unrepaired==4",
            "mojibake_unrepaired=1=2", ";;mojibake_unrepaired=5;;", "mojibake_unrepaired=\u{301}7", "mojibake_unrepaired=7;\u{301}",
            "a=1;mojibake_unrepaired\r\n=2;mojibake_unrepaired=9", "mojibake_unrepaired=2;mojibake_unrepaired=3",
        ]
        for _ in 0..<5000 {
            texts.append((0..<Int(random.next() % 8)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined())
        }
        var found = 0
        var foundInASCII = 0  // the byte path's answers
        for text in texts {
            for name in ["mojibake_unrepaired", "broken_number_joined"] {
                let expected = QualityFlagValue.reference(name, in: text)
                #expect(QualityFlagValue.value(name, in: text) == expected, "\(name) in \(text.debugDescription)")
                if expected != nil { found += 1 }
                if expected != nil, text.utf8.allSatisfy({ $0 < 0x80 }) { foundInASCII += 1 }
            }
        }
        #expect(found > 400)
        #expect(foundInASCII > 100)
    }
}
