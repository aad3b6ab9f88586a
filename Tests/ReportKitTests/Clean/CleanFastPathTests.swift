import CKernels
import Foundation
import Testing
@testable import ReportKit

/// The cheap checks the clean stage uses must give exactly the answers of the slower code they replace.
@Suite("Clean stage fast paths") struct CleanFastPathTests {
    @Test("sorted-array counts equal dictionary counts") func sortedCounts() {
        let values: [UInt32] = [5, 3, 9, 3, 3, 1, 9, 12, 0]
        let sorted = values.sorted()
        for probe: UInt32 in 0...14 {
            let expected = values.filter { $0 == probe }.count
            #expect(MojibakeRepair.Frequencies.occurrences(of: probe, inSorted: sorted) == expected)
        }
        #expect(MojibakeRepair.Frequencies.occurrences(of: 7, inSorted: [UInt32]()) == 0)
    }

    @Test("character counts are exact in short and long documents", arguments: [10, 70000])
    func characterCounts(repeats: Int) {
        let text = "海口??谑口，" + String(repeating: "海", count: repeats) + "口\u{F900}\u{FAD9}\u{20000}?"
        let scalars = Array(text.unicodeScalars)
        let runs = MojibakeRepair.findRuns(scalars)
        #expect(runs.count == 1)
        let frequency = MojibakeRepair.frequencyOutside(runs, in: scalars)
        #expect(frequency.count("海") == repeats + 1)
        #expect(frequency.count("口") == 2)  // the one in the run is not counted
        #expect(frequency.count("谑") == 0)  // only inside the run
        #expect(frequency.count("\u{F900}") == 1 && frequency.count("\u{FAD9}") == 1 && frequency.count("\u{20000}") == 1)
        #expect(frequency.count("?") == 0 && frequency.count("，") == 0)
    }

    @Test("frequencies count ideographs and bigrams outside the runs") func frequencies() {
        let scalars = Array("海口海??谑口，海口\u{20000}海\u{20000}".unicodeScalars)
        let runs = MojibakeRepair.findRuns(scalars)
        let frequency = MojibakeRepair.frequencyOutside(runs, in: scalars)
        var characters: [Unicode.Scalar: Int] = [:]
        var bigrams: [String: Int] = [:]
        var index = 0
        var previous: Unicode.Scalar?
        var runIndex = 0
        while index < scalars.count {
            if runIndex < runs.count, index == runs[runIndex].start {
                index = runs[runIndex].end
                runIndex += 1
                previous = nil
                continue
            }
            if CJK.isIdeograph(scalars[index]) { characters[scalars[index], default: 0] += 1 }
            if let previous { bigrams["\(previous)\(scalars[index])", default: 0] += 1 }
            previous = scalars[index]
            index += 1
        }
        for scalar in "海口谑?x\u{20000}".unicodeScalars {
            #expect(frequency.count(scalar) == characters[scalar, default: 0])
            for second in "海口谑?x\u{20000}".unicodeScalars {
                #expect(frequency.count(scalar, second) == bigrams["\(scalar)\(second)", default: 0])
                #expect(frequency.count(following: scalar, second) == bigrams["\(scalar)\(second)", default: 0])
            }
        }
        #expect(frequency.count("海") == 4)
        #expect(frequency.count("\u{20000}") == 2)
        #expect(frequency.count("海", "口") == 2)
    }

