import Testing
@testable import ReportKit

/// The gazetteer's start-up by scalars and bytes must build what the Character-level String code builds.
@Suite("gazetteer fast paths") struct GazetteerFastPathTests {
    static func division(_ name: String, level: String = "county") -> RegionGazetteer.Division {
        .init(code: "1", name: name, level: level, provinceCode: nil, prefectureCode: nil, longitude: nil, latitude: nil)
    }

    @Test("the word lists are plain, so the scalar rules apply to every plain name") func listsArePlain() {
        for word in RegionGazetteer.nameSuffixes + RegionGazetteer.ethnicGroups + ["区", "州", "自治州"] {
            #expect(ScalarText.isPlain(word), "\(word)")
        }
    }

    @Test("names and short forms equal the String rules for every division") func everyDivision() {
        let gazetteer = RegionGazetteer.shared
        #expect(gazetteer.divisions.count > 3000)
        for division in gazetteer.divisions {
            #expect(RegionGazetteer.names(for: division) == RegionGazetteer.referenceNames(for: division), "\(division.name)")
        }
    }

    @Test("names and short forms equal the String rules on generated and non-plain names") func generatedNames() {
        let pieces = RegionGazetteer.nameSuffixes + RegionGazetteer.ethnicGroups
            + ["甘", "南", "延边", "恩施", "和平", "城区", "区", "州", "e\u{301}", "\u{301}", "\r\n", "a", "\u{20000}", "治", "族"]
        var random = SplitMix64(seed: 61)
        var plain = 0
        var shortForms = 0
        for _ in 0..<8000 {
            let name = (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let division = Self.division(name)
            let expected = RegionGazetteer.referenceNames(for: division)
            #expect(RegionGazetteer.names(for: division) == expected, "\(name.debugDescription)")
            if ScalarText.isPlain(name) { plain += 1 }
            if expected.count > 1 { shortForms += 1 }
        }
        #expect(plain > 2000 && shortForms > 1000, "\(plain) \(shortForms)")
    }

    @Test("CSV rows equal the Character-level splits") func csvRows() {
        let pieces = ["a", ",", ",,", "\n", "\n\n", "营", "1.5", "-", "\r\n", "\r", ",\u{301}", "e\u{301}", "\u{20000}", " "]
        var random = SplitMix64(seed: 62)
        for round in 0..<4000 {
            let pool = round % 2 == 0 ? pieces.filter { ScalarText.isPlain($0) } : pieces
            let text = (0..<Int(random.next() % 12)).map { _ in pool[Int(random.next() % UInt64(pool.count))] }.joined()
            let expected = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(RegionGazetteer.csvRows(text) == expected, "\(text.debugDescription)")
        }
    }
}
