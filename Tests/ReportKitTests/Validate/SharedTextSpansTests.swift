import Foundation
import Testing
@testable import ReportKit

/// Extraction hands its decoded text to validation; the byte-level decoding, the reuse and the rules that read
/// it must give what the scalar view and the text itself give.
@Suite("shared text spans") struct SharedTextSpansTests {
    /// One-, two-, three- and four-byte scalars, CR LF, a combining accent, joiners and the digits-missing words.
    static let pieces = [
        "a", "\r\n", "\r", "\n", "é", "e\u{301}", "\u{301}", "ß", "营", "共办理件，", "自年3月", "率达%", "“”", "年以来", "，",
        "\u{20000}", "👩\u{200D}💻", "🇨🇳", "\u{FEFF}", "\u{10FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}",
    ]

    static func text(_ random: inout SplitMix64, maxPieces: UInt64 = 24) -> String {
        (0..<Int(random.next() % maxPieces)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    /// The empty text, each piece, `count` random texts, and a sliced-then-copied string.
    static func texts(seed: UInt64, count: Int) -> [String] {
        var random = SplitMix64(seed: seed)
        var texts = [""] + pieces
        for _ in 0..<count { texts.append(text(&random)) }
        // A bridged-looking and a sliced-then-copied string take the same route.
        texts.append(String(Substring("xx营营营xx".dropFirst(2))))
        return texts
    }

    @Test("UTF-8 decoding equals the scalar view, offsets included") func decoding() {
        for text in Self.texts(seed: 77, count: 3000) {
            let expected = Array(text.unicodeScalars)
            #expect(ScalarText.decodedScalars(text) == expected, "\(text.debugDescription)")
            let (scalars, offsets) = ScalarText.decodedScalarsWithOffsets(text)
            #expect(scalars == expected)
            let view = text.unicodeScalars
            let expectedOffsets = view.indices.map { Int32(text.utf8.distance(from: text.utf8.startIndex, to: $0)) } + [Int32(text.utf8.count)]
            #expect(offsets == expectedOffsets, "\(text.debugDescription)")
            let flagged = TextSpans.scalarFlags.withUnsafeBufferPointer {
                ScalarText.decodedScalarsWithOffsets(text, flagTable: $0, astralFlags: TextSpans.flags(computedFor:))
            }
            #expect(flagged.scalars == expected && flagged.utf8Offsets == expectedOffsets, "\(text.debugDescription)")
            #expect(flagged.flags == expected.map(TextSpans.flags(computedFor:)))
            #expect(flagged.kept.utf8.isEmpty && flagged.kept.values.isEmpty, "nothing is kept without a kept flag")
            let spans = TextSpans(text)
            for position in 0...expected.count {
                #expect(spans.index(ofScalar: position) == view.index(view.startIndex, offsetBy: position))
            }
        }
    }

    /// The normalised text the decoding collects for dedup is ``MinHasher/normalized(_:)``'s, on the pieces above and on
    /// texts of the normalisation test's alphabet (both ends of every ideograph range and their neighbours).
    @Test("the decoding's normalised text equals MinHasher's") func normalizedText() {
        var random = SplitMix64(seed: 80)
        let alphabetTexts = (0..<2000).map { _ in DedupFastPathTests.randomText(&random, maxLength: 80) }
        // Every piece after every other: each kind of scalar last, where the UTF-8 is copied without reading past the text.
        let pairs = Self.pieces.flatMap { first in Self.pieces.map { first + $0 } }
        for text in Self.texts(seed: 81, count: 2000) + alphabetTexts + pairs {
            let normalized = TextSpans(text).normalized
            let expected = MinHasher.normalized(text)
            #expect(normalized.utf8 == expected.utf8 && normalized.values == expected.values, "\(text.debugDescription)")
        }
    }

    /// Dedup's preparation takes the extractor's normalised text only while the document's text is the one it was
    /// made from.
    @Test("dedup preparation reuses the spans only for the very same text") func preparationReuse() throws {
        let preparation = DedupPreparation(options: DeduplicationOptions(), keepsText: true)
        var document = TestSupport.document(text: "营商环境改革，办事项123")
        document.textSpans = TextSpans(document.text)
        guard case .keep(let prepared) = try preparation.process(document) else { Issue.record("dropped"); return }
        #expect(prepared.sketch == preparation.sketch(of: document.text))
        #expect(prepared.textSpans == nil)
        document.text = "另一篇完全不同的正文abc"
        guard case .keep(let changed) = try preparation.process(document) else { Issue.record("dropped"); return }
        #expect(changed.sketch == preparation.sketch(of: "另一篇完全不同的正文abc"))
        #expect(changed.sketch != prepared.sketch)
    }

    /// The extractor hashes the text and the normalised text side by side: the report id and dedup's exact key are
    /// the ones the plain hashes give, for every seed report.
    @Test("the extractor's paired hashes give the report id and the exact key") func pairedHashes() throws {
        let folder = TestSupport.pipeline.appendingPathComponent("sources")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let preparation = DedupPreparation(options: DeduplicationOptions(), keepsText: true)
        var checked = 0
        for name in names {
            guard let cleaned = try? TestSupport.clean(folder.appendingPathComponent(name)),
                case .keep(let extracted) = try ReportExtractor().process(cleaned)
            else { continue }
            #expect(extracted.report.reportID == String(SHA256Hex.digest(cleaned.text).prefix(16)), "\(name)")
            #expect(extracted.textSpans?.normalizedKey != nil)
            guard case .keep(let prepared) = try preparation.process(extracted) else { Issue.record("dropped"); continue }
            #expect(prepared.sketch == preparation.sketch(of: cleaned.text), "\(name)")
            checked += 1
        }
        #expect(checked >= 3)
    }

    /// The copy of the text's UTF-8 between two scalar offsets (made without validation) and the String made from
    /// scalars must be the Strings the standard library makes: same bytes, same Characters, equal and hashed alike.
    @Test("slices and encoded scalars equal the standard library's Strings") func slicesAndEncodedScalars() {
        var random = SplitMix64(seed: 78)
        for text in Self.texts(seed: 79, count: 2000) {
            let spans = TextSpans(text)
            let count = spans.scalars.count
            var ranges = [0..<count, 0..<0, count..<count, -3..<(count + 5)]
            for _ in 0..<8 {
                let lower = Int(random.next() % UInt64(count + 1))
                ranges.append(lower..<(lower + Int(random.next() % UInt64(count - lower + 1))))
            }
            for range in ranges {
                let made = spans.string(range)
                let expected = spans.referenceString(range)
                #expect(Array(made.utf8) == Array(expected.utf8), "\(text.debugDescription) \(range)")
                #expect(made == expected && made.count == expected.count && made.hashValue == expected.hashValue)
                let clamped = range.clamped(to: 0..<count)
                let encoded = String(scalars: spans.scalars[clamped])
                let viewMade = String(String.UnicodeScalarView(spans.scalars[clamped]))
                #expect(Array(encoded.utf8) == Array(viewMade.utf8) && encoded == viewMade && encoded.count == viewMade.count)
            }
        }
    }

    /// Every scalar of one, two and three bytes (the three-byte ones take their own branch), and astral ones
    /// around them, so no lead byte is decoded by the wrong branch.
    @Test("UTF-8 decoding equals the scalar view for every BMP scalar") func everyBMPScalar() {
        let values = Array(0..<UInt32(0x10000)) + [0x10000, 0x1F600, 0x20000, 0x10FFFF]
        var scalars = String.UnicodeScalarView()
        for value in values { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        let text = String(scalars)
        let expected = Array(text.unicodeScalars)
        #expect(ScalarText.decodedScalars(text) == expected)
        let (decoded, offsets) = ScalarText.decodedScalarsWithOffsets(text)
        #expect(decoded == expected)
        let view = text.unicodeScalars
        #expect(offsets == view.indices.map { Int32(text.utf8.distance(from: text.utf8.startIndex, to: $0)) } + [Int32(text.utf8.count)])
    }

    @Test("the extractor's spans are reused only for the very same bytes") func reuse() {
        var document = TestSupport.document(text: "共办理件，cafe\u{301}")
        #expect(document.textSpans == nil)
        let spans = document.spansOfText()
        #expect(spans.scalars == Array(document.text.unicodeScalars))
        document.textSpans = spans
        #expect(document.spansOfText().scalars == spans.scalars)
        // A canonically equivalent text (é precomposed) is == to the old one but has other scalars.
        document.text = "共办理件，café"
        #expect(document.text == "共办理件，cafe\u{301}")
        #expect(document.spansOfText().scalars == Array("共办理件，café".unicodeScalars))
        // Equal bytes in other storage still match.
        document.text = String(decoding: Array("共办理件，cafe\u{301}".utf8), as: UTF8.self)
        #expect(document.spansOfText().scalars == spans.scalars)
        #expect(ScalarText.sameUTF8("", ""))
        #expect(!ScalarText.sameUTF8("a", ""))
        #expect(!ScalarText.sameUTF8("ab", "ac"))
    }

    @Test("a decoded document carries no spans, and encoding leaves them out") func coding() throws {
        var document = TestSupport.document(text: "率达%。")
        document.textSpans = TextSpans(document.text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(document)
        #expect(!String(decoding: data, as: UTF8.self).contains("textSpans"))
        let withoutSpans = try encoder.encode(TestSupport.document(text: "率达%。"))
        #expect(data == withoutSpans)
        let decoded = try JSONDecoder().decode(ExtractedDocument.self, from: data)
        #expect(decoded.textSpans == nil)
    }

    /// The digits-missing findings as the rule first built them: the scalar view walked to each match.
    static func referenceDigitsMissing(_ document: ExtractedDocument) -> [Finding] {
        let rule = DigitsMissingRule()
        let text = document.text
        var findings: [(Int, Finding)] = []
        for match in DigitsMissingScanner.matches(in: Array(text.unicodeScalars)) {
            let scalars = text.unicodeScalars
            let lower = scalars.index(scalars.startIndex, offsetBy: match.start)
            let range = lower..<scalars.index(lower, offsetBy: match.end - match.start)
            let context = TextNormalizer.snippet(text, around: range, context: 8)
            let what = DigitsMissingRule.patterns[match.pattern].what
            findings.append(
                (match.start,
                rule.finding(document, field: "text", message: "'\(text[range])' has \(what): the source lost its digits here.",
                    start: match.start, end: match.end, snippet: context)))
        }
        return findings.sorted { $0.0 < $1.0 }.map(\.1)
    }

    @Test("digits-missing findings equal the scalar-view formulation, with and without shared spans") func digitsMissing() {
        var random = SplitMix64(seed: 5)
        let context = ValidationContext(buildDate: "2026-01-01")
        var found = 0
        for _ in 0..<2500 {
            var document = TestSupport.document(text: Self.text(&random, maxPieces: 30))
            let expected = Self.referenceDigitsMissing(document)
            #expect(DigitsMissingRule().check(document, context: context) == expected, "\(document.text.debugDescription)")
            document.textSpans = TextSpans(document.text)
            #expect(DigitsMissingRule().check(document, context: context) == expected, "\(document.text.debugDescription)")
            found += expected.count
        }
        #expect(found > 500)
    }
}

/// The range rule looks each unit's bound up once per report; the findings must be those of a lookup per metric.
@Suite("plausible range bounds") struct PlausibleRangeBoundsTests {
    @Test("equals one dictionary lookup per metric") func perMetric() {
        let units = ["percent", "day", "CNY", "item", "", "e\u{301}", "\u{E9}", "rank"]
        // é written two ways: equal Strings, so one bound for both, as the dictionary gives.
        let context = ValidationContext(buildDate: "2026-01-01", maxPlausible: ValidationContext.defaultBounds.merging(["\u{E9}": 5]) { $1 })
        var random = SplitMix64(seed: 93)
        for _ in 0..<500 {
            var document = TestSupport.document(text: "")
            document.metrics = (0..<Int(random.next() % 12)).map { index in
                let value = Double(random.next() % 4000)
                return Metric(
                    metricID: "r-\(index)", reportID: "r", indicator: "", category: "其他", value: value, unit: "",
                    valueNormalized: value, unitNormalized: units[Int(random.next() % UInt64(units.count))], qualifier: "exact",
                    valueMax: nil, baselineValue: nil, kind: "level", period: nil, quote: "\(value)", sentence: "", charStart: index,
                    charEnd: index + 1)
            }
            let rule = PlausibleRangeRule()
            let expected = document.metrics.compactMap { metric -> Finding? in
                guard let bound = context.maxPlausible[metric.unitNormalized], metric.valueNormalized > bound else { return nil }
                return rule.finding(
                    document, field: "metrics.value_normalized",
                    message: "\(metric.quote) is above the plausible maximum of \(bound) \(metric.unitNormalized).", metric: metric)
            }
            #expect(rule.check(document, context: context) == expected)
        }
    }
}
