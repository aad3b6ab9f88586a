import Foundation
import Testing
@testable import ReportKit

@Suite("SourceLocator") struct SourceLocatorTests {
    /// A folder of sources as a spec sees it: files, a sub-folder whose name a glob also matches, a link to a
    /// folder, and a file of another kind.
    private static func sampleFolder() throws -> URL {
        let base = try TestSupport.temporaryFolder("locate")
        let sources = base.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources.appendingPathComponent("nested.txt"), withIntermediateDirectories: true)
        for name in ["b.txt", "a.html", "nested.txt/c.txt", "notes.pdf"] {
            try Data("本市新增企业12家。".utf8).write(to: sources.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(
            at: sources.appendingPathComponent("linked.txt"), withDestinationURL: sources.appendingPathComponent("nested.txt"))
        return base
    }

    @Test("a glob gives its files in order, relative to the spec, and never a folder") func globSkipsFolders() throws {
        let base = try Self.sampleFolder()
        let located = SourceLocator(baseDirectory: base).locate(["sources/*.txt", "sources/*.html", "sources/b.txt"])
        #expect(located.sources.map(\.displayPath) == ["sources/a.html", "sources/b.txt"])
        #expect(located.sources.map(\.filePath) == ["sources/a.html", "sources/b.txt"].map { base.appendingPathComponent($0).path })
        #expect(located.rejected.isEmpty)
    }

    /// A link to a folder is not followed: it is handed on as a source, and fetching it rejects it.
    @Test("a folder is read recursively by extension; other files are listed as rejected") func folderSources() throws {
        let base = try Self.sampleFolder()
        let located = SourceLocator(baseDirectory: base).locate(["sources"])
        #expect(located.sources.map(\.displayPath) == ["sources/a.html", "sources/b.txt", "sources/linked.txt", "sources/nested.txt/c.txt"])
        #expect(located.rejected.map(\.source) == ["sources/notes.pdf"])
    }

    @Test("a pattern or path that matches nothing is rejected with its reason") func missing() throws {
        let base = try Self.sampleFolder()
        let located = SourceLocator(baseDirectory: base).locate(["sources/*.htm", "sources/gone.txt"])
        #expect(located.sources.isEmpty)
        #expect(located.rejected.map(\.source) == ["sources/*.htm", "sources/gone.txt"])
        #expect(located.rejected[0].reason.contains("matches no file"))
    }
}
