import Dispatch
import Foundation
import Synchronization

/// A deterministic synthetic corpus for benchmarks: reports made from the sample reports' sentences with
/// their numbers changed, some wrapped in news-site HTML, some republished as near-duplicates, some in
/// Traditional script or GBK bytes.
///
/// Report `i` is drawn from its own SplitMix64 stream derived from the seed and `i`, so the same seed and
/// options give byte-identical files on every machine, with any number of jobs, and a smaller corpus is a
/// prefix of a larger one. Each report has a title line, a byline (`经济日报记者 王伟`), 5–15 paragraphs of
/// sample sentences whose Arabic numbers are scaled by 0.5–1.5 (years and dates kept), a city rotated from
/// a fixed list in place of the samples' place names, and an editor line.
///
/// ```swift
/// let corpus = try SyntheticCorpus(options: .init(count: 200, seed: 42))
/// let summary = try corpus.write(to: URL(fileURLWithPath: ".bench"))  // .bench/corpus/000001.txt …
/// summary.html  // about 60
/// ```
public struct SyntheticCorpus: Sendable {
    /// How many reports, from which seed, and the share of each kind (each drawn per report).
    public struct Options: Sendable, Equatable {
        public var count: Int
        public var seed: UInt64
        /// Share of reports wrapped in a news-site HTML page (`.html` files).
        public var htmlShare: Double
        /// Share of reports that republish an earlier one with small changes.
        public var duplicateShare: Double
        /// Share in Traditional script (OpenCC `s2t`).
        public var traditionalShare: Double
        /// Share written as GBK bytes; `traditionalShare + gbkShare` is at most 1 (a report is one or the other).
        public var gbkShare: Double
        /// About how many bytes of UTF-8 text a report's body has (each report draws 70–130% of it).
        public var targetBytes: Int

        public init(
            count: Int, seed: UInt64, htmlShare: Double = 0.3, duplicateShare: Double = 0.1,
            traditionalShare: Double = 0.05,
            gbkShare: Double = 0.05, targetBytes: Int = 5000
        ) {
            self.count = count
            self.seed = seed
            self.htmlShare = htmlShare
            self.duplicateShare = duplicateShare
            self.traditionalShare = traditionalShare
            self.gbkShare = gbkShare
            self.targetBytes = targetBytes
        }
    }

    /// The sample reports read by default, relative to the current folder (the repository root).
    public static let defaultSamplesFolder = "pipelines/business-environment/sources"

    public let options: Options
    private let composer: ReportComposer
    private let nameWidth: Int

    /// Reads the sample reports and checks the options.
    ///
    /// - Throws: ``SyntheticCorpusError/invalidOption(_:)`` for a negative count, a share outside 0…1 or a
    ///   target under 200 bytes, and the errors of reading the samples (no `.txt` file, not UTF-8, no sentence).
    public init(options: Options, samples: URL = URL(fileURLWithPath: SyntheticCorpus.defaultSamplesFolder)) throws {
        guard options.count >= 0 else {
            throw SyntheticCorpusError.invalidOption("Please specify a count of at least 0.")
        }
        let shares = [
            ("html-share", options.htmlShare), ("duplicate-share", options.duplicateShare),
            ("traditional-share", options.traditionalShare), ("gbk-share", options.gbkShare),
        ]
        for (name, share) in shares where !(0...1).contains(share) {
            throw SyntheticCorpusError.invalidOption(
                "The \(name) \(share) is not between 0 and 1; give a share such as 0.3.")
        }
        guard options.traditionalShare + options.gbkShare <= 1 else {
            throw SyntheticCorpusError.invalidOption(
                "traditional-share + gbk-share is more than 1; a report is either Traditional or GBK, so lower one of them."
            )
        }
        guard options.targetBytes >= 200 else {
            throw SyntheticCorpusError.invalidOption("Please specify a target of at least 200 bytes per report.")
        }
        self.options = options
        composer = ReportComposer(bank: try SampleSentenceBank(folder: samples), options: options)
        nameWidth = max(6, String(options.count).count)
    }

