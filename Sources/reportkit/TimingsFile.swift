import Foundation
import ReportKit

/// Writes `--timings-file`: per-stage seconds (summed over threads), wall time, documents and input bytes.
enum TimingsFile {
    static func write(_ clock: StageClock, result: DatasetBuilder.BuildResult, wallSeconds: Double, jobs: Int, to path: String) throws {
        var stages: [String: Any] = [:]
        for (name, value) in clock.snapshot { stages[name] = ["seconds": value.seconds, "calls": value.calls] }
        let bytes = result.content.inputs.reduce(0) { $0 + ($1.bytes ?? 0) }
        let object: [String: Any] = [
            "stages": stages, "wall_seconds": wallSeconds, "jobs": jobs, "documents": result.content.inputs.count,
            "reports": result.content.summaries.count, "input_bytes": bytes,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        try PlainFile.write(data, to: URL(fileURLWithPath: path))  // no fsync: the bench times the whole process
    }
}
