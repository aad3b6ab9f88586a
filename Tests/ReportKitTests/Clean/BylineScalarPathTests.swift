import Foundation
import Testing
@testable import ReportKit

/// The scalar and byte paths of the byline and caption checks must answer exactly as the Character-level
/// code they shortcut (``ReferenceBylineParser``), on random lines built from the words those checks read.
@Suite("Byline and caption scalar paths") struct BylineScalarPathTests {
    static let pieces: [String] = [
        "责任编辑", "责编", "编审", "编辑", "审核", "校对", "记者", "通讯员", "摄影", "实习生", "责", "编", "审", "记", "摄",
        "张三", "李", "王小义", "兰荣江", "：", ":", "、", ",", "，", "。", "？", "!", " ", "（", "）", "(", ")", "[", "]",
        "【", "】", "网", "报", "社", "日报", "新闻", "客户端", "人民", "中国发展", "图", "图片", "供图", "资料图", "影",
        "abc", "X", "1", "e\u{301}", "\u{301}", "\u{FA4C}", "\u{2F800}", "\u{20000}", "\u{200D}", "\r\n", "\u{3000}",
    ]

    static func randomLine(_ generator: inout SplitMix64, maxPieces: Int) -> String {
        let count = Int.random(in: 0...maxPieces, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("scalar credit parsing equals the Character-level one") func credits() {
        var generator = SplitMix64(seed: 91)
        var parsed = 0
        let fixed = ["责任编辑：王小义", "记者兰荣江编辑潘正祥编审兰荣江", "（记者 张三、李四）", "编辑:", "摄影 e\u{301}张", "记者\u{FA4C}"]
        for line in fixed + (0..<20000).map({ _ in
            // Most random lines start with a role, so the parser's loop is reached.
            Self.pieces[Int.random(in: 0..<10, using: &generator)] + Self.randomLine(&generator, maxPieces: 8)
        }) {
            let expected = ReferenceBylineParser.parseCredits(line)
            #expect(BylineParser.parseCredits(line) == expected, "\(line.debugDescription)")
            if expected != nil { parsed += 1 }
        }
        #expect(parsed > 1000 && parsed < 19000)  // both answers are exercised
    }

    @Test("byline line parsing equals the Character-level one") func lines() {
        var generator = SplitMix64(seed: 37)
        let bits = Self.pieces + [
            "来源：", "来源:", "作者：", "作者:", "来源", "作者", "全媒体", "融媒体", "媒体", "报道", "摄像", "人民网", "中新网", "央视新闻客户端",
            "2024-04-19", "2019年5月3日", " 18:35", "20", "19", "|", "丨", "时间", "星期", "毛雷", "作", "源", "者", "\u{FA5B}",
        ]
        var parsed = 0
        let fixed = [
            "", "人民网记者 毛雷", "环球网2024-04-19 18:35", "来源：新华社", "作者:张三", "e\u{301}记者 张三", "融媒体记者 张三",
            "本报全媒体记者 李四报道", "2019年5月3日 作者：王五", "记\u{FA5B} 张三", "（央视记者 许明远 何雨 摄像 周凯）",
        ]
        for line in fixed + (0..<20000).map({ _ in
            (0..<Int.random(in: 0...7, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
        }) {
            let expected = ReferenceBylineParser.parseLine(line)
            #expect(BylineParser.parseLine(line) == expected, "\(line.debugDescription)")
            if expected != nil { parsed += 1 }
        }
        #expect(parsed > 1000 && parsed < 19000)
    }

    @Test("one pass finds the same words as a byte search per word") func presentWords() {
        var generator = SplitMix64(seed: 41)
        let lists = [
            BylineParser.lineWords, BylineParser.tokenMarkerWords, WordListMatcher(["a", "ab", "", "b"]), WordListMatcher(["记者", "记", "者b"]),
        ]
        let words = [
            ["。", "，", "记者", "通讯员", "来源", "作者", "编辑"], BylineParser.tokenMarkers.map(\.0) + ["媒体"], ["a", "ab", "", "b"],
            ["记者", "记", "者b"],
        ]
        let pieces = ["记", "者", "记者", "通讯员", "来源", "作者", "编辑", "摄影", "摄像", "媒体", "。", "，", "a", "b", " ", "\u{FA5B}", "𠀀"]
        for (matcher, list) in zip(lists, words) {
            for _ in 0..<4000 {
                let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                var expected: UInt64 = 0
                for (index, word) in list.enumerated() where !word.isEmpty && ScalarText.containsBytes(text, word) {
                    expected |= 1 << UInt64(index)
                }
                #expect(matcher.presentWords(in: text) == expected, "\(list) \(text.debugDescription)")
            }
        }
    }

    @Test("byline tokens and byte-pair search equal the Character-level ones") func tokens() {
        var generator = SplitMix64(seed: 57)
        var plainLines = 0
        let separators = [" ", "、", "|", "丨", "　", "  ", "1", "9", "2", "0"]
        for line in ["", " ", "记者 张三、李四|王五丨赵六　钱七", "e\u{301} 张", "人民网 \u{301}记者"] + (0..<20000).map({ _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Bool.random(using: &generator) ? separators.randomElement(using: &generator)! : Self.randomLine(&generator, maxPieces: 1)
            }.joined()
        }) {
            let characterSplit = line.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "|" || $0 == "丨" || $0 == "　" })
            let plain = ScalarText.isPlain(line)
            #expect(BylineParser.tokens(line, textIsPlain: plain).map(String.init) == characterSplit.map(String.init), "\(line.debugDescription)")
            #expect(ScalarText.containsPair(line, 0x31, 0x39) == ScalarText.containsPair(line.utf8, 0x31, 0x39), "\(line.debugDescription)")
            #expect(ScalarText.containsPair(line, 0x32, 0x30) == ScalarText.containsPair(Array(line.utf8), 0x32, 0x30), "\(line.debugDescription)")
            if plain { plainLines += 1 }
        }
        #expect(plainLines > 1000 && plainLines < 19000)
    }

    @Test("image-name check equals the regular expression alone") func imageNames() {
        var generator = SplitMix64(seed: 73)
        let bits = [
            "a", "图", "photo_1", ".", ".png", ".PNG", ".jpeg", ".JpG", ".gif", ".GIF", ".webp", ".bmp", " ", "。", "ｇ", "ｐｎｇ",
            "\u{301}", "g", "f", "p", "P", "ſ", "\u{212A}", "ﬀ", "İ", "e\u{301}", "𠀀", "1",
        ]
        var names = 0
        for line in ["a.png", "图片.JPG", "a.pnｇ", "x.gi\u{FB00}", "a b.png", "a.png。"] + (0..<20000).map({ _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
        }) {
            let expected = BoilerplateFilter.imageName.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
            #expect(BoilerplateFilter.isImageName(line) == expected, "\(line.debugDescription)")
            if expected { names += 1 }
        }
        #expect(names > 100)
    }

    @Test("marker sets find a marker exactly when String.contains does") func markerSets() {
        var generator = SplitMix64(seed: 79)
        let markers = BoilerplateFilter.widgetMarkers + BoilerplateFilter.trailerMarkers
        // Whole markers, their pieces, scalars sharing a marker's first byte, and others.
        let bits = markers + markers.flatMap { $0.map(String.init) } + ["扫", "关", "a", "1", " ", "。", "\u{2F800}", "𠀀", "码关", "评"]
        var found = 0
        for line in ["", "扫一扫", "扫码关注", "关注", "分享"] + (0..<20000).map({ _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
        }) {
            guard ScalarText.isPlain(line) else { continue }
            for (words, set) in [
                (BoilerplateFilter.widgetMarkers, BoilerplateFilter.widgetMarkerSet),
                (BoilerplateFilter.trailerMarkers, BoilerplateFilter.trailerMarkerSet),
            ] {
                let expected = words.contains { line.contains($0) }
                #expect(set.matches(line) == expected, "\(line.debugDescription)")
                if expected { found += 1 }
            }
        }
        #expect(found > 1000 && found < 30000)
    }

    @Test("dateline mark check equals two byte searches") func datelineMarks() {
        var generator = SplitMix64(seed: 83)
        let bits = ["日", "电", "讯", "日电", "日讯", "月", "新华社", "6", "\u{6000}", "\u{65E0}", "旗", "a", "。", "𠀀"]
        var marked = 0
        for text in ["", "日", "日电", "x日讯", "日日电", "电日"] + (0..<20000).map({ _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
        }) {
            let expected = ScalarText.containsBytes(text, "日电") || ScalarText.containsBytes(text, "日讯")
            #expect(BylineParser.holdsDatelineMark(text) == expected, "\(text.debugDescription)")
            if expected { marked += 1 }
        }
        #expect(marked > 1000 && marked < 19000)
    }

    @Test("person-name check equals a search per label word") func personNames() {
        var generator = SplitMix64(seed: 29)
        let others = ["张", "三", "时", "间", "作", "者", "\u{FA5B}", "𠀀", "a", "e\u{301}", "王小义", "李"]
        var names = 0
        var labelled = 0
        for token in ["", "张三", "作者", "时间张", "张\u{FA5B}"] + (0..<20000).map({ _ in
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                (Int.random(in: 0..<4, using: &generator) == 0 ? BylineParser.labelWords : others).randomElement(using: &generator)!
            }.joined()
        }) {
            let expected = ReferenceBylineParser.isPersonName(token)
            #expect(BylineParser.isPersonName(token) == expected, "\(token.debugDescription)")
            if expected { names += 1 }
            if !expected && (2...4).contains(token.count) && token.unicodeScalars.allSatisfy(CJK.isIdeograph) { labelled += 1 }
        }
        #expect(names > 1000 && labelled > 1000)
    }

