import Foundation

/// The sentences and headings of the sample reports, the material synthetic reports are built from.
///
/// Every `.txt` file of the folder is read in name order; each line is split after `。`, `！` or `？`
/// (a closing quote stays with its sentence), and complete sentences of at least ten characters are kept.
/// Short lines without an end mark that are not bylines or captions are kept as headings, in Simplified script.
///
/// ```swift
/// let bank = try SampleSentenceBank(folder: URL(fileURLWithPath: "pipelines/business-environment/sources"))
/// bank.sentences.first  // "在海南儋州,优化营商环境被誉为“一号工程”。"
/// ```
struct SampleSentenceBank: Sendable {
    var sentences: [String]
    var headings: [String]

    static let terminators: Set<Character> = ["。", "！", "？"]
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")"]

    /// - Throws: ``SyntheticCorpusError/samplesNotFound(_:)`` when the folder holds no `.txt` file,
    ///   ``SyntheticCorpusError/unreadableSample(_:)`` for a file that is not UTF-8, and
    ///   ``SyntheticCorpusError/noSentences(_:)`` when no complete sentence is found.
    init(folder: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let textFiles = names.filter { $0.hasSuffix(".txt") }.sorted()
        guard !textFiles.isEmpty else { throw SyntheticCorpusError.samplesNotFound(folder.path) }
        var sentences: [String] = []
        var headings: [String] = []
        for name in textFiles {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else { throw SyntheticCorpusError.unreadableSample(url.path) }
            for rawLine in text.split(whereSeparator: \.isNewline) {
                let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{3000}")))
                if line.isEmpty { continue }
                let pieces = Self.split(line)
                let complete = pieces.filter { $0.count >= 10 && Self.isComplete($0) }
                sentences += complete
                if pieces.count == 1, complete.isEmpty, Self.looksLikeHeading(line) {
                    // Titles are made from headings: keep them in Simplified script.
                    headings.append((try? ChineseScriptConverter.shared.toSimplified(line)) ?? line)
                }
            }
        }
        guard !sentences.isEmpty else { throw SyntheticCorpusError.noSentences(folder.path) }
        self.sentences = sentences
        self.headings = headings.isEmpty ? SyntheticVocabulary.headlineTopics : headings
    }

    /// Splits a line after each end mark and the closing quotes that follow it.
    static func split(_ line: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var afterTerminator = false
        for character in line {
            if afterTerminator, !closers.contains(character), !terminators.contains(character) {
                pieces.append(current)
                current = ""
                afterTerminator = false
            }
            current.append(character)
            if terminators.contains(character) { afterTerminator = true }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { pieces.append(rest) }
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func isComplete(_ sentence: String) -> Bool {
        guard let last = sentence.last(where: { !closers.contains($0) }) else { return false }
        return terminators.contains(last)
    }

    static func looksLikeHeading(_ line: String) -> Bool {
        guard (6...36).contains(line.count) else { return false }
        let chrome = ["记者", "编辑", "图片", "摄", "来源", "摘要", "通讯员", "责任", "http", "微信", "扫码", "掃碼", "关注"]
        return !chrome.contains(where: line.contains) && !line.contains(where: { "，,()?？".contains($0) })
            && !line.contains(where: { $0.isNumber && $0.isASCII })
    }
}
