import Foundation
import Testing
@testable import ReportKit

@Suite("Bad input never loses data") struct BadInputTests {
    /// A folder with every kind of bad input: each file ends in exactly one place with a reason.
    @Test("accounts for every file in a folder of bad inputs") func badFolder() throws {
        let folder = try TestSupport.temporaryFolder("bad")
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        try write("empty.txt", [])
        try write("whitespace.txt", Array("  \n\t\n　\n".utf8))
        try write("nul.txt", [0x41, 0x00, 0x42, 0x00, 0x43])
        try write("image.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64))
        var generator = SplitMix64(seed: 42)
        try write("random.txt", (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next() | 0x80) })
        try write("gbk.txt", try #require(IconvDecoder.encode("某县优化营商环境，新增市场主体300户。\n", to: "GBK")))
        try write("truncated.html", Array("<html><head><title>某市营商环境 - 网</title></head><body><div class=\"content\"><p>某市审批时限压缩至3个工作日，新增企业120家。<p>第二段".utf8))
        try write("deep.html", Array(("<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>深处正文：新增企业5家。</p>").utf8))
        try write("good.txt", Array("某县营商环境\n某县今年新增市场主体1200户，办理时限压缩至1个工作日。\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop_a.txt").path, withDestinationPath: "loop_b.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop_b.txt").path, withDestinationPath: "loop_a.txt")
        try write("notes.docx", [0x50, 0x4B, 0x03, 0x04])

        let output = try TestSupport.temporaryFolder("bad-out")
        let result = try DatasetBuilder().run(paths: [folder.path, folder.appendingPathComponent("missing.txt").path], output: output, jobs: 2)
        let rejected = Dictionary(grouping: result.content.rejected, by: { URL(fileURLWithPath: $0.source).lastPathComponent })
        let reported = Set(result.content.summaries.map { URL(fileURLWithPath: $0.sourcePath).lastPathComponent })
        #expect(reported == ["gbk.txt", "truncated.html", "good.txt"])
        #expect(rejected["deep.html"]?.first?.reason.contains("deeper than libxml2's limit") == true)
        #expect(rejected["empty.txt"]?.first?.reason.contains("is empty (0 bytes)") == true)
        #expect(rejected["whitespace.txt"]?.first?.reason.contains("only whitespace") == true)
        #expect(rejected["nul.txt"]?.first?.reason.contains("NUL bytes") == true)
        #expect(rejected["image.html"]?.first?.reason.contains("PNG image") == true)
        #expect(rejected["random.txt"]?.first?.reason.contains("not valid text") == true)
        #expect(rejected["loop_a.txt"]?.first?.reason.contains("symbolic link that loops") == true)
        #expect(rejected["notes.docx"]?.first?.reason.contains("Skipped: not a text or HTML file") == true)
        #expect(rejected["missing.txt"]?.first?.reason.contains("No input file") == true)
        // Every file in the folder (and the missing path) is in exactly one place.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in names {
            let places = (reported.contains(name) ? 1 : 0) + (rejected[name]?.count ?? 0)
            #expect(places == 1, "\(name) is in \(places) places")
        }
        let lines = try String(contentsOf: output.appendingPathComponent("rejected.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == result.content.rejected.count)
    }

    /// A file over the size limit is refused before it is read into memory; the limit comes from `fetch.max_bytes`.
    @Test("refuses a file larger than the limit with its size") func tooLarge() throws {
        let folder = try TestSupport.temporaryFolder("large")
        let url = folder.appendingPathComponent("big.txt")
        try Data(repeating: 0x41, count: 2_000_000).write(to: url)
        #expect(throws: FetchError.tooLarge("big.txt", bytes: 2_000_000, limit: 1_000_000)) {
            try LocalFileFetcher(maxBytes: 1_000_000).process(SourceReference(fileURL: url, displayPath: "big.txt"))
        }
        let message = FetchError.tooLarge("big.txt", bytes: 2_000_000, limit: 1_000_000).description
        #expect(message == "'big.txt' is 2000000 bytes, more than the limit of 1000000 bytes for one report. Split it, or raise `fetch.max_bytes` in the spec.")
    }

    /// Random bytes fed to every stage never crash it: they are read, rejected with a reason, or cleaned.
    @Test("random bytes never crash a stage") func fuzz() throws {
        var generator = SplitMix64(seed: 2026)
        let stages = DocumentDecoder().then(TextCleaner()).then(ReportExtractor())
        let alphabet = Array("<>/=\"'。，、“”《》（）()%0123456789万亿余近项件家户第由至?!營商環境 \n\t".unicodeScalars)
        for round in 0..<300 {
            let length = Int(generator.next() % 2048)
            let bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                var text = String.UnicodeScalarView()
                for _ in 0..<length { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
                bytes = Array(String(text).utf8)
            }
            let name = round % 3 == 0 ? "f\(round).html" : "f\(round).txt"
            let raw = RawDocument(source: SourceReference(fileURL: URL(fileURLWithPath: "/nonexistent/\(name)"), displayPath: name), bytes: bytes)
            _ = try? stages.process(raw)
            _ = MetricExtractor().extract(from: String(decoding: bytes, as: UTF8.self), reportID: "x")
        }
    }
}

