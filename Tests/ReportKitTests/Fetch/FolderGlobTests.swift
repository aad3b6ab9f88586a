import Foundation
import Testing
@testable import ReportKit

@Suite("FolderGlob") struct FolderGlobTests {
    /// Files, hidden files, a folder, links to a folder, to a file and to nothing, and names with glob characters.
    private static func folder() throws -> URL {
        let base = try TestSupport.temporaryFolder("folder-glob")
        let manager = FileManager.default
        try manager.createDirectory(at: base.appendingPathComponent("sub.txt"), withIntermediateDirectories: true)
        try manager.createDirectory(at: base.appendingPathComponent(".hidden-folder"), withIntermediateDirectories: true)
        for name in ["a.txt", "b.html", "B.txt", ".hidden.txt", "[x].txt", "q?.txt", "报告.txt", "c.TXT", "sub.txt/inner.txt"] {
            try Data("x".utf8).write(to: base.appendingPathComponent(name))
        }
        try manager.createSymbolicLink(at: base.appendingPathComponent("to-folder.txt"), withDestinationURL: base.appendingPathComponent("sub.txt"))
        try manager.createSymbolicLink(at: base.appendingPathComponent("to-file.txt"), withDestinationURL: base.appendingPathComponent("a.txt"))
        try manager.createSymbolicLink(at: base.appendingPathComponent("dangling.txt"), withDestinationURL: base.appendingPathComponent("gone"))
        return base
    }

    @Test("answers as glibc's glob with GLOB_MARK does, folders and links to folders marked")
    func equalsGlob() throws {
        let base = try Self.folder().path
        let patterns = [
            "*", "*.txt", ".*", "*.*", "?.txt", "[ab]*", "[!a]*", "*[", "q?.*", "报*", "*.TXT", "nothing*", "sub.txt/*", "gone/*",
            "a.txt/*", "*/*", "sub*/inner.txt", "a\\*", "a.txt",
        ]
        var answered = 0
        for pattern in patterns {
            let full = base + "/" + pattern
            let fast = FolderGlob.matches(full)
            if let fast {
                answered += 1
                #expect(fast.sorted() == SourceLocator.libcGlob(full), "\(pattern)")
            }
            #expect(SourceLocator.glob(full) == SourceLocator.libcGlob(full), "\(pattern)")
        }
        #expect(answered == 15)  // all but the wildcard folder parts, the backslash and the plain name
        #expect(FolderGlob.matches(base + "/*")?.contains(base + "/to-folder.txt/") == true)
        #expect(FolderGlob.matches(base + "/*")?.contains(base + "/dangling.txt") == true)
    }
}