    @Test("tone-mark range check agrees with the set for every BMP scalar") func toneMarks() {
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(PinyinAnnotationStripper.isToneMarked(scalar) == PinyinAnnotationStripper.toneMarked.contains(scalar))
        }
    }

    @Test("script detection counts Traditional-only and Simplified-only characters") func script() {
        #expect(ChineseScriptConverter.isTraditional("營商環境：們這個"))
        #expect(!ChineseScriptConverter.isTraditional("們這"))
        #expect(!ChineseScriptConverter.isTraditional("們這個们这个"))
        #expect(ChineseScriptConverter.isTraditional("們這個们这"))
        #expect(!ChineseScriptConverter.isTraditional("营商环境"))
        func marker(_ scalar: Unicode.Scalar) -> UInt64 {
            ChineseScriptConverter.scriptMarkers.withUnsafeBufferPointer { ChineseScriptConverter.scriptMarker(Int(scalar.value), in: $0) }
        }
        #expect(marker("與") == 2 && marker("与") == 1 && marker("海") == 0)
        // Every BMP scalar's packed marker equals the lists' answer.
        let traditional = Set(ReferenceScriptAndMojibakeChecks.traditionalOnly.unicodeScalars)
        let simplified = Set(ReferenceScriptAndMojibakeChecks.simplifiedOnly.unicodeScalars)
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let expected: UInt64 = traditional.contains(scalar) ? 2 : simplified.contains(scalar) ? 1 : 0
            if marker(scalar) != expected { Issue.record("U+\(String(value, radix: 16))") }
        }
    }

    /// The definition: some window of the text's bytes equals the needle's bytes.
    @Test("byte search agrees with comparing every window") func byteSearchWindows() {
        var random = SplitMix64(seed: 41)
        let alphabet: [Unicode.Scalar] = Array("日电讯记者ab。\u{20000}".unicodeScalars)
        func text(_ count: Int) -> String { String(scalars: (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }) }
        var found = 0
        for _ in 0..<3000 {
            let haystack = text(Int(random.next() % 40))
            let needle = text(Int(random.next() % 4))
            let (h, n) = (Array(haystack.utf8), Array(needle.utf8))
            let expected = n.isEmpty || (n.count <= h.count && (0...(h.count - n.count)).contains { Array(h[$0..<$0 + n.count]) == n })
            #expect(ScalarText.containsBytes(haystack, needle) == expected, "\(haystack) \(needle)")
            if expected { found += 1 }
        }
        #expect(found > 500 && found < 2900)  // both answers are exercised
    }

    @Test("byte search finds exactly the substrings of plain text") func byteSearch() {
        #expect(ScalarText.containsBytes("网友评论区", "评论"))
        #expect(!ScalarText.containsBytes("网友评", "评论"))
        #expect(ScalarText.containsBytes("abc", ""))
        #expect(!ScalarText.containsBytes("a", "ab"))
        #expect(ScalarText.containsBytes("ab", "ab"))
        for (text, needle) in [("分享到微信", "分享到"), ("扫一扫", "扫二"), ("相关阅读", "读"), ("x相关新闻", "x相")] {
            #expect(ScalarText.isPlain(text))
            #expect(ScalarText.containsBytes(text, needle) == text.contains(needle))
        }
        #expect(!ScalarText.isPlain("e\u{301}"))
        #expect(!ScalarText.isPlain("a\r\nb"))
        #expect(ScalarText.containsPair("2024年", 0x32, 0x30))
        #expect(!ScalarText.containsPair("1 9", 0x31, 0x39))
    }

    @Test("whitespace trimming equals Foundation's") func trimming() {
        for text in ["", " ", "\u{3000}正文\u{3000}", "\t a b \u{200B}", "正文", " \u{301}x ", "\n正文\n", "\u{A0}"] {
            #expect(ScalarText.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespaces))
            #expect(Array(ScalarText.trimmingWhitespace(text).unicodeScalars) == Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars))
        }
    }

    @Test("credit pre-check passes every line parseCredits reads") func creditPreCheck() {
        for line in ["责任编辑：王小义", "（记者 兰荣江）", " 【 编辑 】张三", "责 编 李四", "实习生 王五", "(\u{301}记者 张三)"] {
            #expect(BylineParser.mayStartWithCreditRole(line))
        }
        for line in ["正文。", "（图为会场）", "   ", ""] {
            #expect(!BylineParser.mayStartWithCreditRole(line))
            #expect(BylineParser.parseCredits(line) == nil)
        }
        #expect(BylineParser.parseCredits("责 编 李四")?.editors == ["李四"])
    }

    @Test("control-character share counts scalars, not bytes") func controlShare() {
        #expect(DocumentDecoder.controlCharacterShare("") == 0)
        #expect(DocumentDecoder.controlCharacterShare("海\u{1}") == 0.5)
        #expect(DocumentDecoder.controlCharacterShare("a\r\n\t\u{7}") == 0.2)  // five scalars, one control
        let long = String(repeating: "海", count: 65536) + String(repeating: "\u{1}", count: 10)
        #expect(DocumentDecoder.controlCharacterShare(long) == 0)
    }

    /// The word-at-a-time count against the scalar walk it replaced, also across the 65,536-scalar limit.
    @Test("control-character share equals counting scalar by scalar") func controlShareReference() {
        func reference(_ text: String) -> Double {
            var control = 0
            var total = 0
            for scalar in text.unicodeScalars.prefix(65536) {
                total += 1
                if scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value) { control += 1 }
            }
            return total == 0 ? 0 : Double(control) / Double(total)
        }
        var random = SplitMix64(seed: 61)
        let alphabet: [Unicode.Scalar] = ["海", "a", "\u{0}", "\u{1}", "\u{1F}", "\t", "\n", "\r", " ", "\u{7F}", "é", "\u{20000}", "\u{80}"]
        for round in 0..<400 {
            let count = round < 390 ? Int(random.next() % 70) : 65_530 + Int(random.next() % 20)
            let text = String(scalars: (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            #expect(DocumentDecoder.controlCharacterShare(text) == reference(text), "round \(round)")
        }
    }
}

