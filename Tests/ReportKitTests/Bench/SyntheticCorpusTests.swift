import Foundation
import Testing

@testable import ReportKit

@Suite("SyntheticCorpus") struct SyntheticCorpusTests {
    static let samples = TestSupport.pipeline.appendingPathComponent("sources")

    static func corpus(count: Int, seed: UInt64 = 42) throws -> SyntheticCorpus {
        try SyntheticCorpus(options: .init(count: count, seed: seed), samples: samples)
    }

    /// Same seed and options ⇒ byte-identical files, whatever the number of jobs.
    @Test("the same seed writes the same bytes, serial and parallel") func deterministic() throws {
        let first = try TestSupport.temporaryFolder("corpus-a")
        let second = try TestSupport.temporaryFolder("corpus-b")
        let summary = try Self.corpus(count: 60).write(to: first, jobs: 1)
        try Self.corpus(count: 60).write(to: second, jobs: 3)
        let one = try TestSupport.files(in: first.appendingPathComponent("corpus"))
        let two = try TestSupport.files(in: second.appendingPathComponent("corpus"))
        #expect(one.count == 60 && summary.reports == 60)
        #expect(one.keys.sorted() == two.keys.sorted())
        for name in one.keys.sorted() { #expect(one[name] == two[name], "\(name) differs between two runs") }
        #expect(one.keys.sorted().first == "000001.txt" || one.keys.sorted().first == "000001.html")
    }

    /// A different seed ⇒ different reports.
    @Test("a different seed gives different reports") func otherSeed() throws {
        let one = try Self.corpus(count: 20, seed: 1)
        let two = try Self.corpus(count: 20, seed: 2)
        let differing = try (0..<20).filter { try one.report(at: $0).bytes != two.report(at: $0).bytes }
        #expect(differing.count == 20)
    }

    /// Each share is drawn per report, so 200 reports hold roughly 60 pages, 20 duplicates, 10 + 10 others.
    @Test("the shares are roughly respected") func shares() throws {
        let corpus = try Self.corpus(count: 200)
        let reports = try (0..<200).map { try corpus.report(at: $0) }
        let html = reports.filter(\.isHTML)
        #expect((40...80).contains(html.count))
        #expect(html.allSatisfy { $0.fileName.hasSuffix(".html") })
        #expect(reports.filter { !$0.isHTML }.allSatisfy { $0.fileName.hasSuffix(".txt") })
        #expect((8...35).contains(reports.filter { $0.duplicateOf != nil }.count))
        #expect((3...20).contains(reports.filter { $0.script == .traditional }.count))
        #expect((3...20).contains(reports.filter { $0.encoding == .gbk }.count))
        #expect(!reports.contains { $0.script == .traditional && $0.encoding == .gbk })
    }

    /// GBK reports are not UTF-8 and decode as GB18030 back to the report's text.
    @Test("GBK files decode as GB18030 and not as UTF-8") func gbk() throws {
        let corpus = try Self.corpus(count: 200)
        let reports = try (0..<200).map { try corpus.report(at: $0) }.filter { $0.encoding == .gbk }
        #expect(!reports.isEmpty)
        for report in reports {
            #expect(String(validating: report.bytes, as: UTF8.self) == nil, "\(report.fileName) is valid UTF-8")
            let decoded = try IconvDecoder.decode(report.bytes, from: "GB18030")
            if report.isHTML {
                #expect(decoded.contains("<meta charset=\"gbk\">"))
                #expect(decoded.contains(NewsPageTemplate.escape(report.sentences[0])))
            } else {
                #expect(decoded == report.text)
            }
            let (_, detected) = try EncodingDetector().decode(
                report.bytes, path: report.fileName, isHTML: report.isHTML)
            #expect(detected.name == "GB18030")
        }
    }

    /// A near-duplicate keeps its original's sentences but one, under a new title, byline and footer.
    @Test("near-duplicates share all sentences but one with their original") func nearDuplicates() throws {
        let corpus = try Self.corpus(count: 200)
        let duplicates = try (0..<200).map { try corpus.report(at: $0) }.filter { $0.duplicateOf != nil }
        #expect(!duplicates.isEmpty)
        for duplicate in duplicates {
            let originalIndex = try #require(duplicate.duplicateOf)
            #expect(originalIndex < duplicate.index)
            let original = try corpus.report(at: originalIndex)
            #expect(duplicate.sentences.count == original.sentences.count)
            let changed = zip(duplicate.sentences, original.sentences).filter { $0 != $1 }.count
            #expect(changed == 1, "\(duplicate.fileName) changes \(changed) sentences of \(original.fileName)")
            #expect(duplicate.byline != original.byline && duplicate.footer != original.footer)
            #expect(duplicate.title.contains(original.title))
        }
    }

    @Test("Traditional reports are converted with OpenCC") func traditional() throws {
        let corpus = try Self.corpus(count: 200)
        let report = try #require(try (0..<200).map { try corpus.report(at: $0) }.first { $0.script == .traditional })
        let text = try #require(String(validating: report.bytes, as: UTF8.self))
        #expect(text != report.text)
        #expect(ChineseScriptConverter.isTraditional(text))
    }

    /// The page has the chrome of a news site, and the content extractor finds the article in every skin.
    @Test("HTML pages carry site chrome around an extractable article") func htmlPages() throws {
        let corpus = try Self.corpus(count: 80)
        let pages = try (0..<80).map { try corpus.report(at: $0) }.filter {
            $0.isHTML && $0.encoding == .utf8 && $0.script == .simplified
        }
        #expect(pages.count >= 10)
        for page in pages {
            let html = try #require(String(validating: page.bytes, as: UTF8.self))
            for chrome in [
                "<!DOCTYPE html>", "og:title", "<script", "<style", "<!--", "热点新闻", "相关新闻", "网友评论", "版权所有", "ICP备",
            ] {
                #expect(html.contains(chrome), "\(page.fileName) lacks \(chrome)")
            }
            let extracted = try HTMLContentExtractor().extract(html, path: page.fileName)
            #expect(extracted.mainText.contains(page.sentences[0]), "\(page.fileName): the article was not found")
            #expect(extracted.mainText.contains(try #require(page.sentences.last)))
            #expect(!extracted.mainText.contains("热点新闻") && !extracted.mainText.contains("版权所有"))
        }
    }

    /// Numbers change by 0.5–1.5 with their decimals; years, dates and times stay as written.
    @Test("numbers are perturbed, dates kept") func numbers() {
        var random = SplitMix64(seed: 7)
        let sentence = "2024年5月20日18:35，完成86项，增长12.5%，压缩至0.5个工作日，覆盖率100%，开通5G基站。"
        let perturbed = NumberPerturber.perturb(sentence, using: &random)
        #expect(perturbed.hasPrefix("2024年5月20日18:35，完成"))
        #expect(perturbed.hasSuffix("%，开通5G基站。"))
        let numbers = perturbed.split(whereSeparator: { !$0.isNumber && $0 != "." }).map(String.init)
        #expect(numbers.count == 10)
        let count = Int(numbers[5]) ?? 0
        #expect((43...129).contains(count))
        #expect(numbers[6].split(separator: ".").last?.count == 1)
        #expect(numbers[7].split(separator: ".").last?.count == 1)
        #expect((Int(numbers[8]) ?? 0) <= 100)
    }

    @Test("the spec it writes builds with `reportkit build`") func spec() throws {
        let spec = try SpecLoader().parse(try Self.corpus(count: 10).pipelineSpec, file: "pipeline.yaml")
        #expect(spec.name == "bench-corpus" && spec.version == "1.0.0" && spec.released == "2026-11-25")
        #expect(spec.sources == ["corpus/*"] && spec.license.name == "CC0-1.0" && spec.publishText == false)
    }

    @Test("rejects shares outside 0…1 with the fix") func invalidShare() {
        #expect(
            throws: SyntheticCorpusError.invalidOption(
                "The html-share 1.5 is not between 0 and 1; give a share such as 0.3.")
        ) {
            try SyntheticCorpus(options: .init(count: 10, seed: 1, htmlShare: 1.5), samples: Self.samples)
        }
    }
}
