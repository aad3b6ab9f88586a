/// One report's rendered rows as emit reads them back: the bytes of one read and where each part of
/// ``RenderedReport/serialized()`` lies in them. Each table's rows are written straight from those bytes;
/// decoding a ``RenderedReport`` first copied all its parts into arrays of their own, in both emit lanes.
struct SpooledRows {
    /// The parts of ``RenderedReport/serialized()``, in their order there: the rows, then the ``ByteSplice``s of
    /// each part in ``splicedParts``.
    enum Part: Int, CaseIterable {
        case reportCSVHead, reportCSVTail, reportJSONHead, reportJSONTail, metricsCSV, metricsJSON, policiesCSV, policiesJSON
        case initiativesCSV, initiativesJSON, findings, findingKeys, counts
        case metricsCSVSplices, metricsJSONSplices, policiesCSVSplices, policiesJSONSplices, initiativesCSVSplices, initiativesJSONSplices

        /// The parts that may repeat their own bytes, in the order their splices follow ``counts``.
        static let splicedParts: [Part] = [.metricsCSV, .metricsJSON, .policiesCSV, .policiesJSON, .initiativesCSV, .initiativesJSON]

        /// The part whose stored bytes this part's splices may copy (``ByteSplice/fromCompanion``): a table's
        /// CSV rows for its JSON rows.
        var companion: Part? {
            switch self {
            case .metricsJSON: .metricsCSV
            case .policiesJSON: .policiesCSV
            case .initiativesJSON: .initiativesCSV
            default: nil
            }
        }
    }

    /// The parts, as slices of the one buffer read (no part is copied).
    private let parts: [ArraySlice<UInt8>]

    /// Finds the parts in `bytes[rows]` (``LengthPrefixedParts``); nil unless they are exactly the parts of
    /// ``Part`` with well-formed splices.
    init?(record bytes: [UInt8], rows: Range<Int>) {
        guard let parts = LengthPrefixedParts.split(bytes[rows]), parts.count == Part.allCases.count else { return nil }
        for (index, part) in Part.splicedParts.enumerated() {
            let storedCount = parts[part.rawValue].count, companionCount = part.companion.map { parts[$0.rawValue].count } ?? 0
            guard parts[Part.counts.rawValue + 1 + index].withUnsafeBytes({
                ByteSplice.isValid($0, storedCount: storedCount, companionCount: companionCount)
            }) else {
                return nil
            }
        }
        self.parts = parts
    }

    /// The part holding the splices of `part`, if it has any.
    private func splices(of part: Part) -> ArraySlice<UInt8> {
        guard let index = Part.splicedParts.firstIndex(of: part) else { return [] }
        return parts[Part.counts.rawValue + 1 + index]
    }

    /// The stored bytes of `part` (without the repeats its splices put back).
    func withBytes<R>(_ part: Part, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try parts[part.rawValue].withUnsafeBytes(body)
    }

    func bytes(_ part: Part) -> ArraySlice<UInt8> { parts[part.rawValue] }

    /// The published bytes of `part`, piece by piece: its stored bytes with the repeats spliced in.
    func forEachPiece(_ part: Part, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try splices(of: part).withUnsafeBytes { splices in
            try companionBytes(of: part).withUnsafeBytes { companion in
                try parts[part.rawValue].withUnsafeBytes {
                    try ByteSplice.forEachPiece($0, companion: companion, splices: ByteSplice.Encoded(splices), body)
                }
            }
        }
    }

    /// The published bytes of `part` in one array.
    func published(_ part: Part) -> [UInt8] {
        splices(of: part).withUnsafeBytes { splices in
            companionBytes(of: part).withUnsafeBytes { companion in
                parts[part.rawValue].withUnsafeBytes { ByteSplice.expanded($0, companion: companion, splices: ByteSplice.Encoded(splices)) }
            }
        }
    }

    /// The stored bytes of the companion of `part` (empty when it has none).
    private func companionBytes(of part: Part) -> ArraySlice<UInt8> {
        part.companion.map { parts[$0.rawValue] } ?? []
    }

    /// The `rule|severity` key of each finding (``RenderedReport/findingKeys``), one per line.
    func forEachFindingKey(_ body: (String) -> Void) {
        let keys = bytes(.findingKeys)
        guard !keys.isEmpty else { return }
        for key in keys.split(separator: 0x0A, omittingEmptySubsequences: false) { body(String(decoding: key, as: UTF8.self)) }
    }

    /// `metricCount,policyCount,initiativeCount`; nil when the part is not three integers.
    var counts: (metrics: Int, policies: Int, initiatives: Int)? {
        let part = bytes(.counts)
        return Self.plainCounts(part) ?? Self.parsedCounts(part)
    }

    /// The counts as the renderer writes them, three runs of one to eighteen ASCII digits between two commas, read
    /// straight off the bytes (emit reads them for every report); nil for anything else.
    static func plainCounts(_ part: ArraySlice<UInt8>) -> (metrics: Int, policies: Int, initiatives: Int)? {
        part.withUnsafeBufferPointer { bytes -> (Int, Int, Int)? in
            var numbers = (0, 0, 0)
            var index = 0
            for slot in 0..<3 {
                if slot > 0 {
                    guard index < bytes.count, bytes[index] == 0x2C else { return nil }
                    index += 1
                }
                var value = 0
                let start = index
                while index < bytes.count, bytes[index] &- 0x30 < 10, index - start < 18 {
                    value = value * 10 + Int(bytes[index] &- 0x30)
                    index += 1
                }
                guard index > start else { return nil }
                switch slot {
                case 0: numbers.0 = value
                case 1: numbers.1 = value
                default: numbers.2 = value
                }
            }
            return index == bytes.count ? numbers : nil
        }
    }

    /// The counts by the general definition: the integers among the comma-separated pieces, exactly three of them.
    static func parsedCounts(_ part: ArraySlice<UInt8>) -> (metrics: Int, policies: Int, initiatives: Int)? {
        let numbers = part.split(separator: 0x2C).compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        guard numbers.count == 3 else { return nil }
        return (numbers[0], numbers[1], numbers[2])
    }
}
