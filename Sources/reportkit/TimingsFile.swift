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
        // fopen/fwrite rather than Data.write(to:), which fsyncs: the bench times the whole process, and a sync
        // with the dataset's 700 MB in the page cache waited on the journal.
        guard let file = fopen(path, "w") else { throw TimingsFileError.cannotWrite(path, String(cString: strerror(errno))) }
        let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard fclose(file) == 0, written == data.count else { throw TimingsFileError.cannotWrite(path, String(cString: strerror(errno))) }
    }
}

enum TimingsFileError: Error, CustomStringConvertible {
    case cannotWrite(String, String)
    var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "Could not write the timings file '\(path)': \(reason)."
        }
    }
}
