import Foundation

/// Builds `provenance.json`: the toolkit, the spec's hash, every input with its hash and outcome, and
/// counts per stage. No wall-clock time: the same inputs and spec give the same bytes.
enum ProvenanceBuilder {
    static func json(for content: DatasetContent, counts: EmittedCounts) throws -> Data {
        var toolkit: [String: Any] = ["name": "ReportKit", "version": ReportKitVersion.current]
        // The digest of the toolkit's source files (Makefile passes it); a git commit cannot be recorded in a
        // dataset committed alongside the code, because committing changes the commit.
        if let digest = content.toolkitSourceDigest { toolkit["source_digest"] = digest }
        let inputs: [[String: Any]] = content.inputs.sorted { $0.path < $1.path }.map { input in
            var entry: [String: Any] = ["path": input.path, "outcome": input.outcome]
            if let sha = input.sha256 { entry["sha256"] = sha }
            if let bytes = input.bytes { entry["bytes"] = bytes }
            if let id = input.reportID { entry["report_id"] = id }
            if let fetch = input.fetch {
                var web: [String: Any] = ["url": fetch.url, "final_url": fetch.finalURL, "status": fetch.status, "redirects": fetch.redirects]
                if let etag = fetch.etag { web["etag"] = etag }
                if let modified = fetch.lastModified { web["last_modified"] = modified }
                entry["http"] = web
            }
            return entry
        }
        var provenance: [String: Any] = [
            "dataset": content.name, "version": content.version, "toolkit": toolkit, "inputs": inputs,
            "stage_counts": content.stageCounts.merging(
                [
                    "emit.reports": counts.reports, "emit.metrics": counts.metrics, "emit.policies": counts.policies,
                    "emit.initiatives": counts.initiatives, "emit.findings": counts.findings.values.reduce(0, +),
                ]) { $1 },
            "dedup": [
                "shingle_size": content.dedup.shingleSize, "permutations": content.dedup.permutations,
                "bands": content.dedup.bands, "threshold": content.dedup.threshold,
                "collapse_repeated_claims": content.dedup.collapseRepeatedClaims,
            ],
            "publish_text": content.publishText,
        ]
        if let released = content.released { provenance["released"] = released }
        if let specPath = content.specPath { provenance["spec"] = ["path": specPath, "sha256": content.specSHA256 ?? ""] }
        return try JSONSerialization.data(withJSONObject: provenance, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }
}