    @Test("outlet check equals the Character-level one") func outlets() {
        var generator = SplitMix64(seed: 5)
        var outlets = 0
        for token in ["人民网", "中新社", "\u{FA4C}", "中国\u{FA4C}", "a社", "社"] + (0..<20000).map({ _ in Self.randomLine(&generator, maxPieces: 4) }) {
            let expected = ReferenceBylineParser.isOutlet(token)
            #expect(BylineParser.isOutlet(token) == expected, "\(token.debugDescription)")
            if expected { outlets += 1 }
        }
        #expect(outlets > 100 && outlets < 19000)
    }

    @Test("caption pre-check passes every line with a caption answer") func captionPreCheck() {
        var generator = SplitMix64(seed: 13)
        var captions = 0
        for line in ["新华社记者 张三 摄", "（资料图片）", "图", "e\u{301}摄"] + (0..<20000).map({ _ in Self.randomLine(&generator, maxPieces: 6) }) {
            let answer = BoilerplateFilter.captionPhotographer(line)
            if answer != nil {
                captions += 1
                #expect(BoilerplateFilter.mayBeCaption(line, isPlain: ScalarText.isPlain(line)), "\(line.debugDescription)")
            }
        }
        #expect(captions > 100)
    }

    @Test("caption answers read from bytes for plain lines equal the Character-level ones") func captionPlainPath() {
        var generator = SplitMix64(seed: 17)
        var captions = 0
        var plainLines = 0
        let fixed = ["新华社记者 张三 摄", "（资料图片）", "图", "e\u{301}摄", "（记者 李四 摄影）", "张三供图", "[王五 摄]", "摄"]
        for line in fixed + (0..<20000).map({ _ in Self.randomLine(&generator, maxPieces: 6) }) {
            let plain = ScalarText.isPlain(line)
            let expected = BoilerplateFilter.captionPhotographer(line)  // every question asked of Characters
            #expect(BoilerplateFilter.captionPhotographer(line, isPlain: plain) == expected, "\(line.debugDescription)")
            if plain { plainLines += 1 }
            if plain && expected != nil { captions += 1 }
        }
        #expect(captions > 100 && plainLines > 1000)
    }