@Suite("Byline fast paths") struct BylineFastPathTests {
    @Test("byline parsing of plain and non-plain lines", arguments: [
        "人民网记者 毛雷", "环球网2024-04-19 18:35", "记者兰荣江编辑潘正祥", "正文，没有署名。", "来源：新华社", "作者:张三",
        "e\u{301}记者 张三", "本报记者 李四\u{3000}", "2019年5月3日", "普通的一行",
    ])
    func parse(_ line: String) {
        let hints = BylineParser.parseLine(line)
        let isByline = hints != nil
        let expected = ["人民网记者 毛雷", "环球网2024-04-19 18:35", "记者兰荣江编辑潘正祥", "来源：新华社", "作者:张三",
            "e\u{301}记者 张三", "本报记者 李四\u{3000}", "2019年5月3日"].contains(line)
        #expect(isByline == expected)
        if line == "人民网记者 毛雷" {
            #expect(hints?.authors == ["毛雷"])
            #expect(hints?.publisher == "人民网")
        }
    }
}

@Suite("Normalisation and stripping fast paths") struct NormalizationFastPathTests {
    @Test("NFC-inert scalars are their own NFC, combining class 0 and never the second half of a composition")
    func nfcInert() {
        // Every scalar that appears after the first place of some canonical decomposition.
        var seconds = Set<UInt32>()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            default: break
            }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            for later in decomposed.dropFirst() { seconds.insert(later.value) }
        }
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), TextNormalizer.isNFCInert(scalar) else { continue }
            let hex = "U+\(String(value, radix: 16))"
            #expect(scalar.properties.canonicalCombiningClass.rawValue == 0, "\(hex)")
            #expect(Array(String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars) == [scalar], "\(hex)")
            #expect(!seconds.contains(value), "\(hex)")
        }
    }

    @Test("the NFC pre-check skips only texts normalisation would leave as they are, or always skipped")
    func nfcStable() {
        for text in ["营商环境", "约≈3.5⑷\u{E088}", "a\u{2000}b", "\u{302B}\u{302A}"] {
            #expect(TextNormalizer.isNFCStable(text))
        }
        for text in ["\u{2000}≈", "\u{E088}\u{302A}", "\u{2ADC}", "e\u{301}", "\u{F900}", "\u{2126}", "한"] {
            #expect(!TextNormalizer.isNFCStable(text))
        }
        for text in ["约≈3.5⑷\u{E088}", "①②㎡℃", "“引号”…—"] where TextNormalizer.isNFCStable(text) {
            #expect(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(text.unicodeScalars))
        }
    }

    @Test("scalar arrays equal the scalar view") func scalarArrays() {
        for text in ["", "a", "营商环境", "e\u{301}\r\n\u{20000}x", String(repeating: "海a", count: 100)] {
            #expect(ScalarText.decodedScalars(text) == Array(text.unicodeScalars))
        }
    }

    @Test("pinyin stripping keeps texts without an annotation as they are") func pinyinUntouched() {
        for text in ["营商(试行)", "café", "(A)", "", "ā)", "(ā", " (yíng)"] {
            #expect(PinyinAnnotationStripper().strip(text).text == text)
            #expect(PinyinAnnotationStripper().strip(text).removed == 0)
        }
        #expect(PinyinAnnotationStripper().strip("營(yíng)商環(huán)境").text == "營商環境")
        #expect(PinyinAnnotationStripper().strip("café (试行)").removed == 0)
    }
}

