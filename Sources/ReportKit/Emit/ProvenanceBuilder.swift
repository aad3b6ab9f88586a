/// Builds `provenance.json`: the toolkit, the spec's hash, every input with its hash and outcome, and
/// counts per stage. No wall-clock time: the same inputs and spec give the same bytes.
enum ProvenanceBuilder {
    /// Streams `provenance.json` into `writer`.
    static func write(_ content: DatasetContent, counts: EmittedCounts, to writer: BufferedFileWriter) throws {
        var out: [UInt8] = []
        try document(for: content, counts: counts).write(to: &out) { buffer in
            try writer.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        out.append(0x0A)
        try writer.write(out)
    }

    static func document(for content: DatasetContent, counts: EmittedCounts) -> PrettyJSON {
        var toolkit: [String: PrettyJSON] = ["name": .string("ReportKit"), "version": .string(ReportKitVersion.current)]
        // The digest of the toolkit's source files (Makefile passes it); a git commit cannot be recorded in a
        // dataset committed alongside the code, because committing changes the commit.
        if let digest = content.toolkitSourceDigest { toolkit["source_digest"] = .string(digest) }
        // Sorted positions, not sorted copies: each input entry is made only while it is written.
        let order = content.inputs.indices.sorted { content.inputs[$0].path < content.inputs[$1].path }
        let inputs = PrettyJSON.lazyArray(count: order.count) { position in
            let input = content.inputs[order[position]]
            var entry: [(key: String, value: PrettyJSON)] = [("path", .string(input.path)), ("outcome", .string(input.outcome))]
            entry.reserveCapacity(6)
            if let sha = input.sha256 { entry.append(("sha256", .string(sha))) }
            if let bytes = input.bytes { entry.append(("bytes", .integer(bytes))) }
            if let id = input.reportID { entry.append(("report_id", .string(id))) }
            if let fetch = input.fetch {
                var web: [String: PrettyJSON] = [
                    "url": .string(fetch.url), "final_url": .string(fetch.finalURL), "status": .integer(fetch.status),
                    "redirects": .array(fetch.redirects.map { .string($0) }),
                ]
                if let etag = fetch.etag { web["etag"] = .string(etag) }
                if let modified = fetch.lastModified { web["last_modified"] = .string(modified) }
                entry.append(("http", .object(web)))
            }
            return .members(entry)
        }
        let stageCounts = content.stageCounts.merging(
            [
                "emit.reports": counts.reports, "emit.metrics": counts.metrics, "emit.policies": counts.policies,
                "emit.initiatives": counts.initiatives, "emit.findings": counts.findings.values.reduce(0, +),
            ]) { $1 }
        var provenance: [String: PrettyJSON] = [
            "dataset": .string(content.name), "version": .string(content.version), "toolkit": .object(toolkit), "inputs": inputs,
            "stage_counts": .object(stageCounts.mapValues { .integer($0) }),
            "dedup": .object([
                "shingle_size": .integer(content.dedup.shingleSize), "permutations": .integer(content.dedup.permutations),
                "bands": .integer(content.dedup.bands), "threshold": .number(content.dedup.threshold),
                "collapse_repeated_claims": .bool(content.dedup.collapseRepeatedClaims),
            ]),
            "publish_text": .bool(content.publishText),
        ]
        if let released = content.released { provenance["released"] = .string(released) }
        if let specPath = content.specPath {
            provenance["spec"] = .object(["path": .string(specPath), "sha256": .string(content.specSHA256 ?? "")])
        }
        return .object(provenance)
    }
}
