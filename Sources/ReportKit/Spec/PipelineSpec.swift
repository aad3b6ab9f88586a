/// A dataset's pipeline spec (`pipelines/<name>/pipeline.yaml`): what the dataset is, where its
/// sources are, and the options of each stage.
public struct PipelineSpec: Sendable, Codable, Equatable {
    public struct License: Sendable, Codable, Equatable {
        /// SPDX-style id, such as `CC-BY-4.0`.
        public var name: String
        public var title: String?
        public var path: String?
    }

    public struct FetchOptions: Sendable, Codable, Equatable {
        /// The largest input accepted, in bytes.
        public var maxBytes: Int?
        enum CodingKeys: String, CodingKey { case maxBytes = "max_bytes" }
    }

    public struct ValidateOptions: Sendable, Codable, Equatable {
        /// Rule id → error | warning | info | off.
        public var severity: [String: String]?
        /// Normalised unit → largest plausible value.
        public var maxPlausible: [String: Double]?
        public var earliestPlausibleYear: Int?
        enum CodingKeys: String, CodingKey {
            case severity, maxPlausible = "max_plausible", earliestPlausibleYear = "earliest_plausible_year"
        }
    }

    public struct EvalOptions: Sendable, Codable, Equatable {
        /// Folder of gold annotation files, relative to the spec.
        public var gold: String
        public var minMetricF1: Double?
        public var minIndicatorAccuracy: Double?
        enum CodingKeys: String, CodingKey {
            case gold, minMetricF1 = "min_metric_f1", minIndicatorAccuracy = "min_indicator_accuracy"
        }
    }

    /// Folder name under `output/`: lower-case letters, digits and hyphens.
    public var name: String
    /// Semantic version `MAJOR.MINOR.PATCH`; a published version is immutable.
    public var version: String
    public var title: String
    public var description: String
    public var license: License
    /// Release date `YYYY-MM-DD`, written into provenance and used as the build date for date checks.
    public var released: String?
    /// Publish the cleaned full text in `reports.jsonl`; off for copyrighted articles (quotes and offsets stay).
    public var publishText: Bool?
    /// Files, folders and globs, relative to the spec file.
    public var sources: [String]
    public var fetch: FetchOptions?
    public var dedup: DeduplicationOptions?
    public var validate: ValidateOptions?
    public var eval: EvalOptions?

    enum CodingKeys: String, CodingKey {
        case name, version, title, description, license, released, publishText = "publish_text", sources, fetch, dedup
        case validate, eval
    }

    static let topLevelKeys: Set<String> = Set(CodingKeys.allCasesNames)
}

extension PipelineSpec.CodingKeys: CaseIterable {
    static var allCasesNames: [String] { allCases.map(\.rawValue) }
}
