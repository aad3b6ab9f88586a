import Foundation

/// Reads a URL manifest: plain lines of URLs, or CSV with a `url` column and optional `publisher` and
/// `date` columns that override what extraction finds. Blank lines and `#` comments are skipped.
///
/// ```swift
/// try ManifestReader().read("url,publisher\nhttps://a.cn/1.html,人民网\n", file: "m.csv").first?.overrides  // ["publisher": "人民网"]
/// ```
public struct ManifestReader: Sendable {
    public init() {}

    public func read(contentsOf url: URL) throws -> [SourceReference] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw SpecError(file: url.path, line: nil, problem: "The manifest is missing or not UTF-8 text.", fix: "List one URL per line, or CSV with a url column.")
        }
        return try read(text, file: url.path)
    }

    public func read(_ text: String, file: String) throws -> [SourceReference] {
        let records = CSVReader.records(text).filter { !($0.fields.first ?? "").hasPrefix("#") && !$0.line.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = records.first else { return [] }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let urlColumn = header.firstIndex(of: "url") {
            var sources: [SourceReference] = []
            for (number, record) in records.dropFirst().enumerated() {
                guard urlColumn < record.fields.count else {
                    throw SpecError(file: file, line: number + 2, problem: "The row has no url field.", fix: "Give every row a value in the url column.")
                }
                let url = record.fields[urlColumn].trimmingCharacters(in: .whitespaces)
                guard SourceReference.isRemote(url) else {
                    throw SpecError(file: file, line: number + 2, problem: "'\(url)' is not an http(s) URL.", fix: "Write full URLs starting with http:// or https://.")
                }
                var overrides: [String: String] = [:]
                for key in ["publisher", "date"] {
                    if let column = header.firstIndex(of: key), column < record.fields.count {
                        let value = record.fields[column].trimmingCharacters(in: .whitespaces)
                        if !value.isEmpty { overrides[key] = value }
                    }
                }
                sources.append(SourceReference(remoteURL: url, overrides: overrides))
            }
            return sources
        }
        return try records.enumerated().map { number, record in
            let url = record.line.trimmingCharacters(in: .whitespaces)
            guard SourceReference.isRemote(url) else {
                throw SpecError(file: file, line: number + 1, problem: "'\(url)' is not an http(s) URL.", fix: "Write one full URL per line, or CSV with a url column.")
            }
            return SourceReference(remoteURL: url)
        }
    }
}
