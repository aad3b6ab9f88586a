import Foundation

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

/// The emit stage: renders every dataset file in memory, then writes the folder. Versioned builds refuse
/// to change a version that exists with different data, and point `latest` at the newest version.
public struct DatasetWriter: Sendable {
    public init() {}

    /// Files whose bytes define a version's data; provenance, checksums and changelog may be refreshed.
    static let metadataFiles: Set<String> = ["provenance.json", "SHA256SUMS", "CHANGELOG.md"]

    /// Renders all files of the dataset, keyed by file name.
    public func render(_ content: DatasetContent, previous: (version: String, folder: URL)?) throws -> [String: Data] {
        var files: [String: String] = [:]
        let documents = content.documents.sorted { $0.report.reportID < $1.report.reportID }
        let reports = documents.map(\.report)
        let metrics = documents.flatMap { $0.metrics.sorted { ($0.charStart, $0.charEnd) < ($1.charStart, $1.charEnd) } }
        let policies = documents.flatMap(\.policies)
        let initiatives = documents.flatMap(\.initiatives)
        files["reports.csv"] = CSVWriter.render(reports, schema: DatasetTables.reports)
        files["reports.jsonl"] = JSONLinesWriter.render(reports, schema: DatasetTables.reports) { report in
            content.publishText ? [("text", .string(report.text))] : []
        }
        files["metrics.csv"] = CSVWriter.render(metrics, schema: DatasetTables.metrics)
        files["metrics.jsonl"] = JSONLinesWriter.render(metrics, schema: DatasetTables.metrics)
        files["policies.csv"] = CSVWriter.render(policies, schema: DatasetTables.policies)
        files["policies.jsonl"] = JSONLinesWriter.render(policies, schema: DatasetTables.policies)
        files["initiatives.csv"] = CSVWriter.render(initiatives, schema: DatasetTables.initiatives)
        files["initiatives.jsonl"] = JSONLinesWriter.render(initiatives, schema: DatasetTables.initiatives)
        let findings = documents.flatMap(\.findings)
        files["validation.jsonl"] = try JSONLinesWriter.encode(findings)
        files["rejected.jsonl"] = try JSONLinesWriter.encode(content.rejected.sorted { ($0.source, $0.stage) < ($1.source, $1.stage) })
        files["README.md"] = DatasetReadme.render(content, findings: findings)
        files["CHANGELOG.md"] = ChangelogBuilder.render(content, reports: reports, metrics: metrics, previous: previous)
        var data = files.mapValues { Data($0.utf8) }
        data["datapackage.json"] = try DataPackageBuilder.json(for: content) + Data("\n".utf8)
        data["provenance.json"] = try ProvenanceBuilder.json(for: content) + Data("\n".utf8)
        data["SHA256SUMS"] = Data(
            data.keys.sorted().map { "\(SHA256Hex.digest(data[$0]!))  \($0)\n" }.joined().utf8)
        return data
    }

    /// Writes a versioned dataset to `<root>/<name>/<version>/` and points `latest` at it.
    ///
    /// - Returns: The version folder and whether anything changed on disk.
    @discardableResult
    public func writeVersioned(_ content: DatasetContent, outputRoot: URL, replace: Bool = false) throws -> (URL, Bool) {
        let datasetFolder = outputRoot.appendingPathComponent(content.name)
        let folder = datasetFolder.appendingPathComponent(content.version)
        let previous = Self.previousVersion(in: datasetFolder, before: content.version)
        let files = try render(content, previous: previous)
        if FileManager.default.fileExists(atPath: folder.path), !replace {
            let changed = files.keys.sorted().filter { name in
                !Self.metadataFiles.contains(name)
                    && FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) != files[name]
            }
            if !changed.isEmpty {
                throw EmitError.versionExists(path: folder.path, changedFiles: changed)
            }
        }
        let changed = try write(files, to: folder)
        try pointLatest(in: datasetFolder)
        return (folder, changed)
    }

    /// Writes the dataset files straight into `folder` (for `reportkit run`).
    @discardableResult
    public func write(_ files: [String: Data], to folder: URL) throws -> Bool {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw EmitError.cannotWrite(path: folder.path, reason: "\(error.localizedDescription)")
        }
        var changed = false
        for name in files.keys.sorted() {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.contents(atPath: url.path) == files[name] { continue }
            do {
                try files[name]!.write(to: url, options: .atomic)
                changed = true
            } catch {
                throw EmitError.cannotWrite(path: url.path, reason: error.localizedDescription)
            }
        }
        return changed
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
