import Foundation
import Testing
@testable import ReportKit

/// The byte-level clean steps must give exactly the answers of the step-by-step versions they replace
/// (``ReferenceTextNormalizer`` and friends), on random texts built from the pieces those steps treat specially.
@Suite("Clean stage one-pass paths") struct OnePassCleanTests {
    static let pieces: [String] = [
        "1", "2", "0", "9", "０", "５", "９", "．", "，", "％", ".", ",", "%", " ", "  ", "\t", "\u{3000}", "\u{A0}",
        "\u{2002}", "\u{2003}", "\u{2009}", "\u{200B}", "\u{FEFF}", "\u{2005}", "\u{202F}", "\r", "\n", "\r\n", "\n\r",
        "\u{2028}", "\u{2029}", "\u{1}", "\u{B}", "\u{C}", "\u{7F}", "\u{85}", "。", "、", "“", "”", "…", "—", "·", "营",
        "商", "環", "境", "a", "Z", "Ａ", "ｚ", "Ｚ", "e\u{301}", "\u{301}", "Å", "\u{212B}", "\u{20000}", "\u{2000}",
        "\u{302A}", "≈", "⑷", "\u{E088}", "\u{2ADC}", "1. 2", "3．4", "5，678", "5，6789", "１２，３４５", "6％", "?", "!",
        "(", ")", "ā", "ǎ", "(yíng)", "?诮", "??谑", "記者", "来源：", "摄", "图",
        "（", "）", "：", "》", "\u{3029}", "\u{3030}", "\u{303F}", "\u{FF20}", "\u{FF1A}", "\u{2013}", "\u{2020}", "\u{2025}",
        "\u{4DC0}", "\u{4DFF}", "\u{4E00}", "\u{3400}", "\u{4FFF}", "\u{9FFF}", "\u{A000}", "\u{200D}", "\u{D7FF}", "\u{E000}",
    ]

