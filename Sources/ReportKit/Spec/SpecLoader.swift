import Foundation
import Yams

/// Reads and checks a pipeline spec. Accepts the spec file or the pipeline folder holding `pipeline.yaml`.
///
/// ```swift
/// let (spec, url) = try SpecLoader().load("pipelines/business-environment")
/// spec.version  // "1.0.0"
/// ```
public struct SpecLoader: Sendable {
    public init() {}

    public static let fileName = "pipeline.yaml"

    public func load(_ path: String) throws -> (PipelineSpec, URL) {
        var url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw SpecError(file: path, line: nil, problem: "No pipeline spec or folder here.", fix: "Pass a pipeline folder such as pipelines/business-environment, or its \(Self.fileName).")
        }
        if isDirectory.boolValue { url = url.appendingPathComponent(Self.fileName) }
        let display = isDirectory.boolValue ? (path as NSString).appendingPathComponent(Self.fileName) : path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SpecError(file: display, line: nil, problem: "The spec file is missing or unreadable.", fix: "Create \(Self.fileName) in the pipeline folder (see README, 'Pipeline specs').")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: display, line: nil, problem: "The spec is not UTF-8 text.", fix: "Save it as UTF-8.")
        }
        return (try parse(text, file: display), url)
    }

    public func parse(_ text: String, file: String) throws -> PipelineSpec {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw SpecError(file: file, line: nil, problem: "The spec is empty.", fix: "Give at least name, version, title, description, license and sources.")
            }
            node = composed
        } catch let error as SpecError {
            throw error
        } catch let error as YamlError {
            throw SpecError(file: file, line: Self.line(of: error), problem: "The spec is not valid YAML (\(Self.summary(of: error))).", fix: "Check indentation and quoting near that line.")
        }
        guard let mapping = node.mapping else {
            throw SpecError(file: file, line: node.mark?.line, problem: "The spec must be a mapping of keys to values.", fix: "Start with `name: <dataset-name>`.")
        }
        for key in mapping.keys {
            guard let name = key.string, PipelineSpec.topLevelKeys.contains(name) else {
                throw SpecError(file: file, line: key.mark?.line, problem: "Unknown key '\(key.string ?? "?")'.", fix: "Known keys: \(PipelineSpec.topLevelKeys.sorted().joined(separator: ", ")).")
            }
        }
        let spec: PipelineSpec
        do {
            spec = try YAMLDecoder().decode(PipelineSpec.self, from: node)
        } catch let error as DecodingError {
            let (path, problem) = Self.describe(error)
            throw SpecError(file: file, line: Self.line(of: path, in: node), problem: problem, fix: Self.fix(for: path))
        }
        try check(spec, file: file, node: node)
        return spec
    }

    private func check(_ spec: PipelineSpec, file: String, node: Node) throws {
        func fail(_ key: String, _ problem: String, _ fix: String) throws -> Never {
            throw SpecError(file: file, line: Self.line(of: [key], in: node), problem: problem, fix: fix)
        }
        if spec.name.isEmpty || !spec.name.unicodeScalars.allSatisfy({ CJK.isASCIIDigit($0) || ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "-" }) {
            try fail("name", "name '\(spec.name)' is not a folder-safe dataset name.", "Use lower-case letters, digits and hyphens, such as business-environment.")
        }
        let parts = spec.version.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count != 3 || !parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            try fail("version", "version '\(spec.version)' is not a semantic version.", "Write it as MAJOR.MINOR.PATCH, such as 1.0.0, in quotes if needed.")
        }
        if spec.sources.isEmpty { try fail("sources", "sources is empty.", "List files, folders or globs relative to the spec, such as sources/*.txt.") }
        if let released = spec.released, DateNormalizer.isoDate(released) != released {
            try fail("released", "released '\(released)' is not a YYYY-MM-DD date.", "Write the release date as 2026-11-25.")
        }
        for (rule, severity) in spec.validate?.severity ?? [:] {
            if !Validator.ruleIDs.contains(rule) {
                try fail("validate", "validate.severity names an unknown rule '\(rule)'.", "Known rules: \(Validator.ruleIDs.joined(separator: ", ")).")
            }
            if !["error", "warning", "info", "off"].contains(severity) {
                try fail("validate", "validate.severity.\(rule) is '\(severity)'.", "Use error, warning, info or off.")
            }
        }
        if let dedup = spec.dedup, dedup.bands < 1 || dedup.permutations < dedup.bands || !(0...1).contains(dedup.threshold) || dedup.shingleSize < 1 {
            try fail("dedup", "dedup options are out of range.", "Use shingle_size ≥ 1, permutations ≥ bands ≥ 1 and a threshold between 0 and 1.")
        }
    }

    static func summary(of error: YamlError) -> String {
        let text = "\(error)"
        return text.split(separator: "\n").first.map(String.init) ?? text
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func describe(_ error: DecodingError) -> ([String], String) {
        func keys(_ path: [any CodingKey]) -> [String] { path.map { $0.intValue.map(String.init) ?? $0.stringValue } }
        switch error {
        case .keyNotFound(let key, let context):
            let path = keys(context.codingPath) + [key.stringValue]
            return (keys(context.codingPath), "Missing required key '\(path.joined(separator: "."))'.")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return (keys(context.codingPath), "'\(keys(context.codingPath).joined(separator: "."))' should be \(Self.typeName(type)).")
        case .dataCorrupted(let context):
            return (keys(context.codingPath), "'\(keys(context.codingPath).joined(separator: "."))' is not valid: \(context.debugDescription)")
        @unknown default:
            return ([], "\(error)")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        default: "a \(type)"
        }
    }

    static func fix(for path: [String]) -> String {
        switch path.first {
        case "sources": "Write sources as a list: `sources: [sources/*.txt]`."
        case "license": "Write license as a mapping: `license: {name: CC-BY-4.0, title: …, path: …}`."
        case "version": "Quote the version: `version: \"1.0.0\"`."
        default: "See the example spec in pipelines/business-environment/pipeline.yaml."
        }
    }

    /// The line of the value at `path` in the YAML tree, if it exists.
    static func line(of path: [String], in node: Node) -> Int? {
        var current = node
        for key in path {
            if let mapping = current.mapping, let (keyNode, value) = mapping.first(where: { $0.key.string == key }) {
                current = value
                if key == path.last { return keyNode.mark?.line ?? value.mark?.line }
            } else if let sequence = current.sequence, let index = Int(key), index < sequence.count {
                current = sequence[index]
            } else {
                return current.mark?.line
            }
        }
        return current.mark?.line
    }
}
