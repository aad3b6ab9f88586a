import Dispatch
import Foundation
import Synchronization

/// Why a dataset folder could not be written.
public enum EmitError: Error, Sendable, CustomStringConvertible, Equatable {
    case versionExists(path: String, changedFiles: [String])
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .versionExists(let path, let files):
            "Version folder '\(path)' already exists with different data (\(files.joined(separator: ", "))). "
                + "A published version is immutable: bump `version` in the spec (for example 1.0.0 → 1.0.1), "
                + "or pass --replace while the version is not yet published."
        case .cannotWrite(let path, let reason): "Could not write '\(path)': \(reason)."
        }
    }
}

/// What the emit pass counted while streaming the tables (for the README, provenance and changelog).
struct EmittedCounts {
    var reports = 0
    var metrics = 0
    var policies = 0
    var initiatives = 0
    /// `rule|severity` → count.
    var findings: [String: Int] = [:]
}

/// The emit stage: streams every table to a staging folder (one report's pre-rendered rows in memory at a time), then
/// writes the README, data package, provenance, changelog and checksums, and moves the folder into place.
/// Versioned builds refuse to change a version that exists with different data, and point `latest` at the
/// newest version.
public struct DatasetWriter: Sendable {
    /// Threads that stream the tables (at most the count of ``StreamedTable/lanes``).
    public let jobs: Int
    /// Whether the content's spool is released (``DocumentStore/releaseSpool()``) once the tables are written, for
    /// a caller that reads no record afterwards.
    public let releasesSpool: Bool

    public init(jobs: Int = 1, releasesSpool: Bool = false) {
        self.jobs = max(1, jobs)
        self.releasesSpool = releasesSpool
    }

    /// Files whose bytes define a version's data; provenance, checksums and changelog may be refreshed.
    static let metadataFiles: Set<String> = ["provenance.json", "SHA256SUMS", "CHANGELOG.md"]

    /// Writes every dataset file into `folder` (created, and expected to be empty).
    func writeFiles(_ content: DatasetContent, into folder: URL, previous: (version: String, folder: URL)?) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (tableChecksums, counts) = try StreamedTable.writeAll(content, into: folder, jobs: jobs)
        if releasesSpool { content.store.releaseSpool() }
        var checksums = tableChecksums
        var small: [String: Data] = [:]
        small["rejected.jsonl"] = Data(try JSONLinesWriter.encode(content.rejected.sorted { ($0.source, $0.stage) < ($1.source, $1.stage) }).utf8)
        small["README.md"] = Data(DatasetReadme.render(content, counts: counts).utf8)
        small["CHANGELOG.md"] = Data(ChangelogBuilder.render(content, counts: counts, staging: folder, previous: previous).utf8)
        small["datapackage.json"] = try DataPackageBuilder.json(for: content) + Data("\n".utf8)
        for (name, data) in small {
            try PlainFile.write(data, to: folder.appendingPathComponent(name))
            checksums[name] = SHA256Hex.digest(data)
        }
        let provenance = try BufferedFileWriter(url: folder.appendingPathComponent("provenance.json"))
        try ProvenanceBuilder.write(content, counts: counts, to: provenance)
        checksums["provenance.json"] = try provenance.finish()
        let sums = checksums.keys.sorted().map { "\(checksums[$0]!)  \($0)\n" }.joined()
        try PlainFile.write(Data(sums.utf8), to: folder.appendingPathComponent("SHA256SUMS"))
    }

    /// Writes a versioned dataset to `<root>/<name>/<version>/` and points `latest` at it.
    ///
    /// - Returns: The version folder and whether anything changed on disk.
    @discardableResult
    public func writeVersioned(_ content: DatasetContent, outputRoot: URL, replace: Bool = false) throws -> (URL, Bool) {
        let datasetFolder = outputRoot.appendingPathComponent(content.name)
        let folder = datasetFolder.appendingPathComponent(content.version)
        let staging = datasetFolder.appendingPathComponent(".staging-\(content.version)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        try writeFiles(content, into: staging, previous: Self.previousVersion(in: datasetFolder, before: content.version))
        let names = try FileManager.default.contentsOfDirectory(atPath: staging.path).sorted()
        var changed = true
        if FileManager.default.fileExists(atPath: folder.path) {
            let differing = differingFiles(names, staging, folder)
            let dataChanges = differing.filter { !Self.metadataFiles.contains($0) }
            if !dataChanges.isEmpty && !replace { throw EmitError.versionExists(path: folder.path, changedFiles: dataChanges) }
            changed = !differing.isEmpty
            if changed { try FileManager.default.removeItem(at: folder) }
        }
        if changed {
            do {
                try FileManager.default.moveItem(at: staging, to: folder)
            } catch {
                throw EmitError.cannotWrite(path: folder.path, reason: error.localizedDescription)
            }
        }
        try pointLatest(in: datasetFolder)
        return (folder, changed)
    }

    /// Writes the dataset files straight into `folder` (for `reportkit run`), replacing files of the same name.
    @discardableResult
    public func write(_ content: DatasetContent, to folder: URL) throws -> Bool {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let staging = folder.appendingPathComponent(".staging-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        try writeFiles(content, into: staging, previous: nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: staging.path).sorted()
        let differing = differingFiles(names, staging, folder)
        for name in differing {
            let target = folder.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: staging.appendingPathComponent(name), to: target)
        }
        return !differing.isEmpty
    }

    /// The names, in their order, whose file in `staging` differs from the one in `folder` (or has none there),
    /// compared on up to `jobs` threads: a rebuild that changes nothing reads both copies of every table.
    func differingFiles(_ names: [String], _ staging: URL, _ folder: URL) -> [String] {
        let same = Mutex([Bool](repeating: false, count: names.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, names.count)) { _ in
            while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < names.count {
                let equal = FileComparison.sameBytes(staging.appendingPathComponent(names[index]).path, folder.appendingPathComponent(names[index]).path)
                same.withLock { $0[index] = equal }
            }
        }
        let verdicts = same.withLock { $0 }
        return names.indices.filter { !verdicts[$0] }.map { names[$0] }
    }

    /// Versions present in a dataset folder, oldest first (semantic ordering).
    static func versions(in datasetFolder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: datasetFolder.path)) ?? []
        return names.filter { name in
            let parts = name.split(separator: ".")
            return parts.count == 3 && parts.allSatisfy { Int($0) != nil }
        }.sorted { versionKey($0).lexicographicallyPrecedes(versionKey($1)) }
    }

    static func versionKey(_ version: String) -> [Int] { version.split(separator: ".").map { Int($0) ?? 0 } }

    static func previousVersion(in datasetFolder: URL, before version: String) -> (version: String, folder: URL)? {
        guard let previous = versions(in: datasetFolder).last(where: { versionKey($0).lexicographicallyPrecedes(versionKey(version)) })
        else { return nil }
        return (previous, datasetFolder.appendingPathComponent(previous))
    }

    private func pointLatest(in datasetFolder: URL) throws {
        guard let newest = Self.versions(in: datasetFolder).last else { return }
        let link = datasetFolder.appendingPathComponent("latest")
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == newest { return }
        try? FileManager.default.removeItem(at: link)
        do {
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: newest)
        } catch {
            throw EmitError.cannotWrite(path: link.path, reason: error.localizedDescription)
        }
    }
}