    /// Report `index` (0-based; its file is numbered `index + 1`).
    ///
    /// - Throws: ``SyntheticCorpusError/conversionFailed(_:)`` when a Traditional report can't be converted
    ///   because OpenCC is missing.
    public func report(at index: Int) throws -> SyntheticReport {
        var composition = composer.compose(at: index)
        let plan = composition.plan
        let draft = composition.draft
        var content = draft.text
        if plan.isHTML {
            content = NewsPageTemplate(skin: plan.skin).render(
                draft, charset: plan.encoding == .gbk ? "gbk" : "utf-8", using: &composition.random)
        }
        if plan.script == .traditional {
            do {
                content = try ChineseScriptConverter.simplifiedToTraditional.convert(content)
            } catch {
                throw SyntheticCorpusError.conversionFailed("\(error)")
            }
        }
        var encoding = plan.encoding
        var bytes: [UInt8]
        if encoding == .gbk, let legacy = Self.gbkBytes(content) {
            bytes = legacy
        } else {
            encoding = .utf8
            bytes = Array(content.utf8)
        }
        let number = String(index + 1)
        let fileName =
            String(repeating: "0", count: max(0, nameWidth - number.count)) + number + (plan.isHTML ? ".html" : ".txt")
        return SyntheticReport(
            index: index, fileName: fileName, isHTML: plan.isHTML, script: plan.script, encoding: encoding,
            duplicateOf: composition.duplicateOf, title: draft.title, byline: draft.byline,
            sentences: draft.paragraphs.flatMap(\.sentences), footer: draft.footer, text: draft.text, bytes: bytes)
    }

    /// GBK bytes; when a character has no GBK code (private-use mojibake in the samples, say) the text is
    /// encoded as GB18030, which is GBK for every character GBK has and covers the rest, so the file still
    /// decodes as GB18030 (UTF-8 bytes in a GBK stream would not).
    static func gbkBytes(_ text: String) -> [UInt8]? {
        IconvDecoder.encode(text, to: "GBK") ?? IconvDecoder.encode(text, to: "GB18030")
    }

    /// Writes every report into `folder/corpus/`, removing reports of an earlier generation first.
    ///
    /// - Parameters:
    ///   - folder: The corpus root; `corpus/` is created in it.
    ///   - jobs: Worker threads; the files are the same for any number.
    /// - Returns: How many reports of each kind were written and their total size.
    /// - Throws: ``SyntheticCorpusError/writeFailed(path:reason:)`` when a file can't be written.
    @discardableResult
    public func write(to folder: URL, jobs: Int = ParallelRunner.defaultJobs) throws -> SyntheticCorpusSummary {
        let corpus = folder.appendingPathComponent("corpus")
        do {
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            where Self.isGeneratedName(name) {
                try FileManager.default.removeItem(at: corpus.appendingPathComponent(name))
            }
        } catch {
            throw SyntheticCorpusError.writeFailed(path: corpus.path, reason: error.localizedDescription)
        }
        let workers = max(1, min(jobs, options.count))
        let results = Mutex([Result<SyntheticCorpusSummary, any Error>?](repeating: nil, count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var summary = SyntheticCorpusSummary()
            let outcome = Result<SyntheticCorpusSummary, any Error> {
                for index in stride(from: worker, to: options.count, by: workers) {
                    let report = try self.report(at: index)
                    let url = corpus.appendingPathComponent(report.fileName)
                    do { try PlainFile.write(report.bytes, to: url) } catch EmitError.cannotWrite(_, let reason) {
                        throw SyntheticCorpusError.writeFailed(path: url.path, reason: reason)
                    }
                    summary.add(report)
                }
                return summary
            }
            results.withLock { $0[worker] = outcome }
        }
        var total = SyntheticCorpusSummary()
        for result in results.withLock({ $0 }) {
            guard let result else { continue }
            total.add(try result.get())
        }
        return total
    }

    /// `000001.txt`, `000002.html`: the names this generator writes.
    static func isGeneratedName(_ name: String) -> Bool {
        let parts = name.split(separator: ".")
        return parts.count == 2 && ["txt", "html"].contains(parts[1]) && !parts[0].isEmpty
            && parts[0].allSatisfy(\.isASCII)
            && parts[0].allSatisfy(\.isNumber)
    }

    /// A `pipeline.yaml` for the corpus folder, so `reportkit build <folder>` builds it.
    public var pipelineSpec: String {
        """
        # A synthetic benchmark corpus written by `reportkit generate-corpus`: sentences of the sample reports
        # with their numbers changed. Not real news; for benchmarks only. Paths are relative to this file.
        name: bench-corpus
        version: "1.0.0"
        title: "Synthetic benchmark corpus (\(options.count) reports, seed \(options.seed))"
        description: >
          \(options.count) synthetic reports generated with seed \(options.seed): html-share \(options.htmlShare),
          duplicate-share \(options.duplicateShare), traditional-share \(options.traditionalShare),
          gbk-share \(options.gbkShare), target-bytes \(options.targetBytes).
        license:
          name: CC0-1.0
          title: Creative Commons Zero 1.0 (synthetic text)
          path: https://creativecommons.org/publicdomain/zero/1.0/
        released: "2026-11-25"
        publish_text: false
        sources:
          - corpus/*

        """
    }
}
