/// Why a synthetic corpus could not be generated.
public enum SyntheticCorpusError: Error, Equatable, CustomStringConvertible {
    case samplesNotFound(String)
    case unreadableSample(String)
    case noSentences(String)
    case invalidOption(String)
    case conversionFailed(String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .samplesNotFound(let path):
            "No sample reports (.txt files) in '\(path)'. Pass --samples a folder of plain-text reports; the default, pipelines/business-environment/sources, is relative to the current folder."
        case .unreadableSample(let path):
            "The sample report '\(path)' is not UTF-8 text. Convert it to UTF-8 or leave it out of the samples folder."
        case .noSentences(let path):
            "The sample reports in '\(path)' hold no complete sentence (ending in 。！？ and ten characters or more). Give Chinese reports as samples."
        case .invalidOption(let problem): problem
        case .conversionFailed(let reason): reason
        case .writeFailed(let path, let reason):
            "Could not write '\(path)': \(reason). Check that the output folder is writable."
        }
    }
}