@Suite("Boilerplate and byline fast paths") struct BoilerplateFastPathTests {
    @Test("placeholders do not decompose, so the length pre-check holds") func placeholders() {
        for placeholder in BoilerplateFilter.placeholders {
            #expect(placeholder.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(placeholder.unicodeScalars))
            #expect(BoilerplateFilter.mayBePlaceholder(placeholder))
        }
        #expect(!BoilerplateFilter.mayBePlaceholder(String(repeating: "图", count: 9)))
    }

    @Test("trimming and replacing shortcuts equal Foundation") func shortcuts() {
        let set = BylineParser.tokenBrackets
        for text in ["", "（记者", "张三）", "：张三", "张三", "【", "e\u{301}", "(a)"] {
            #expect(ScalarText.trimming(text, in: set) == text.trimmingCharacters(in: set))
        }
        for (text, target) in [("来源：新华社", "来源："), ("新华社", "来源："), ("e\u{301}作者:", "作者:"), ("", "作者:")] {
            let plain = ScalarText.isPlain(text)
            #expect(ScalarText.replacing(target, with: " ", in: text, textIsPlain: plain) == text.replacingOccurrences(of: target, with: " "))
        }
    }

    @Test("scalar trimming equals Foundation's, scalar for scalar, on random texts") func scalarTrimming() {
        let pieces = ["", " ", "(", ")", "（", "）", "[", "]", "【", "】", ":", "：", "张", "三", "e\u{301}", "\u{301}", "𠀀", "\u{3000}", "a", "\r\n"]
        var generator = SplitMix64(seed: 31)
        for set in [BylineParser.tokenBrackets, BylineParser.creditBrackets, BoilerplateFilter.captionBrackets] {
            for _ in 0..<5000 {
                let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                #expect(Array(ScalarText.trimming(text, in: set).unicodeScalars) == Array(text.trimmingCharacters(in: set).unicodeScalars), "\(text.debugDescription)")
            }
        }
    }

    @Test("word lists with one-byte, empty and shared-prefix words match as byte searches do") func wordLists() {
        let lists = [["a", "bc"], ["", "ab"], ["ab", "abc", "ba"], ["记者", "记", "者b"], ["nav", "ad-", "zw"], []]
        let pieces = ["a", "b", "c", "-", "记", "者", "n", "v", "z", "w", "d", " "]
        var generator = SplitMix64(seed: 11)
        for list in lists {
            let matcher = WordListMatcher(list)
            for _ in 0..<3000 {
                let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let expected = list.contains { !$0.isEmpty && ScalarText.containsBytes(text, $0) }
                #expect(matcher.matches(text) == expected, "\(list) \(text.debugDescription)")
            }
        }
    }

