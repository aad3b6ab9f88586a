/// Why an input could not be read; each case says what happened and what to do next.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    case empty(String)
    case whitespaceOnly(String)
    case tooLarge(String, bytes: Int, limit: Int)
    case changedWhileReading(String)
    case binary(String, kind: String)
    case undecodable(String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "No input file at '\(path)'. Check the path; paths in a pipeline spec are relative to the spec file."
        case .isDirectory(let path):
            "'\(path)' is a folder, not a file. List it as a folder source or use a glob such as '\(path)/*.txt'."
        case .unreadable(let path, let reason):
            "Could not read '\(path)': \(reason). Check the file's permissions."
        case .empty(let path):
            "'\(path)' is empty (0 bytes): there is no report to read."
        case .whitespaceOnly(let path):
            "'\(path)' holds only whitespace: there is no report to read."
        case .tooLarge(let path, let bytes, let limit):
            "'\(path)' is \(bytes) bytes, more than the limit of \(limit) bytes for one report. "
                + "Split it, or raise `fetch.max_bytes` in the spec."
        case .changedWhileReading(let path):
            "'\(path)' changed while it was being read; rebuild once it has been written completely."
        case .binary(let path, let kind):
            "'\(path)' is binary data (\(kind)), not a text or HTML report."
        case .undecodable(let path, let reason):
            "'\(path)' is not valid text in any supported encoding (UTF-8, UTF-16, GB18030/GBK): \(reason)."
        }
    }
}