    static func randomText(_ generator: inout SplitMix64, maxPieces: Int = 40) -> String {
        let count = Int.random(in: 0...maxPieces, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("one-pass normaliser equals the step-by-step one") func normalizer() {
        var generator = SplitMix64(seed: 42)
        let fixed = [
            "", " ", "\r\n", "率达到１０６． 66％", "１，２３４，５６７ 元", "a  b 。 c", "1. 5 与 2.\u{2005}7", "x. 1. 2",
            "≈\u{2000}", "\u{2000}≈", "≈ \u{302A}a", "⑷e\u{301}", "\u{2001}营\u{2ADC}", "\u{E088}\u{302F}",
            // Ideograph runs that go on through punctuation, and end in it before spaces, digits and line breaks.
            "营，商。 a", "營“境”5，678", "营。\n商", "。营，", "营，５６７", "营．５", "营％ 5", "营…— b", "营、\u{3000}商",
            // Runs of ASCII letters and digits, before the mapped full-width forms, dots, spaces and line ends.
            "2026年12月7日", "abc12％", "ab1．5x", "x9，123", "Q3. 4z", "GDP 5.2%", "a\nb", "AZaz09@[`{/:",
        ]
        for text in fixed + (0..<20000).map({ _ in Self.randomText(&generator) }) {
            let expected = ReferenceTextNormalizer.normalize(text)
            let actual = TextNormalizer().normalize(text)
            #expect(actual.text.utf8.elementsEqual(expected.text.utf8), "\(text.debugDescription)")
            #expect(actual.repairs == expected.repairs, "\(text.debugDescription)")
        }
    }

    @Test("broken numbers are joined as the regular expression joins them") func brokenDecimals() {
        var generator = SplitMix64(seed: 31)
        let bits = [
            "1", "2", "9", "0", ".", ". ", " ", "  ", "1. 2", "3.  4", "5 .6", "营", "商", "a", "é", "e\u{301}", "\u{2005}",
            "\u{85}", "\u{A0}", "\u{3000}", "\u{202F}", "\u{1680}", "\t", "\u{2028}", "１", "．", "𠀀", "(", "%",
        ]
        var joinedSome = 0
        for text in ["", "1. 2", "1. 2. 3", "1.  2 . 3. 4", "a1. 2b", "1. \u{2005}2", "1.\u{85}2", "第1. 2。"]
            + (0..<20000).map({ _ in (0..<Int.random(in: 0...14, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined() })
        {
            let expected = ReferenceBrokenDecimals.join(text)
            let actual = TextNormalizer.joinBrokenDecimals(text)
            #expect(actual.0.utf8.elementsEqual(expected.0.utf8), "\(text.debugDescription)")
            #expect(actual.1.map(\.0) == expected.1.map(\.0) && actual.1.map(\.1) == expected.1.map(\.1), "\(text.debugDescription)")
            if !expected.1.isEmpty { joinedSome += 1 }
        }
        #expect(joinedSome > 1000)
    }

    @Test("the normaliser's scalar-by-scalar NFC check equals isNFCStable") func nfcStability() {
        var generator = SplitMix64(seed: 23)
        var passed = 0
        for text in ["", "≈\u{2000}", "\u{302A}⑷", "≈⑷", "\u{2000}营"] + (0..<20000).map({ _ in Self.randomText(&generator, maxPieces: 6) }) {
            var stability = NFCStability()
            let admitted = text.unicodeScalars.allSatisfy { stability.admits($0.value) }
            #expect(admitted == TextNormalizer.isNFCStable(text), "\(text.debugDescription)")
            if admitted { passed += 1 }
        }
        #expect(passed > 1000 && passed < 19000)  // both answers are exercised
    }

    @Test("the plain scalar counter answers every scalar of the Basic Multilingual Plane as isPlain does") func plainScalars() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "营" + String(scalar) + "中"
            let expected: Int? = TextSpans.isPlain(scalar) ? 3 : nil
            #expect(ScalarText.plainScalarCount(text) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test("byte-level plain check and scalar counts equal the scalar view's") func plainAndCounts() {
        var generator = SplitMix64(seed: 17)
        var plainSeen = 0
        for text in ["", "\r", "a\r\nb", "\u{2000}", "营商"] + (0..<20000).map({ _ in Self.randomText(&generator, maxPieces: 8) }) {
            let plain = text.unicodeScalars.allSatisfy(TextSpans.isPlain)
            #expect(ScalarText.isPlain(text) == plain, "\(text.debugDescription)")
            #expect(ScalarText.plainScalarCount(text) == (plain ? text.unicodeScalars.count : nil), "\(text.debugDescription)")
            #expect(ScalarText.scalarCount(text) == text.unicodeScalars.count, "\(text.debugDescription)")
            #expect(HTMLContentExtractor.characterCount(text) == text.count, "\(text.debugDescription)")
            #expect(ScalarText.allScalars(of: text, satisfy: TextNormalizer.isNFCInert) == text.unicodeScalars.allSatisfy(TextNormalizer.isNFCInert))
            if plain { plainSeen += 1 }
        }
        #expect(plainSeen > 1000 && plainSeen < 19000)  // both answers are exercised
    }

    @Test("byte-level pinyin stripping equals the scalar-array one") func pinyin() {
        var generator = SplitMix64(seed: 7)
        let fixed = [
            "營(yíng)商", "(yíng)", " (yíng)", "再?gòu)", "營(yíng)(shāng)", "營（yíng）", "營(yíngg)", "營(yínggggg)", "營(ü)", "營(lǜ)",
            "?(ā)", "𠀀(yíng)", "é(yíng)", "\u{3000}（yíng）", "（yíng）", "?gòu）", "??gòu)",
        ]
        // The shared pieces, and full-width parentheses and scalars of every UTF-8 length before a reading.
        // 丈 (E4 B8 88), 爱 (E7 88 B1) and 伈 (E4 BC 88) hold the last byte of `（` (EF BC 88), the last two its last two.
        let extra = [
            "（", "）", "（lǜ）", "(shāng）", "é", "𠀀", "\u{3000}", "們", "這", "個", "们", "这", "個(gè)", "這?zhè)", "丈", "爱", "伈",
            "伈(yíng)", "丈（yíng）",
        ]
        let random = (0..<20000).map { _ in
            (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                Bool.random(using: &generator) ? Self.randomText(&generator, maxPieces: 2) : extra.randomElement(using: &generator)!
            }.joined()
        }
        var traditional = 0
        for text in fixed + random {
            let expected = ReferencePinyinAnnotationStripper.strip(text)
            let actual = PinyinAnnotationStripper().strip(text)
            #expect(actual.text.utf8.elementsEqual(expected.text.utf8), "\(text.debugDescription)")
            #expect(actual.removed == expected.removed && actual.examples == expected.examples, "\(text.debugDescription)")
            #expect(actual.isTraditional == expected.isTraditional, "\(text.debugDescription)")
            if expected.isTraditional { traditional += 1 }
        }
        #expect(traditional > 1000 && traditional < 19000)  // both answers are exercised
    }

    @Test("byte-level script and mojibake checks equal the scalar ones") func checks() {
        var generator = SplitMix64(seed: 9)
        let markers = Array(ReferenceScriptAndMojibakeChecks.traditionalOnly + ReferenceScriptAndMojibakeChecks.simplifiedOnly).map(String.init)
        let fixed = ["營商環境：們這個", "們這", "們這個们这个", "?", "??", "?营", "?\u{20000}", "?\u{4DC0}", "a?", "?a營"]
        for text in fixed + (0..<20000).map({ _ in
            Self.randomText(&generator) + (0..<Int.random(in: 0...6, using: &generator)).map { _ in markers.randomElement(using: &generator)! }.joined()
                + Self.randomText(&generator, maxPieces: 5)
        }) {
            #expect(ChineseScriptConverter.isTraditional(text) == ReferenceScriptAndMojibakeChecks.isTraditional(text), "\(text.debugDescription)")
            #expect(MojibakeRepair.mayContainMojibake(text) == ReferenceScriptAndMojibakeChecks.mayContainMojibake(text), "\(text.debugDescription)")
        }
    }

    @Test("byte-level search and replace equal Foundation's on plain texts") func plainText() {
        var generator = SplitMix64(seed: 11)
        let words = ["来源：", "来源:", "作者：", "记者", "融媒体", "全媒体", " ", "记", "者", "媒体", "来源"]
        let bits = ["来源：", "来源", "：", ":", "作者", "记者", "记", "者", "融媒体", "全媒体", "媒体", " ", "  ", "网", "a", "1", "、", "e\u{301}"]
        var checked = 0
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
            guard ScalarText.isPlain(text) else { continue }
            checked += 1
            for word in words {
                #expect(PlainText.replacing(word, with: "X", in: text).utf8.elementsEqual(text.replacingOccurrences(of: word, with: "X").utf8), "\(text.debugDescription)")
                #expect(PlainText.replacing(word, with: "", in: text).utf8.elementsEqual(text.replacingOccurrences(of: word, with: "").utf8), "\(text.debugDescription)")
                let expected = text.range(of: word).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                let actual = PlainText.range(of: word, in: text).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                #expect(actual == expected, "\(text.debugDescription) \(word)")
            }
            #expect(PlainText.removingSpaces(text).utf8.elementsEqual(text.replacingOccurrences(of: " ", with: "").utf8))
        }
        #expect(checked > 1000)
    }

    @Test("person-name check equals the Character-level one") func personNames() {
        var generator = SplitMix64(seed: 13)
        let bits = ["时间", "日期", "来源", "星期", "作者", "编辑", "记者", "通讯员", "毛", "雷", "王", "e\u{301}", "a", "摄像", "阅", "读", "\u{F9FF}"]
        for _ in 0..<5000 {
            let token = (0..<Int.random(in: 0...4, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
            let expected = (2...4).contains(token.count) && token.unicodeScalars.allSatisfy(CJK.isIdeograph)
                && !BylineParser.labelWords.contains(where: token.contains)
            #expect(BylineParser.isPersonName(token) == expected, "\(token.debugDescription)")
        }
    }
}