    @Test("scalar search with wmemchr equals a linear search, in every range") func scalarSearch() {
        let alphabet: [Unicode.Scalar] = ["?", "海", "a", "\u{20000}", "\u{10FFFF}", "\u{0}", "\u{FFFF}"]
        var generator = SplitMix64(seed: 17)
        for _ in 0..<400 {
            let scalars = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            scalars.withUnsafeBufferPointer { buffer in
                for lower in 0...scalars.count {
                    for upper in lower...scalars.count {
                        for scalar in alphabet.prefix(3) {
                            let expected = (lower..<upper).first { scalars[$0] == scalar }
                            #expect(ScalarMemchr.firstIndex(of: scalar, in: buffer, range: lower..<upper) == expected)
                            var all: [Int] = []
                            ScalarMemchr.forEachIndex(of: scalar, in: buffer, range: lower..<upper) { all.append($0) }
                            #expect(all == (lower..<upper).filter { scalars[$0] == scalar })
                        }
                        let values = scalars.map(\.value)
                        for value: UInt32 in [0x3F, 0x10FFFF, 0, 0xFFFF_FFFF] {
                            let slice = Array(values[lower..<upper])
                            #expect(rk_find_u32(slice, slice.count, value) == rk_find_u32_portable(slice, slice.count, value))
                        }
                    }
                }
            }
        }
    }

    @Test("UTF-8 offsets of ascending scalar indices equal summed widths") func scalarOffsets() {
        let alphabet: [Unicode.Scalar] = ["a", "é", "海", "\u{20000}", "?", "\u{80}", "\u{7FF}", "\u{800}"]
        var generator = SplitMix64(seed: 23)
        for _ in 0..<2000 {
            let scalars = (0..<Int.random(in: 0...120, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let widths = scalars.map { UTF8.width($0) }
            var text = String(scalars: scalars)
            var targets: [Int] = []
            var next = 0
            while next <= scalars.count {
                targets.append(next)
                next += Int.random(in: 0...20, using: &generator)
            }
            let offsets = text.withUTF8 { bytes in
                var walker = UTF8ScalarOffsets(bytes)
                return targets.map { walker.offset(ofScalar: $0) }
            }
            #expect(offsets == targets.map { widths.prefix($0).reduce(0, +) })
        }
    }

    @Test("joined lines equal joined(separator:), byte for byte") func joinedLines() {
        let pieces = ["", "a", "正文。", "e\u{301}", "\u{301}", "𠀀", " ", "\r", "ASCII only"]
        var generator = SplitMix64(seed: 3)
        for _ in 0..<3000 {
            let lines = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            let joined = ScalarText.joinedLines(lines)
            #expect(Array(joined.utf8) == Array(lines.joined(separator: "\n").utf8), "\(lines)")
            #expect(joined == lines.joined(separator: "\n"))
        }
    }

    @Test("short-clause check equals the Character-level one") func shortClause() {
        for text in ["记者张三", "记者张三。", "责任编辑,王", String(repeating: "张", count: 40), String(repeating: "张", count: 41),
            "e\u{301}编辑", "a\r\nb", ""]
        {
            let expected = text.count <= 40 && !text.contains(where: { "。？！，?!,".contains($0) })
            #expect(BylineParser.isShortClause(text) == expected)
        }
    }

    @Test("lines split on line feeds and drop empty lines") func lines() {
        var random = SplitMix64(seed: 109)
        let pieces = ["\n", "\n\n", "\r\n", "海", "口，", "a", "12", "é", "\u{20000}", " "]
        let texts = ["", "\n", "a\n\nb\n", "第一段\r\n第二段", "x", "\n\n海\n"] + (0..<3000).map { _ in
            (0..<Int(random.next() % 30)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
        for text in texts {
            let expected = text.utf8.split(separator: 0x0A).map { String(Substring($0)) }
            let lines = ScalarText.lines(text)
            #expect(lines == expected)
            #expect(lines.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(text.debugDescription)")
        }
    }
}
