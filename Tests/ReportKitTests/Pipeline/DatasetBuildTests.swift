import Foundation
import Testing
@testable import ReportKit

@Suite("Dataset builds") struct DatasetBuildTests {
    /// Same inputs and spec give byte-identical files, whatever the number of jobs.
    @Test("two builds are byte-identical, serial and parallel") func deterministic() throws {
        let serial = try TestSupport.temporaryFolder("serial")
        let parallel = try TestSupport.temporaryFolder("parallel")
        let one = try DatasetBuilder().build(spec: TestSupport.pipeline.path, outputRoot: serial, jobs: 1)
        let two = try DatasetBuilder().build(spec: TestSupport.pipeline.path, outputRoot: parallel, jobs: 4)
        let first = try TestSupport.files(in: one.folder)
        let second = try TestSupport.files(in: two.folder)
        #expect(first.keys.sorted() == second.keys.sorted())
        for name in first.keys.sorted() { #expect(first[name] == second[name], "\(name) differs between --jobs 1 and --jobs 4") }
        let expected = [
            "CHANGELOG.md", "README.md", "SHA256SUMS", "datapackage.json", "initiatives.csv", "initiatives.jsonl", "metrics.csv",
            "metrics.jsonl", "policies.csv", "policies.jsonl", "provenance.json", "rejected.jsonl", "reports.csv", "reports.jsonl",
            "validation.jsonl",
        ]
        #expect(first.keys.sorted() == expected)
        #expect(one.content.summaries.count == 5)
    }

    /// A version that exists with different data is an error that says to bump the version; identical is a no-op.
    @Test("refuses to change a published version") func immutableVersions() throws {
        let pipeline = try TestSupport.copyOfSamplePipeline()
        let output = try TestSupport.temporaryFolder("output")
        let first = try DatasetBuilder().build(spec: pipeline.path, outputRoot: output, jobs: 2)
        #expect(first.changed)
        let again = try DatasetBuilder().build(spec: pipeline.path, outputRoot: output, jobs: 2)
        #expect(!again.changed)
        let version = try SpecLoader().load(pipeline.path).0.version
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent("business-environment/latest").path)
        #expect(link == version)
        let source = pipeline.appendingPathComponent("sources/000_5be87c0bc791412c.txt")
        var text = try String(contentsOf: source, encoding: .utf8)
        text += "\n新增一段：全市新增市场主体120家。\n"
        try Data(text.utf8).write(to: source)
        #expect {
            try DatasetBuilder().build(spec: pipeline.path, outputRoot: output, jobs: 2)
        } throws: { error in
            guard case EmitError.versionExists = error else { return false }
            return "\(error)".contains("bump `version`")
        }
        let spec = pipeline.appendingPathComponent("pipeline.yaml")
        let bumped = try String(contentsOf: spec, encoding: .utf8).replacingOccurrences(of: "version: \"\(version)\"", with: "version: \"99.0.0\"")
        try Data(bumped.utf8).write(to: spec)
        let next = try DatasetBuilder().build(spec: pipeline.path, outputRoot: output, jobs: 2)
        #expect(next.folder.lastPathComponent == "99.0.0")
        let changelog = try String(contentsOf: next.folder.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("Compared with \(version)"))
        // The edited report has new text, so a new id: one report added, one removed, and all its metrics too.
        #expect(changelog.contains("- reports: 1 added, 1 removed, 0 changed"))
        #expect(changelog.contains("- metrics: 34 added, 33 removed, 0 changed"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent("business-environment/latest").path) == "99.0.0")
    }

    @Test("reportkit run writes a dataset with the cleaned text for unseen files") func adHocRun() throws {
        let input = try TestSupport.temporaryFolder("inputs")
        try Data("某县优化营商环境\n记者 张三\n今年以来，某县新增市场主体1200户，企业开办时间压缩至1个工作日。\n".utf8)
            .write(to: input.appendingPathComponent("a.txt"))
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        let output = try TestSupport.temporaryFolder("run").appendingPathComponent("dataset")
        let result = try DatasetBuilder().run(paths: [input.path], output: output, jobs: 2)
        #expect(result.content.summaries.count == 1)
        #expect(result.content.rejected.map(\.stage) == ["fetch.file"])
        let reports = try String(contentsOf: output.appendingPathComponent("reports.jsonl"), encoding: .utf8)
        #expect(reports.contains("\"text\":\"今年以来，某县新增市场主体1200户"))
        #expect(DatasetValidator().validate(folder: output).isEmpty)
    }
}
