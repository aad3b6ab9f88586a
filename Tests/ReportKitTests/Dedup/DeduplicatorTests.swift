import Foundation
import Testing
@testable import ReportKit

@Suite("Deduplicator") struct DeduplicatorTests {
    /// A republication under another outlet's header and footer, with one sentence changed, collapses into its original.
    @Test("collapses a near-duplicate republication into the original") func republication() throws {
        let folder = try TestSupport.temporaryFolder("dedup")
        let original = try String(contentsOf: try TestSupport.seed("000"), encoding: .utf8)
        var copy = original.replacingOccurrences(of: "人民网记者 毛雷", with: "海南日报记者 王小明")
        copy = copy.replacingOccurrences(of: "在海南,儋州又得了一个“第一”。", with: "在海南全省,儋州再次拿到了第一名的好成绩。")
        copy += "\n责任编辑：李四\n更多精彩，请关注海南日报客户端\n"
        #expect(copy != original)
        try Data(original.utf8).write(to: folder.appendingPathComponent("a_original.txt"))
        try Data(copy.utf8).write(to: folder.appendingPathComponent("b_copy.txt"))
        try Data(try String(contentsOf: try TestSupport.seed("002"), encoding: .utf8).utf8).write(to: folder.appendingPathComponent("c_other.txt"))
        let output = try TestSupport.temporaryFolder("dedup-out")
        let result = try DatasetBuilder().run(paths: [folder.path], output: output, jobs: 2)
        let table = CSVReader.records(try String(contentsOf: output.appendingPathComponent("reports.csv"), encoding: .utf8))
        let header = try #require(table.first?.fields)
        let rows = table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
        #expect(rows.count == 2)
        let kept = try #require(rows.first { $0["source_path"]!.hasSuffix("a_original.txt") || $0["source_path"]!.hasSuffix("b_copy.txt") })
        #expect(kept["duplicate_sources"]!.hasSuffix("_copy.txt") || kept["duplicate_sources"]!.hasSuffix("_original.txt"))
        #expect(!kept["duplicates"]!.isEmpty)
        let outcomes = result.content.inputs.map(\.outcome).sorted()
        #expect(outcomes == ["duplicate", "report", "report"])
    }

    @Test("exact duplicates share a normalised hash whatever the whitespace") func exact() throws {
        let hasher = MinHasher()
        let a = hasher.signature(of: "儋州持续优化营商环境，新增市场主体1200户。")
        let b = hasher.signature(of: "儋州持续优化营商环境， 新增市场主体1200户。\n")
        #expect(MinHasher.similarity(a, b) == 1)
        let c = hasher.signature(of: "商丘推进放管服改革，交办问题27个，已全部办结。")
        #expect(MinHasher.similarity(a, c) < 0.2)
        #expect(a.count == 128)
    }

    @Test("picks the earliest, then most complete, then smallest id as canonical") func canonicalRule() throws {
        let sketch = DedupPreparation(options: DeduplicationOptions(), keepsText: false).sketch(of: "完全相同的正文内容在这里")
        func summary(_ id: String, date: String?, completeness: Int) -> DocumentSummary {
            DocumentSummary(
                reportID: id, sourcePath: "\(id).txt", sourceSHA256: id, sourceBytes: 10, publishedDate: date,
                completeness: completeness, sketch: sketch, record: RecordLocation(offset: 0, length: 0))
        }
        let result = try Deduplicator().run([
            summary("c", date: "2024-05-02", completeness: 3), summary("b", date: "2024-05-01", completeness: 1),
            summary("a", date: nil, completeness: 5), summary("d", date: "2024-05-01", completeness: 2),
        ])
        #expect(result.kept.map(\.reportID) == ["d"])
        #expect(result.kept.first?.duplicates == ["a", "b", "c"])
        #expect(result.duplicatesRemoved == 3)
    }

    @Test("collapses a claim repeated inside one report") func repeatedClaims() {
        let metrics = MetricExtractor().extract(from: "收集企业诉求24条。会后共收集企业诉求24条。另有意见3条。", reportID: "r")
        #expect(metrics.count == 3)
        #expect(Deduplicator.collapseRepeated(metrics).count == 2)
    }
}
