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
        #expect(ChineseScriptConverter.scriptMarkers["與"] == true)
        #expect(ChineseScriptConverter.scriptMarkers["与"] == false)
        #expect(ChineseScriptConverter.scriptMarkers["海"] == nil)
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
