import Foundation
import Testing
@testable import ReportKit

/// The hand-written and flat-table code of the extract stage must give exactly the answers of the code it replaces.
@Suite("Extract fast paths") struct ExtractFastPathTests {
    static func random<T>(_ choices: [T], _ random: inout SplitMix64) -> T { choices[Int(random.next() % UInt64(choices.count))] }

    /// Counted in Characters like `count`: CR LF, a combining accent and an emoji sequence are one each.
    @Test("hasTwoCharacters equals count >= 2") func twoCharacters() {
        let pieces = ["营", "a", "\r\n", "\r", "\n", "e\u{301}", "👩\u{200D}💻", "\u{301}", "１", " "]
        var random = SplitMix64(seed: 41)
        var texts = [""] + pieces
        for _ in 0..<3000 { texts.append((0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()) }
        for text in texts { #expect(text.hasTwoCharacters == (text.count >= 2), "\(text.debugDescription)") }
    }

    /// In plain text (every scalar a Character of its own) the scalar count gives the same answer.
    @Test("hasTwoCharacters(plain:) equals count >= 2") func twoCharactersPlain() {
        let plain = ["营", "a", "\n", "\u{3000}", "\u{FF10}", "\u{E000}", "\u{2FF}", "\u{3400}", "１", " ", "\u{9FFF}", "“"]
        let other = ["\r\n", "e\u{301}", "👩\u{200D}💻", "\u{301}", "\u{20000}"]
        var random = SplitMix64(seed: 43)
        for round in 0..<4000 {
            let pieces = round % 2 == 0 ? plain : plain + other
            let text = (0..<Int(random.next() % 4)).map { _ in Self.random(pieces, &random) }.joined()
            let isPlain = ScalarText.isPlain(text)
            if round % 2 == 0 { #expect(isPlain) }
            #expect(text.hasTwoCharacters(plain: isPlain) == (text.count >= 2), "\(text.debugDescription)")
        }
    }

    @Test("period scanner equals the period regex") func periods() {
        // Single characters and the pattern's words, so that matches and near misses are both common.
        let alphabet = Array("截至止底末月日目前今年以来去季度上半一二三四五十1234567890个份近自，,。；x\n\u{20000}").map { String($0) }
            + ["截至", "截止", "今年", "去年", "以来", "季度", "上半年", "个月", "月份", "近年来", "20", "19", "目前", "自"]
        var generator = SplitMix64(seed: 3)
        var found = 0
        for round in 0..<6000 {
            let length = Int(generator.next() % (round < 5000 ? 24 : 60))
            let scalars = (0..<length).flatMap { _ in Self.random(alphabet, &generator).unicodeScalars }
            let text = String(String.UnicodeScalarView(scalars))
            let expected = MetricExtractor.referencePeriod(in: text)
            let range = PeriodScanner.lastMatch(in: scalars[...])
            #expect(range.map { String(String.UnicodeScalarView(scalars[$0])) } == expected, "\(text.debugDescription)")
            if expected != nil { found += 1 }
        }
        for text in ["截至2024年9月底", "截至目前", "今年以来", "今年一季度", "今年前三个月", "今年12月", "2024年5月份以来", "2023年",
            "去年以来", "去年", "近年来", "近3年", "自2019年以来", "自改革以来以来", "截至，月", "20245年", "今年前个月"] {
            #expect(PeriodScanner.lastMatch(in: Array(text.unicodeScalars)[...]).map { String(String.UnicodeScalarView(Array(text.unicodeScalars)[$0])) }
                == MetricExtractor.referencePeriod(in: text), "\(text)")
        }
        #expect(found > 1000)
    }

    /// Claims at increasing positions of one sentence, now and then an earlier one, with long 自…以来 runs so that
    /// matches straddle the claims.
    @Test("period cursor equals a scan from the sentence start per claim") func periodCursor() {
        let alphabet = Array("截至止底末月日目前今年以来去季度上半一二三四五十1234567890个份近自，,。；x").map { String($0) }
            + ["截至", "截止", "今年", "去年", "以来", "季度", "上半年", "个月", "近年来", "2024年", "自", "自改革开放", "以来", "目前"]
        var generator = SplitMix64(seed: 61)
        var found = 0
        for _ in 0..<3000 {
            let scalars = (0..<Int(generator.next() % 40)).flatMap { _ in Self.random(alphabet, &generator).unicodeScalars }
            let sentenceStart = Int(generator.next() % UInt64(min(scalars.count, 6) + 1))
            var cursor = PeriodScanner.Cursor(sentenceStart: sentenceStart)
            // The same claims through the spans, whose flag bytes let the scan skip to the possible starts.
            let spans = TextSpans(String(String.UnicodeScalarView(scalars)))
            var flaggedCursor = PeriodScanner.Cursor(sentenceStart: sentenceStart)
            var end = sentenceStart
            for _ in 0..<6 {
                if generator.next() % 5 == 0 {
                    end = sentenceStart + Int(generator.next() % UInt64(scalars.count - sentenceStart + 1))
                } else {
                    end = min(scalars.count, end + Int(generator.next() % 12))
                }
                let expected = PeriodScanner.lastMatch(in: scalars[sentenceStart..<end])
                #expect(cursor.lastMatch(before: end, in: scalars) == expected, "\(String(String.UnicodeScalarView(scalars))) \(sentenceStart) \(end)")
                #expect(flaggedCursor.lastMatch(before: end, in: spans) == expected, "\(String(String.UnicodeScalarView(scalars))) \(sentenceStart) \(end)")
                if expected != nil { found += 1 }
            }
        }
        #expect(found > 2000)
    }

    @Test("flat name table counts exactly as the per-scalar index") func regionCounts() {
        let gazetteer = RegionGazetteer.shared
        let resolver = RegionResolver(gazetteer: gazetteer)
        let names = gazetteer.names
        let pieces: [String] = ["陈", "王", "，", "的", "市", "县", "区", "\u{20000}", "a", "省"]
        var generator = SplitMix64(seed: 9)
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<Int(generator.next() % 30) {
                switch generator.next() % 4 {
                case 0: text += Self.random(names, &generator)
                case 1: text += String(Self.random(names, &generator).prefix(Int(generator.next() % 3) + 1))
                default: text += Self.random(pieces, &generator)
                }
            }
            let scalars = Array(text.unicodeScalars)
            var fast: [Int: Int] = [:]
            var reference: [Int: Int] = [:]
            gazetteer.scanTable.count(scalars, weight: 3, into: &fast)
            resolver.referenceCount(scalars, weight: 3, into: &reference)
            // The count that skips to the name starts the decoding flagged.
            var flagged: [Int: Int] = [:]
            gazetteer.scanTable.count(TextSpans(text), weight: 3, into: &flagged)
            #expect(flagged == reference, "\(text)")
            #expect(fast == reference, "\(text)")
            // The resolver's flat tally: each name once, with the weights of both counts summed.
            var tally = MentionTally()
            gazetteer.scanTable.count(scalars, weight: 3, into: &tally)
            gazetteer.scanTable.count(scalars, weight: 1, into: &tally)
            let tallied = Dictionary(tally.entries.map { ($0.number, $0.weight) }, uniquingKeysWith: +)
            #expect(tally.entries.count == tallied.count && tallied == reference.mapValues { $0 / 3 * 4 }, "\(text)")
            var expectedLeading: Int?
            if let first = scalars.first, let candidates = gazetteer.nameIndex[first] {
                expectedLeading = candidates.first { $0.matches(scalars, at: 0, in: gazetteer) }?.length
            }
            #expect(gazetteer.leadingName(of: scalars) == expectedLeading, "\(text)")
        }
    }

    @Test("one-pass text spans equal the loop-per-job definition") func spans() {
        let alphabet = Array("。！？；!?;\n”’」』)）“‘「《》\"，,好办\r\u{301}\u{20000}").map { String($0) } + [String(repeating: "长", count: 30)]
        var generator = SplitMix64(seed: 21)
        for _ in 0..<3000 {
            let text = (0..<Int(generator.next() % 40)).map { _ in Self.random(alphabet, &generator) }.joined()
            let spans = TextSpans(text)
            let reference = TextSpans.reference(text)
            #expect(spans.scalars == Array(text.unicodeScalars))
            #expect(spans.isPlain == reference.isPlain, "\(text.debugDescription)")
            #expect(spans.sentences == reference.sentences, "\(text.debugDescription)")
            #expect(spans.titles == reference.titles, "\(text.debugDescription)")
            #expect(spans.slogans == reference.slogans, "\(text.debugDescription)")
            #expect(spans.speech == reference.speech, "\(text.debugDescription)")
            #expect(spans.scalarFlagBytes == spans.scalars.map(TextSpans.flags(computedFor:)))
            for _ in 0..<4 {
                let lower = Int(generator.next() % UInt64(spans.scalars.count + 2))
                let range = lower..<(lower + Int(generator.next() % 12))
                let expected = String(scalars: spans.scalars[range.clamped(to: 0..<spans.scalars.count)])
                #expect(Array(spans.string(range).utf8) == Array(expected.utf8), "\(text.debugDescription) \(range)")
            }
        }
    }

    @Test("bit tables answer as their predicates") func bits() {
        let members: Set<Unicode.Scalar> = ["办", "a", "\0", "\u{FFFF}", "\u{10000}", "\u{20000}", "\u{301}"]
        let memberBits = ScalarBits(members: members)
        for value in UInt32(0)..<0x21000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(memberBits.contains(scalar) == members.contains(scalar))
            guard value < 0x11000 else { continue }
            #expect(QuantityScanner.numberStarts.contains(scalar) == (CJK.isASCIIDigit(scalar) || ChineseNumber.isNumeral(scalar)))
            // The qualifier and magnitude loops are skipped exactly where none of their words starts.
            #expect(QuantityScanner.suffixQualifierStarts.contains(scalar) == QuantityScanner.suffixQualifierWords.contains { $0.0.first == scalar })
            #expect(QuantityScanner.magnitudeStarts.contains(scalar) == QuantityScanner.magnitudeWords.contains { $0.scalars.first == scalar })
            // The period scan tries a start only where some alternative can match: one of these endings completes each.
            let periodEndings = ["年以来", "至2024年底", "024年", "924年", "半年", "3年"]
            #expect(PeriodScanner.canStart(scalar) == periodEndings.contains { ending in
                PeriodScanner.match(at: 0, in: ([scalar] + Array(ending.unicodeScalars))[...]) != nil
            })
            #expect(TextSpans.plainBits.contains(scalar) == TextSpans.isPlain(scalar))
            let flags = scalar.value < 0x10000 ? TextSpans.scalarFlags[Int(scalar.value)] : TextSpans.flags(computedFor: scalar)
            #expect((flags & TextSpans.notPlainFlag == 0) == TextSpans.isPlain(scalar))
            #expect((flags & TextSpans.closerFlag != 0) == TextSpans.isCloser(scalar))
            #expect((flags & TextSpans.structuralFlag != 0) == TextSpans.structural.contains(scalar))
            #expect((flags & TextSpans.numberStartFlag != 0) == QuantityScanner.numberStarts.contains(scalar))
            #expect((flags & TextSpans.digitsMissingStartFlag != 0) == DigitsMissingScanner.canStart(scalar))
            let names = RegionGazetteer.shared.nameIndex
            #expect((flags & TextSpans.nameStartFlag != 0) == (names[scalar] != nil))
            #expect((flags & TextSpans.periodStartFlag != 0) == PeriodScanner.canStart(scalar))
            #expect((flags & TextSpans.normalizedFlag != 0) == MinHasher.normalizedScalars(String(scalar)).elementsEqual([scalar]))
        }
    }

    @Test("a bit table's skip loop stops where asking each scalar first says yes") func firstMember() {
        let members: Set<Unicode.Scalar> = ["办", "a", "\0", "\u{FFFF}", "\u{20000}"]
        let tables = [ScalarBits(members: members), QuantityScanner.numberStarts]
        let alphabet: [Unicode.Scalar] = ["办", "a", "b", "\0", "\u{FFFF}", "\u{10000}", "\u{20000}", "3", "三", "的", "。", "\u{301}"]
        var generator = SplitMix64(seed: 77)
        for _ in 0..<2000 {
            let text = (0..<Int(generator.next() % 24)).map { _ in Self.random(alphabet, &generator) }
            for table in tables {
                for start in 0...(text.count + 1) {
                    let expected = text.indices.first { $0 >= start && table.contains(text[$0]) } ?? text.count
                    #expect(text.withUnsafeBufferPointer { table.firstMember(in: $0, from: start) } == expected, "\(text) \(start)")
                }
            }
        }
    }

    @Test("a bit table's member search answers as asking each scalar") func containsMember() {
        let members: Set<Unicode.Scalar> = ["办", "a", "\0", "\u{FFFF}", "\u{20000}"]
        let tables = [ScalarBits(members: members), QuantityScanner.numberStarts, IndicatorFinder.rightCutStarts]
        let alphabet: [Unicode.Scalar] = ["办", "a", "b", "\0", "\u{FFFF}", "\u{10000}", "\u{20000}", "3", "三", "实", "。", "\u{301}"]
        var generator = SplitMix64(seed: 78)
        var found = 0
        for _ in 0..<3000 {
            let text = (0..<Int(generator.next() % 10)).map { _ in Self.random(alphabet, &generator) }
            let lower = Int(generator.next() % UInt64(text.count + 1))
            for table in tables {
                let expected = text.contains { table.contains($0) }
                if expected { found += 1 }
                #expect(table.containsMember(of: text) == expected, "\(text)")
                #expect(table.containsMember(of: text[lower...]) == text[lower...].contains { table.contains($0) }, "\(text) \(lower)")
                #expect(text.withUnsafeBufferPointer { table.containsMember(of: $0) } == expected, "\(text)")
            }
        }
        #expect(found > 1000 && found < 8000)  // both answers are asked often
    }

    /// The extractor and the initiatives reuse the sentence found for the claim or mention before while it holds the
    /// next one: the search must give that same range for every position inside it.
    @Test("a sentence found for one position is the sentence of every position inside it") func sentenceReuse() {
        let alphabet: [Unicode.Scalar] = ["办", "。", "！", "”", "）", "\n", "a", " ", ";", "\u{20000}", "\u{301}", "“"]
        var generator = SplitMix64(seed: 79)
        var reused = 0
        for _ in 0..<1500 {
            let text = String(String.UnicodeScalarView((0..<Int(generator.next() % 30)).map { _ in Self.random(alphabet, &generator) }))
            let spans = TextSpans(text)
            for position in 0..<spans.scalars.count {
                let range = spans.sentence(containing: position)
                #expect(range.contains(position), "\(text.debugDescription) \(position)")
                for inside in range {
                    #expect(spans.sentence(containing: inside) == range, "\(text.debugDescription) \(position) \(inside)")
                    reused += 1
                }
            }
        }
        #expect(reused > 10000)
    }

    @Test("zero padding equals String(format:)") func padding() {
        for value in 0...2100 {
            #expect(DateNormalizer.padded(value, 2) == String(format: "%02d", value))
            #expect(DateNormalizer.padded(value, 4) == String(format: "%04d", value))
        }
        #expect(DateNormalizer.isoDate("2024年4月9日 18:35") == "2024-04-09")
    }

    @Test("flat name table handles one-scalar names, shared pairs and surnames like a plain list scan") func syntheticNames() {
        // Longest first, as the gazetteer orders them; some share first and second scalars.
        let names = ["北京市区", "北京市", "南京市", "北京", "北海", "南京", "京山", "陈家", "北", "京", "\u{20000}城"]
            .map { Array($0.unicodeScalars) }
        let surnames: Set<Unicode.Scalar> = ["陈", "王"]
        let table = NameScanTable(names: names, surnames: surnames)
        func reference(_ text: [Unicode.Scalar]) -> [Int: Int] {
            var counts: [Int: Int] = [:]
            var index = 0
            while index < text.count {
                var matched = 0
                let afterSurname = index > 0 && surnames.contains(text[index - 1])
                for (number, name) in names.enumerated() where name[0] == text[index] && !(name.count == 2 && afterSurname) {
                    if index + name.count <= text.count, Array(text[index..<(index + name.count)]) == name {
                        counts[number, default: 0] += 1
                        matched = name.count
                        break
                    }
                }
                index += max(matched, 1)
            }
            return counts
        }
        let pieces = Array("北京市区南海山陈王家城\u{20000}x")
        var generator = SplitMix64(seed: 17)
        for _ in 0..<3000 {
            let text = Array(String((0..<Int(generator.next() % 16)).map { _ in Self.random(pieces, &generator) }).unicodeScalars)
            var counts: [Int: Int] = [:]
            table.count(text, weight: 1, into: &counts)
            #expect(counts == reference(text), "\(String(String.UnicodeScalarView(text)))")
            let leading = names.firstIndex { text.count >= $0.count && Array(text.prefix($0.count)) == $0 }.map { names[$0].count }
            #expect(table.leadingName(of: text) == leading)
        }
    }

    @Test("UTF-8 keys are equal exactly when plain strings are") func utf8Keys() {
        let words = ["营商", "营商环境", "环境", "a", "ab", "", "“一网通办”", "\u{20000}"]
        var generator = SplitMix64(seed: 23)
        for _ in 0..<2000 {
            let left = (0..<Int(generator.next() % 3)).map { _ in Self.random(words, &generator) }.joined()
            let right = (0..<Int(generator.next() % 3)).map { _ in Self.random(words, &generator) }.joined()
            #expect((UTF8Key(left) == UTF8Key(right)) == (left == right))
            if left == right { #expect(UTF8Key(left).hashValue == UTF8Key(right).hashValue) }
            #expect(Set([UTF8Key(left), UTF8Key(right)]).count == Set([left, right]).count)
        }
    }

    @Test("Arabic numbers parse to the same value and end without their text") func arabicValues() {
        let alphabet = Array("0123456789,.,.x万")
        var generator = SplitMix64(seed: 29)
        for round in 0..<20000 {
            let length = Int(generator.next() % (round < 15000 ? 12 : 30)) + 1
            let scalars = Array(String((0..<length).map { _ in Self.random(alphabet, &generator) }).unicodeScalars)
            for start in [0, Int(generator.next() % UInt64(scalars.count))] {
                let expected = ChineseNumber.parseArabic(scalars, at: start)
                let fast = ChineseNumber.parseArabicValue(scalars, at: start)
                #expect(fast?.end == expected?.end, "\(String(String.UnicodeScalarView(scalars)))")
                #expect(fast?.value.bitPattern == expected?.value.bitPattern, "\(String(String.UnicodeScalarView(scalars)))")
            }
        }
    }

    @Test("unit candidates equal the per-scalar table") func unitCandidates() {
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Array(UnitLexicon.candidates(scalar)) == (UnitLexicon.byFirstScalar[scalar] ?? []))
        }
    }

    @Test("filler trimming and the verb cut equal their first versions") func phraseTrims() {
        let words = IndicatorFinder.trailingFillers + IndicatorFinder.leftVerbs + ["率", "欠款", "企业", "了", "的", "中"]
        let characters = Array(Set(words.joined())).map { String($0) }
        var generator = SplitMix64(seed: 31)
        for _ in 0..<6000 {
            let count = Int(generator.next() % 8)
            let text = (0..<count).map { _ in generator.next() % 2 == 0 ? Self.random(words, &generator) : Self.random(characters, &generator) }
                .joined()
            var fast = Array(text.unicodeScalars)
            var reference = fast
            #expect(IndicatorFinder.verbCut(fast) == IndicatorFinder.referenceVerbCut(fast), "\(text)")
            IndicatorFinder.trimFillers(&fast)
            IndicatorFinder.referenceTrimFillers(&reference)
            #expect(fast == reference, "\(text)")
        }
    }

    @Test("change kinds read in place equal the window-copying version") func changeKinds() {
        let words = MetricExtractor.increaseVerbs + MetricExtractor.decreaseVerbs + MetricExtractor.targetMarkers
            + ["占比", "占全", "占到", "占", "了", "至", "多", "缩减", "同比增", "，", "、", ";", "办", "率", "5", "\u{20000}", "e\u{301}"]
        let units = ["percent", "percentage_point", "rank", "item", "CNY"]
        var generator = SplitMix64(seed: 57)
        var kinds: [String: Int] = [:]
        for _ in 0..<20000 {
            let text = (0..<Int(generator.next() % 9)).map { _ in Self.random(words, &generator) }.joined()
            let scalars = Array(text.unicodeScalars)
            let position = Int(generator.next() % UInt64(scalars.count + 1))
            let sentenceStart = Int(generator.next() % UInt64(position + 1))
            let sentence = sentenceStart..<max(position, scalars.count)
            let unit = Self.random(units, &generator)
            let expected = MetricExtractor.referenceChangeKind(before: position, in: scalars, sentence: sentence, unit: unit)
            #expect(MetricExtractor.changeKind(before: position, in: scalars, sentence: sentence, unit: UnitLexicon.Normalized(unit)).rawValue == expected,
                "\(text) \(position) \(sentence) \(unit)")
            kinds[expected, default: 0] += 1
        }
        #expect(kinds.count == 4 && kinds.values.allSatisfy { $0 > 300 }, "\(kinds)")
    }

    /// The one-pass keyword search against the definition: the first rule with a keyword anywhere in the text, on
    /// whole texts and on slices of them.
    @Test("categories equal the first rule with a keyword in the text") func categories() {
        let pieces = MetricCategory.rules.flatMap(\.1) + ["办", "事", "企业", "1234", "，", "\u{20000}", "e\u{301}"]
        var random = SplitMix64(seed: 60)
        var named = 0
        for _ in 0..<4000 {
            let scalars = (0..<Int(random.next() % 6)).flatMap { _ in Self.random(pieces, &random).unicodeScalars.dropLast(Int(random.next() % 2)) }
            let lower = Int(random.next() % UInt64(scalars.count + 1))
            let slice = scalars[lower...]
            let expected = MetricCategory.rules.first { $0.1.contains { Array(slice).containsSubsequence(Array($0.unicodeScalars)) } }?.0
            #expect(MetricCategory.category(of: slice) == expected, "\(String(String.UnicodeScalarView(slice)).debugDescription)")
            if expected != nil { named += 1 }
        }
        #expect(named > 1000)
    }

    @Test("quality flag lists equal the interpolated join") func qualityFlagLists() {
        let names = ["boilerplate_removed", "mojibake_unrepaired", "", "营", "e\u{301}", "a=b", "x;y"]
        let counts = [0, 1, 9, 10, 99, 1234, Int.max, -1, Int.min]
        var random = SplitMix64(seed: 59)
        for _ in 0..<3000 {
            let flags = (0..<Int(random.next() % 5)).map { _ in (name: Self.random(names, &random), count: Self.random(counts, &random)) }
            #expect(QualityFlagList.joined(flags) == QualityFlagList.reference(flags), "\(flags)")
        }
    }

    @Test("metric ids equal the interpolated form") func metricIDs() {
        var random = SplitMix64(seed: 58)
        let ids = ["", "003706f585f45cd5", "r", "营", String(repeating: "x", count: 40)]
        var starts = [0, 1, 9, 10, 99, 100, 12345, Int.max, -1, -10, Int.min]
        for _ in 0..<3000 { starts.append(Int(truncatingIfNeeded: random.next() >> (random.next() % 64))) }
        for id in ids {
            for start in starts { #expect(MetricExtractor.metricID(id, start) == "\(id)-\(start)") }
        }
    }
}
