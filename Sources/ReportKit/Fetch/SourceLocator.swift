import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Expands source patterns (files, folders, globs) into the sorted list of files to read.
///
/// A pattern that matches nothing is not an error of the build: it becomes a ``RejectedInput`` so the
/// user sees it in `rejected.jsonl` and the other sources still build.
///
/// ```swift
/// let found = SourceLocator(baseDirectory: specFolder).locate(["sources/*.txt", "more/"])
/// found.sources.map(\.displayPath)  // ["sources/000_….txt", …, "more/a.html"]
/// ```
public struct SourceLocator: Sendable {
    /// Relative patterns are resolved against this folder.
    public let baseDirectory: URL
    /// File name extensions read from folders; other files there are listed as rejected.
    public let folderExtensions: Set<String>

    public init(baseDirectory: URL, folderExtensions: Set<String> = ["txt", "text", "html", "htm", "shtml", "xhtml"]) {
        self.baseDirectory = baseDirectory
        self.folderExtensions = folderExtensions
    }

    public struct Located: Sendable {
        public var sources: [SourceReference] = []
        public var rejected: [RejectedInput] = []
    }

    public func locate(_ patterns: [String]) -> Located {
        var located = Located()
        var seen = Set<String>()
        func add(_ path: String, display: String) {
            guard seen.insert(display).inserted else { return }
            located.sources.append(SourceReference(filePath: path, displayPath: display))
        }
        let base = baseDirectory.standardizedFileURL.path
        let basePrefix = base.hasSuffix("/") ? base : base + "/"
        func display(for absolutePath: String, pattern: String) -> String {
            if !pattern.hasPrefix("/"), absolutePath.hasPrefix(basePrefix) { return String(absolutePath.dropFirst(basePrefix.count)) }
            return absolutePath
        }
        for pattern in patterns {
            if SourceReference.isRemote(pattern) {
                if seen.insert(pattern).inserted { located.sources.append(SourceReference(remoteURL: pattern)) }
                continue
            }
            if pattern.hasPrefix("manifest:") {
                let path = String(pattern.dropFirst("manifest:".count)).trimmingCharacters(in: .whitespaces)
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
                do {
                    for source in try ManifestReader().read(contentsOf: url) where seen.insert(source.displayPath).inserted {
                        located.sources.append(source)
                    }
                } catch {
                    located.rejected.append(RejectedInput(source: pattern, stage: "fetch.locate", reason: "\(error)"))
                }
                continue
            }
            let absolute = pattern.hasPrefix("/") ? pattern : baseDirectory.appendingPathComponent(pattern).path
            if pattern.contains(where: { "*?[".contains($0) }) {
                let matches = Self.glob(absolute)
                if matches.isEmpty {
                    located.rejected.append(
                        RejectedInput(
                            source: pattern, stage: "fetch.locate",
                            reason: "The pattern '\(pattern)' matches no file. Check the path in the spec."))
                }
                // Folders come back marked with a trailing "/" (GLOB_MARK), so no file is stat'ed twice.
                for match in matches where !match.hasSuffix("/") {
                    add(match, display: display(for: match, pattern: pattern))
                }
                continue
            }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory)
            if !exists && !isSymlink(absolute) {
                located.rejected.append(
                    RejectedInput(source: pattern, stage: "fetch.locate", reason: FetchError.fileNotFound(pattern).description))
            } else if isDirectory.boolValue {
                let (files, skipped) = filesInFolder(absolute)
                for file in files { add(file, display: display(for: file, pattern: pattern)) }
                for file in skipped {
                    located.rejected.append(
                        RejectedInput(
                            source: display(for: file, pattern: pattern), stage: "fetch.locate",
                            reason: "Skipped: not a text or HTML file by its name (reads \(folderExtensions.sorted().joined(separator: ", ")))."))
                }
            } else {
                add(absolute, display: pattern)
            }
        }
        located.sources.sort { $0.displayPath < $1.displayPath }
        return located
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    private func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// Regular files below `folder`, recursively, hidden files skipped; symlinked folders are not followed.
    private func filesInFolder(_ folder: String) -> (files: [String], skipped: [String]) {
        var files: [String] = []
        var skipped: [String] = []
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else { return ([], []) }
        for case let url as URL in enumerator {
            if isDirectory(url.path) && !isSymlink(url.path) { continue }
            let ext = url.pathExtension.lowercased()
            if folderExtensions.contains(ext) { files.append(url.path) } else { skipped.append(url.path) }
        }
        return (files.sorted(), skipped.sorted())
    }

    static func glob(_ pattern: String) -> [String] {
        if let matches = FolderGlob.matches(pattern) { return matches.sorted() }
        return libcGlob(pattern)
    }

    /// glibc's `glob` with `GLOB_MARK`, sorted: what ``FolderGlob`` must equal where it answers.
    static func libcGlob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, GLOB_MARK, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        return paths.sorted()
    }
}
