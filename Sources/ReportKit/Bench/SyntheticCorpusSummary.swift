/// What ``SyntheticCorpus/write(to:jobs:)`` wrote: how many reports of each kind, and how many bytes.
public struct SyntheticCorpusSummary: Sendable, Equatable {
    public var reports = 0
    public var html = 0
    public var duplicates = 0
    public var traditional = 0
    public var gbk = 0
    public var bytes = 0

    public init() {}

    mutating func add(_ report: SyntheticReport) {
        reports += 1
        if report.isHTML { html += 1 }
        if report.duplicateOf != nil { duplicates += 1 }
        if report.script == .traditional { traditional += 1 }
        if report.encoding == .gbk { gbk += 1 }
        bytes += report.bytes.count
    }

    mutating func add(_ other: SyntheticCorpusSummary) {
        reports += other.reports
        html += other.html
        duplicates += other.duplicates
        traditional += other.traditional
        gbk += other.gbk
        bytes += other.bytes
    }
}
