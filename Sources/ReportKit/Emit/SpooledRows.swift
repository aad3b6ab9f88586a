/// One report's rendered rows as emit reads them back: the bytes of one read and where each part of
/// ``RenderedReport/serialized()`` lies in them. Each table's rows are written straight from those bytes;
/// decoding a ``RenderedReport`` first copied all thirteen parts into arrays of their own, in both emit lanes.
struct SpooledRows {
    /// The parts of ``RenderedReport/serialized()``, in their order there.
    enum Part: Int, CaseIterable {
        case reportCSVHead, reportCSVTail, reportJSONHead, reportJSONTail, metricsCSV, metricsJSON, policiesCSV, policiesJSON
        case initiativesCSV, initiativesJSON, findings, findingKeys, counts
    }

    private let bytes: [UInt8]
    /// Start offset of each part in `bytes`, then one past the last part's end: part `i` is `starts[i]..<ends[i]`.
    private let starts: [Int]
    private let ends: [Int]

    /// Finds the parts in `bytes[rows]`; nil when the lengths do not add up to exactly the thirteen parts.
    init?(record bytes: [UInt8], rows: Range<Int>) {
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(Part.allCases.count)
        ends.reserveCapacity(Part.allCases.count)
        var index = rows.lowerBound
        while index < rows.upperBound {
            guard rows.upperBound - index >= 4 else { return nil }
            let length = Int(bytes[index]) | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2]) << 16 | Int(bytes[index + 3]) << 24
            index += 4
            guard rows.upperBound - index >= length else { return nil }
            starts.append(index)
            ends.append(index + length)
            index += length
        }
        guard starts.count == Part.allCases.count else { return nil }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    /// The bytes of `part`.
    func withBytes<R>(_ part: Part, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[starts[part.rawValue]..<ends[part.rawValue]])) }
    }

    func bytes(_ part: Part) -> ArraySlice<UInt8> { bytes[starts[part.rawValue]..<ends[part.rawValue]] }

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
