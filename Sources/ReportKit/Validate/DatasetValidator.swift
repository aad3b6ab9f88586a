import Foundation

/// Checks a published dataset folder on its own, as a data consumer or CI would: checksums, every CSV
/// table against its Table Schema in `datapackage.json` (header, types, required fields, enums, primary
/// and foreign keys), JSON Lines syntax and row counts, and — when the text is published — that every
/// metric's offsets slice the text to its quote.
///
/// ```swift
/// let problems = DatasetValidator().validate(folder: URL(fileURLWithPath: "output/business-environment/latest"))
/// problems.isEmpty  // true for a fresh build
/// ```
public struct DatasetValidator: Sendable {
    public init() {}

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let row: Int?
        public let message: String
        public var description: String { row.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
    }

    public func validate(folder: URL) -> [Problem] {
        var problems: [Problem] = []
        problems += checkSums(folder)
        guard let packageData = FileManager.default.contents(atPath: folder.appendingPathComponent("datapackage.json").path),
            let package = try? JSONSerialization.jsonObject(with: packageData) as? [String: Any],
            let resources = package["resources"] as? [[String: Any]]
        else {
            return problems + [Problem(file: "datapackage.json", row: nil, message: "missing or not a JSON data package with resources")]
        }
        var keys: [String: [String: Set<String>]] = [:]  // resource → field → values (for foreign keys)
        var tables: [String: (fields: [String], rows: [[String]])] = [:]
        for resource in resources {
            guard let name = resource["name"] as? String, let path = resource["path"] as? String,
                let schema = resource["schema"] as? [String: Any], let fields = schema["fields"] as? [[String: Any]]
            else {
                problems.append(Problem(file: "datapackage.json", row: nil, message: "a resource lacks name, path or schema"))
                continue
            }
            guard let text = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) else {
                problems.append(Problem(file: path, row: nil, message: "missing or not UTF-8"))
                continue
            }
            let records = CSVReader.records(text).map(\.fields)
            let names = fields.compactMap { $0["name"] as? String }
            guard let header = records.first, header == names else {
                problems.append(Problem(file: path, row: 1, message: "header does not match the schema's fields \(names)"))
                continue
            }
            let rows = Array(records.dropFirst())
            tables[name] = (names, rows)
            for (offset, row) in rows.enumerated() {
                let line = offset + 2
                guard row.count == names.count else {
                    problems.append(Problem(file: path, row: line, message: "has \(row.count) fields, expected \(names.count)"))
                    continue
                }
                for (index, field) in fields.enumerated() {
                    if let problem = check(row[index], field: field) {
                        problems.append(Problem(file: path, row: line, message: "\(names[index]): \(problem)"))
                    }
                }
            }
            if let primary = schema["primaryKey"] as? [String] {
                let indices = primary.compactMap { names.firstIndex(of: $0) }
                var seen = Set<String>()
                for (offset, row) in rows.enumerated() where row.count == names.count {
                    let key = indices.map { row[$0] }.joined(separator: "\u{1F}")
                    if !seen.insert(key).inserted {
                        problems.append(Problem(file: path, row: offset + 2, message: "duplicate primary key \(primary.joined(separator: ",")) = \(key)"))
                    }
                }
            }
            for (index, fieldName) in names.enumerated() {
                keys[name, default: [:]][fieldName] = Set(rows.filter { $0.count == names.count }.map { $0[index] })
            }
            problems += checkJSONLines(folder, name: name, expectedRows: rows.count)
        }
        for resource in resources {
            guard let name = resource["name"] as? String, let path = resource["path"] as? String,
                let schema = resource["schema"] as? [String: Any], let foreign = schema["foreignKeys"] as? [[String: Any]],
                let table = tables[name]
            else { continue }
            for key in foreign {
                guard let field = (key["fields"] as? [String])?.first, let reference = key["reference"] as? [String: Any],
                    let target = reference["resource"] as? String, let targetField = (reference["fields"] as? [String])?.first,
                    let index = table.fields.firstIndex(of: field)
                else { continue }
                let allowed = keys[target]?[targetField] ?? []
                for (offset, row) in table.rows.enumerated() where row.count == table.fields.count && !allowed.contains(row[index]) {
                    problems.append(Problem(file: path, row: offset + 2, message: "\(field) '\(row[index])' has no row in \(target).\(targetField)"))
                }
            }
        }
        problems += checkOffsets(folder)
        return problems
    }

    private func check(_ value: String, field: [String: Any]) -> String? {
        let constraints = field["constraints"] as? [String: Any] ?? [:]
        if value.isEmpty { return (constraints["required"] as? Bool) == true ? "is required but empty" : nil }
        switch field["type"] as? String ?? "string" {
        case "integer" where Int(value) == nil: return "'\(value)' is not an integer"
        case "number" where Double(value) == nil: return "'\(value)' is not a number"
        case "date" where DateNormalizer.isoDate(value) != value: return "'\(value)' is not a YYYY-MM-DD date"
        default: break
        }
        if let allowed = constraints["enum"] as? [String], !allowed.contains(value) { return "'\(value)' is not one of \(allowed)" }
        return nil
    }

    private func checkSums(_ folder: URL) -> [Problem] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8) else {
            return [Problem(file: "SHA256SUMS", row: nil, message: "missing")]
        }
        var problems: [Problem] = []
        var listed = Set<String>()
        for (offset, line) in text.split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                problems.append(Problem(file: "SHA256SUMS", row: offset + 1, message: "not '<sha256>  <file>'"))
                continue
            }
            let name = parts[1].trimmingCharacters(in: .whitespaces)
            listed.insert(name)
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                problems.append(Problem(file: name, row: nil, message: "listed in SHA256SUMS but missing"))
                continue
            }
            if SHA256Hex.digest(data) != parts[0] {
                problems.append(Problem(file: name, row: nil, message: "checksum does not match SHA256SUMS: the file was changed after the build"))
            }
        }
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in present.sorted() where name != "SHA256SUMS" && !listed.contains(name) {
            problems.append(Problem(file: name, row: nil, message: "not listed in SHA256SUMS"))
        }
        return problems
    }

    private func checkJSONLines(_ folder: URL, name: String, expectedRows: Int) -> [Problem] {
        let file = "\(name).jsonl"
        guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else {
            return [Problem(file: file, row: nil, message: "missing or not UTF-8")]
        }
        var problems: [Problem] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (offset, line) in lines.enumerated() {
            if (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] == nil {
                problems.append(Problem(file: file, row: offset + 1, message: "not a JSON object"))
            }
        }
        if lines.count != expectedRows {
            problems.append(Problem(file: file, row: nil, message: "has \(lines.count) lines but \(name).csv has \(expectedRows) rows"))
        }
        return problems
    }

    /// When `reports.jsonl` carries the text, every metric's offsets must slice it to the quote.
    private func checkOffsets(_ folder: URL) -> [Problem] {
        guard let reports = try? String(contentsOf: folder.appendingPathComponent("reports.jsonl"), encoding: .utf8),
            let metrics = try? String(contentsOf: folder.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
        else { return [] }
        var texts: [String: [Unicode.Scalar]] = [:]
        for line in reports.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["report_id"] as? String, let text = object["text"] as? String
            else { continue }
            texts[id] = Array(text.unicodeScalars)
        }
        guard !texts.isEmpty else { return [] }
        var problems: [Problem] = []
        for (offset, line) in metrics.split(separator: "\n").enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["report_id"] as? String, let text = texts[id], let quote = object["quote"] as? String,
                let start = (object["char_start"] as? NSNumber)?.intValue, let end = (object["char_end"] as? NSNumber)?.intValue
            else { continue }
            let valid = start >= 0 && start < end && end <= text.count
            if !valid || String(String.UnicodeScalarView(text[start..<end])) != quote {
                problems.append(Problem(file: "metrics.jsonl", row: offset + 1, message: "char_start/char_end do not slice the report text to the quote '\(quote)'"))
            }
        }
        return problems
    }
}
