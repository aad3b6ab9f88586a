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

    /// The bundled divisions, and plain generated ones that share names and short forms, with codes and levels that
    /// make the municipality rule apply now and then.
    @Test("the name table by bytes equals the one by Strings") func nameTable() {
        let gazetteer = RegionGazetteer.shared
        let bundled = RegionGazetteer.nameTable(gazetteer.divisions, plain: true)
        #expect(bundled.count > 5000)
        #expect(bundled.map(\.name) == RegionGazetteer.nameTable(gazetteer.divisions, plain: false).map(\.name))
        #expect(bundled.map(\.divisions) == RegionGazetteer.nameTable(gazetteer.divisions, plain: false).map(\.divisions))
        let pieces = ["甘", "南", "延边", "北京", "和平", "省", "市", "县", "区", "州", "自治州", "藏族", "a", "B", "é", "z", "\u{9FFF}", "\u{3400}"]
        let levels = ["province", "prefecture", "county"]
        var random = SplitMix64(seed: 63)
        for _ in 0..<300 {
            let divisions = (0..<Int(random.next() % 40)).map { number in
                RegionGazetteer.Division(
                    code: String(random.next() % 6), name: (0..<Int(random.next() % 4) + 1).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(),
                    level: levels[Int(random.next() % 3)], provinceCode: random.next() % 2 == 0 ? nil : String(random.next() % 6),
                    prefectureCode: nil, longitude: nil, latitude: Double(number))
            }
            #expect(divisions.allSatisfy { ScalarText.isPlain($0.name) })
            let fast = RegionGazetteer.nameTable(divisions, plain: true)
            let reference = RegionGazetteer.nameTable(divisions, plain: false)
            #expect(fast.map(\.name) == reference.map(\.name))
            #expect(fast.map(\.divisions) == reference.map(\.divisions))
        }
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
