import Foundation
import Testing
@testable import ReportKit

@Suite("Scalar helpers") struct ScalarSearchTests {
    @Test("builds Strings from scalars of every UTF-8 length") func utf8() {
        let text = "a\u{7F}é\u{7FF}\u{800}中。\u{FFFF}\u{10000}𠀀\u{10FFFF}z"
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars) == text)
        #expect(Array(String(scalars: scalars).utf8) == Array(text.utf8))
        #expect(String(scalars: scalars[5..<7]) == "中。")
        #expect(String(scalars: [Unicode.Scalar]()) == "")
    }

    /// The in-place encoder against the scalar view's own, on random scalars of every length with the ends of each
    /// length's range (and ASCII-only runs, whose Strings are flagged ASCII) in between.
    @Test("builds the Strings the scalar view builds, on random scalars") func randomScalars() {
        let edges: [UInt32] = [0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x4E2D, 0x3002]
        var random = SplitMix64(seed: 93)
        for round in 0..<5000 {
            let asciiOnly = round % 5 == 0
            let scalars: [Unicode.Scalar] = (0..<Int(random.next() % 24)).map { _ in
                let value: UInt32
                switch asciiOnly ? 0 : random.next() % 4 {
                case 0: value = UInt32(random.next() % 0x80)
                case 1: value = edges[Int(random.next() % UInt64(edges.count))]
                case 2: value = UInt32(0x80 + random.next() % 0xFF80)
                default: value = UInt32(0x10000 + random.next() % 0x100000)
                }
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let expected = String(view)
            let built = String(scalars: scalars)
            #expect(Array(built.utf8) == Array(expected.utf8) && built == expected, "\(scalars)")
            #expect(built.unicodeScalars.elementsEqual(scalars))
            let lower = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count))
            #expect(Array(String(scalars: scalars[lower...]).utf8) == Array(String(String.UnicodeScalarView(scalars[lower...])).utf8))
        }
    }

    @Test("trims exactly the scalars Foundation trims as whitespace") func whitespace() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let probe = String(scalar) + "中" + String(scalar)
            let foundation = probe.trimmingCharacters(in: .whitespaces)
            let spans = TextSpans(probe)
            #expect(spans.trimmedString(0..<spans.scalars.count) == foundation, "U+\(String(value, radix: 16))")
        }
        let spans = TextSpans(" \u{3000}“一网通办”\t ")
        #expect(spans.trimmedString(0..<spans.scalars.count) == "“一网通办”")
        #expect(spans.trimmed(0..<2).isEmpty)
    }

    @Test("plain scalars are Characters of their own without a canonical equivalent") func plain() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), TextSpans.isPlain(scalar) else { continue }
            let character = String(scalar)
            for neighbour in ["a", "中", "\n", character] {
                #expect((neighbour + character).count == 2 && (character + neighbour).count == 2, "U+\(String(value, radix: 16))")
            }
            let decomposed = Array(character.decomposedStringWithCanonicalMapping.unicodeScalars)
            #expect(decomposed.count != 1 || decomposed == [scalar], "U+\(String(value, radix: 16))")
        }
        #expect(TextSpans("他说：“一网通办⑷”。\u{E088}").isPlain)
        #expect(!TextSpans("一网通办\r\n").isPlain)
        #expect(!TextSpans("办\u{0301}").isPlain)
        #expect(!TextSpans("办\u{FE0F}").isPlain)
    }

    @Test("compares words in place at the text's edges") func words() {
        let spans = TextSpans("由31%提升至91.8%")
        #expect(spans.hasWord("由", at: 0) && spans.hasWord("提升至", at: 4) && !spans.hasWord("提升至", at: 5))
        #expect(spans.hasWord("%", at: 11) && !spans.hasWord("%。", at: 11) && !spans.hasWord("由", at: -1))
        #expect(spans.hasPrefix("由", before: 1) && spans.hasPrefix("提升至", before: 7) && !spans.hasPrefix("由3", before: 1))
        #expect(!spans.hasPrefix("由", before: 0) && !spans.hasPrefix("%", before: 13))
    }

    @Test("looks scalars up in the slot table and beyond the BMP") func table() {
        let table = ScalarTable<[Int]>(["中": [1, 2], "a": [3], "𠀀": [4]])
        #expect(table["中"] == [1, 2] && table["a"] == [3] && table["𠀀"] == [4])
        #expect(table["国"] == nil && table["\u{0}"] == nil && table["\u{10FFFF}"] == nil)
    }

    @Test("finds gazetteer names with their length") func leadingName() {
        let gazetteer = RegionGazetteer.shared
        #expect(gazetteer.leadingName(of: Array("儋州市推进".unicodeScalars)) == 3)
        #expect(gazetteer.leadingName(of: Array("儋州推进".unicodeScalars)) == 2)
        #expect(gazetteer.leadingName(of: Array("推进".unicodeScalars)) == nil)
        #expect(gazetteer.leadingName(of: []) == nil)
    }
}

@Suite("MetricCategory") struct MetricCategoryTests {
    @Test("picks the highest-priority category wherever its keyword sits") func priority() {
        // 投诉 (投诉与诉求) comes first in the text, 纳税 (纳税) ranks higher in the rules.
        #expect(MetricCategory.category(of: Array("投诉办结后纳税".unicodeScalars)) == "纳税")
        #expect(MetricCategory.category(of: Array("营业执照".unicodeScalars)) == "开办企业")
        #expect(MetricCategory.category(of: Array("办".unicodeScalars)) == nil)
        #expect(MetricCategory.classify(indicator: "可办率", sentence: "不动产登记") == "政务服务")
        #expect(MetricCategory.classify(indicator: "比例", sentence: "不动产登记") == "登记财产")
        #expect(MetricCategory.classify(indicator: "比例", sentence: "") == "其他")
    }
}
