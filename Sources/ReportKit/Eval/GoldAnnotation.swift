import Foundation
import Yams

/// One hand-written gold file (`gold/annotations/*.yaml`, format in `gold/README.md`).
public struct GoldAnnotation: Sendable, Codable {
    public struct ReportFields: Sendable, Codable {
        public var title: String?
        public var publishedDate: String?
        public var publisher: String?
        public var authors: [String]?
        public var regionCode: String?
        enum CodingKeys: String, CodingKey {
            case title, publishedDate = "published_date", publisher, authors, regionCode = "region_code"
        }
    }

    public struct GoldMetric: Sendable, Codable {
        public var quote: String?
        public var value: Double
        public var unit: String?
        public var valueNormalized: Double
        public var unitNormalized: String
        public var indicator: String?
        public var kind: String?
        public var qualifier: String?
        public var valueMax: Double?
        public var baselineValue: Double?
        public var category: String?
        enum CodingKeys: String, CodingKey {
            case quote, value, unit, valueNormalized = "value_normalized", unitNormalized = "unit_normalized"
            case indicator, kind, qualifier, valueMax = "value_max", baselineValue = "baseline_value", category
        }
    }

    /// The report file, relative to the pipeline folder.
    public var source: String
    public var report: ReportFields?
    public var metrics: [GoldMetric]?
    public var policies: [String]?
    public var initiatives: [String]?

    static func load(from folder: URL) throws -> [(String, GoldAnnotation)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        return try names.map { name in
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            do {
                return (name, try YAMLDecoder().decode(GoldAnnotation.self, from: text))
            } catch {
                throw SpecError(file: url.path, line: nil, problem: "The gold file does not parse: \(error).", fix: "Follow the format in gold/README.md.")
            }
        }
    }
}