    @Test("title check and byte search equal the Character-level ones") func titles() {
        var generator = SplitMix64(seed: 31)
        var titles = 0
        let fixed = ["营商环境持续优化", "营商环境。持续优化", "营商e\u{301}环境持续", "人民网记者 毛雷", "短", "营商环境持续优化，"]
        for line in fixed + (0..<20000).map({ _ in Self.randomLine(&generator, maxPieces: 10) }) {
            let expected = ReferenceBoilerplate.looksLikeTitle(line)
            #expect(BoilerplateFilter.looksLikeTitle(line) == expected, "\(line.debugDescription)")
            #expect(ScalarText.containsByte(line, 0x20) == line.utf8.contains(0x20), "\(line.debugDescription)")
            if expected { titles += 1 }
        }
        #expect(titles > 100 && titles < 19000)
    }

    @Test("summary pre-check passes every line that starts with a summary label") func summaryPreCheck() {
        var generator = SplitMix64(seed: 47)
        var summaries = 0
        var skipped = 0
        let labels = ["摘要:", "摘要：", "【摘要】", "摘", "【", "\u{301}", "e\u{301}", "", "", ""]
        for line in ["摘要：正文", "【摘要】正文", "正文", ""] + (0..<20000).map({ _ in
            labels[Int.random(in: 0..<labels.count, using: &generator)] + Self.randomLine(&generator, maxPieces: 3)
        }) {
            let isSummary = line.hasPrefix("摘要:") || line.hasPrefix("摘要：") || line.hasPrefix("【摘要】")
            if isSummary {
                summaries += 1
                #expect(BoilerplateFilter.mayStartSummary(line), "\(line.debugDescription)")
            }
            if !BoilerplateFilter.mayStartSummary(line) { skipped += 1 }
        }
        #expect(summaries > 1000 && skipped > 1000)  // both answers are exercised
    }
}
