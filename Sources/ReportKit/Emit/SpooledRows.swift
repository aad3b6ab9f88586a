/// One report's rendered rows as emit reads them back: the bytes of one read and where each part of
/// ``RenderedReport/serialized()`` lies in them. Each table's rows are written straight from those bytes;
/// decoding a ``RenderedReport`` first copied all thirteen parts into arrays of their own, in both emit lanes.
struct SpooledRows {
    /// The parts of ``RenderedReport/serialized()``, in their order there.
    enum Part: Int, CaseIterable {
        case reportCSVHead, reportCSVTail, reportJSONHead, reportJSONTail, metricsCSV, metricsJSON, policiesCSV, policiesJSON
        case initiativesCSV, initiativesJSON, findings, findingKeys, counts
    }

    /// The parts, as slices of the one buffer read (no part is copied).
    private let parts: [ArraySlice<UInt8>]

    /// Finds the parts in `bytes[rows]` (``LengthPrefixedParts``); nil unless they are exactly the thirteen parts.
    init?(record bytes: [UInt8], rows: Range<Int>) {
        guard let parts = LengthPrefixedParts.split(bytes[rows]), parts.count == Part.allCases.count else { return nil }
        self.parts = parts
    }

    /// The bytes of `part`.
    func withBytes<R>(_ part: Part, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try parts[part.rawValue].withUnsafeBytes(body)
    }

    func bytes(_ part: Part) -> ArraySlice<UInt8> { parts[part.rawValue] }

    /// The `rule|severity` key of each finding (``RenderedReport/findingKeys``), one per line.
    func forEachFindingKey(_ body: (String) -> Void) {
        let keys = bytes(.findingKeys)
        guard !keys.isEmpty else { return }
        for key in keys.split(separator: 0x0A, omittingEmptySubsequences: false) { body(String(decoding: key, as: UTF8.self)) }
    }

    /// `metricCount,policyCount,initiativeCount`; nil when the part is not three integers.
    var counts: (metrics: Int, policies: Int, initiatives: Int)? {
        let numbers = bytes(.counts).split(separator: 0x2C).compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        guard numbers.count == 3 else { return nil }
        return (numbers[0], numbers[1], numbers[2])
    }
}
