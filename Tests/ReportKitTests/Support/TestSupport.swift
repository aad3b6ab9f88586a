import Foundation
@testable import ReportKit

/// Paths to the repository's sample corpus and the test fixtures, and small helpers for temp folders.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pipeline = repositoryRoot.appendingPathComponent("pipelines/business-environment")
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/ReportKitTests/Fixtures")

    static func seed(_ prefix: String) throws -> URL {
        let folder = pipeline.appendingPathComponent("sources")
        let name = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) }
        guard let name else { throw CocoaError(.fileNoSuchFile) }
        return folder.appendingPathComponent(name)
    }

    /// A fresh folder for one test. All of a test run's folders lie in one folder of the system's temporary
    /// folder, removed when the run exits: the suite used to leave some hundred folders behind on every run.
    static func temporaryFolder(_ label: String = "reportkit-test") throws -> URL {
        let url = temporaryRoot.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This run's folder of test folders, removed at exit (a run that crashes leaves it for the system to clean).
    static let temporaryRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reportkit-tests-\(getpid())-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: TestSupport.temporaryRoot) }
        return root
    }()

    /// Runs fetch → decode → clean on one file.
    static func clean(_ url: URL) throws -> CleanedDocument {
        let stages = LocalFileFetcher().then(DocumentDecoder()).then(TextCleaner())
        guard case .keep(let document) = try stages.process(SourceReference(fileURL: url, displayPath: url.lastPathComponent)) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return document
    }

    /// Cleans a text given as a string (written to a temp file first).
    static func clean(text: String, name: String = "report.txt") throws -> CleanedDocument {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return try clean(url)
    }

    /// Copies the sample pipeline (spec and sources) into a temp folder that tests may edit.
    static func copyOfSamplePipeline() throws -> URL {
        let folder = try temporaryFolder("pipeline")
        let target = folder.appendingPathComponent("business-environment")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: pipeline.appendingPathComponent("pipeline.yaml"), to: target.appendingPathComponent("pipeline.yaml"))
        try FileManager.default.copyItem(at: pipeline.appendingPathComponent("sources"), to: target.appendingPathComponent("sources"))
        return target
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        }
        return result
    }

    /// A document holding only `text`, with an empty report, for rules and extractors that read the text.
    static func document(text: String) -> ExtractedDocument {
        ExtractedDocument(
            report: Report(
                reportID: "r", title: nil, publishedDate: nil, publishedAsWritten: nil, publisher: nil, authors: [], editors: [],
                photographers: [], province: nil, city: nil, county: nil, regionCode: nil, regionLongitude: nil,
                regionLatitude: nil, script: "simplified", charCount: 0, metricCount: 0, policyCount: 0, initiativeCount: 0,
                qualityFlags: "", qualityScore: 1, duplicates: "", duplicateSources: "", sourcePath: "p", sourceURL: nil,
                sourceSHA256: "", sourceBytes: 0, sourceFormat: "text", sourceEncoding: "utf-8", text: nil),
            metrics: [], policies: [], initiatives: [], findings: [], text: text, regionAmbiguous: false)
    }
}
