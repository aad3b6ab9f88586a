/// The units ReportKit recognises after a number, with what they normalise to.
///
/// The dataset README prints this table. Units are matched longest first, so `个工作日` wins over `个`
/// and `个百分点` over `个`.
public enum UnitLexicon {
    public struct Unit: Sendable, Equatable {
        /// As written, such as `个工作日`.
        public let text: String
        /// The normalised unit: `CNY`, `percent`, `item`, `workday`, …
        public let normalized: String
        /// Multiplier from the written unit to the normalised one (`万元` → 10,000 CNY).
        public let factor: Double
        /// True for classifiers that count things named after them (`项`, `家`): the indicator usually follows.
        public let countsThings: Bool
    }

    /// (written unit, normalised unit, counts things that are named after it).
    static let table: [(String, String, Bool)] = [
        ("%", "percent", false), ("个百分点", "percentage_point", false), ("百分点", "percentage_point", false),
        ("元", "CNY", false), ("个工作日", "workday", false), ("工作日", "workday", false), ("天", "day", false),
        ("小时", "hour", false), ("分钟", "minute", false), ("秒", "second", false), ("个月", "month", false),
        ("年", "year", false), ("周", "week", false),
        ("项", "item", true), ("件", "case", true), ("个", "item", true), ("家", "enterprise", true),
        ("户", "household", true), ("名", "person", true), ("人次", "person_time", true), ("人", "person", true),
        ("位", "person", true), ("次", "time", true), ("条", "item", true), ("宗", "item", true), ("亩", "mu", false),
        ("篇", "article", true), ("份", "item", true), ("枚", "item", true), ("类", "category", true),
        ("批次", "batch", true), ("批", "batch", true), ("起", "case", true), ("场", "time", true),
        ("期", "item", true), ("套", "item", true), ("张", "item", true), ("本", "item", true), ("笔", "item", true),
        ("台", "item", true), ("辆", "item", true), ("座", "item", true), ("所", "item", true), ("支", "item", true),
        ("种", "item", true), ("处", "item", true), ("栋", "item", true), ("吨", "tonne", false),
        ("平方米", "square_metre", false), ("公里", "km", false), ("千米", "km", false), ("万千瓦时", "kWh", false),
        ("千瓦时", "kWh", false), ("倍", "times", false), ("轮", "round", true), ("户次", "household_time", true),
        ("件次", "case_time", true),
    ]

    /// Written units sorted longest first, for greedy matching.
    static let byLength: [(scalars: [Unicode.Scalar], text: String, normalized: String, countsThings: Bool)] = table
        .map { (Array($0.0.unicodeScalars), $0.0, $0.1, $0.2) }
        .sorted { $0.scalars.count > $1.scalars.count }

    /// The positions in ``byLength`` of the units starting with each scalar, longest first.
    static let byFirstScalar: ScalarTable<[Int]> = {
        var entries: [Unicode.Scalar: [Int]] = [:]
        for (position, entry) in byLength.enumerated() { entries[entry.scalars[0], default: []].append(position) }
        return ScalarTable(entries)
    }()

    /// Magnitude characters between a number and its unit.
    static let magnitudes: [(String, Double)] = [("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("亿", 1e8), ("千", 1e3)]

    /// ``byFirstScalar`` as one sorted key array and one flat list of positions, so that a lookup retains
    /// no per-scalar array (the scan asks after every number, twice for ranges and magnitudes).
    static let firstScalars: [UInt32] = byLength.map { $0.scalars[0].value }.reduce(into: []) { keys, key in
        if !keys.contains(key) { keys.append(key) }
    }.sorted()
    static let flatPositions: [Int] = firstScalars.flatMap { key in byLength.indices.filter { byLength[$0].scalars[0].value == key } }
    static let flatStarts: [Int] = firstScalars.reduce(into: [0]) { starts, key in
        starts.append(starts.last! + byLength.filter { $0.scalars[0].value == key }.count)
    }

    /// The positions in ``byLength`` of the units starting with `scalar`, longest first (``byFirstScalar``'s list).
    static func candidates(_ scalar: Unicode.Scalar) -> ArraySlice<Int> {
        guard let group = group(of: scalar.value) else { return [] }
        return flatPositions[flatStarts[group]..<flatStarts[group + 1]]
    }

    /// The index in ``firstScalars`` of `first` (a binary search through a buffer pointer), nil when no unit starts with it.
    @inline(__always) private static func group(of first: UInt32) -> Int? {
        firstScalars.withUnsafeBufferPointer { keys in
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low &+ high) >> 1
                if keys[middle] < first { low = middle &+ 1 } else { high = middle }
            }
            return low < keys.count && keys[low] == first ? low : nil
        }
    }

    /// The unit written at `start`, if any: the longest lexicon entry that matches there, as its position in
    /// ``byLength``.
    static func match(_ scalars: [Unicode.Scalar], at start: Int) -> (entry: Int, end: Int)? {
        guard start >= 0, start < scalars.count else { return nil }
        // The tables read through buffer pointers, the entries' scalars from one flat buffer: through the arrays (and the
        // ``candidates(_:)`` slice) a call cost about 340 instructions, mostly retains, releases and bounds checks.
        guard let group = group(of: scalars[start].value) else { return nil }
        return scalars.withUnsafeBufferPointer { text in
            flatStarts.withUnsafeBufferPointer { starts in
                flatPositions.withUnsafeBufferPointer { positions in
                    entryBounds.withUnsafeBufferPointer { bounds in
                        entryScalars.withUnsafeBufferPointer { storage in
                            for slot in starts[group]..<starts[group &+ 1] {
                                let position = positions[slot]
                                let lower = bounds[position]
                                let length = bounds[position &+ 1] &- lower
                                guard length <= text.count &- start else { continue }
                                var offset = 1
                                while offset < length, text[start &+ offset] == storage[lower &+ offset] { offset &+= 1 }
                                if offset >= length { return (position, start &+ length) }
                            }
                            return nil
                        }
                    }
                }
            }
        }
    }

    /// The first entry of ``byLength`` written at `start`, tried one by one: what ``match(_:at:)`` must equal.
    static func referenceMatch(_ scalars: [Unicode.Scalar], at start: Int) -> (entry: Int, end: Int)? {
        guard start >= 0, start < scalars.count else { return nil }
        return byLength.indices.first { scalars.matches(byLength[$0].scalars, at: start) }.map { ($0, start + byLength[$0].scalars.count) }
    }

    /// The scalars of every ``byLength`` entry in one buffer, and where each entry's start (and the end) lies in it.
    static let entryScalars: [Unicode.Scalar] = byLength.flatMap(\.scalars)
    static let entryBounds: [Int] = byLength.reduce(into: [0]) { bounds, entry in bounds.append(bounds.last! + entry.scalars.count) }

    /// A normalised unit as its position in ``normalizedNames``: the scanner and the extractor compare these
    /// small numbers where comparing the Strings cost about a hundred instructions each time they differed.
    struct Normalized: Equatable {
        let id: UInt8

        var name: String { UnitLexicon.normalizedNames[Int(id)] }

        init(_ name: String) {
            id = UInt8(UnitLexicon.normalizedNames.firstIndex(of: name)!)
        }

        static let rank = Normalized("rank")
        static let percent = Normalized("percent")
        static let percentagePoint = Normalized("percentage_point")
        static let year = Normalized("year")
        static let month = Normalized("month")
        static let time = Normalized("time")
    }

    /// `rank` and every normalised unit of ``table``, each once.
    static let normalizedNames: [String] = table.reduce(into: ["rank"]) { names, entry in
        if !names.contains(entry.1) { names.append(entry.1) }
    }

    /// ``byLength``'s normalised units as ``Normalized`` values, in step.
    static let normalizedByEntry: [Normalized] = byLength.map { Normalized($0.normalized) }
    /// ``byLength``'s `countsThings` by entry: reading it from the entry copied (and retained) the entry's array and Strings.
    static let countsThingsByEntry: [Bool] = byLength.map(\.countsThings)

    /// A unit as written, its magnitude and its word: `万` + `元`. Position 0 of each means none (no magnitude,
    /// or a rank's `第`); else the position in ``magnitudes`` or ``byLength`` plus one.
    struct Written: Equatable {
        var magnitude: UInt8
        var entry: UInt8

        /// The written unit (`万元`, `第`), from a table made once instead of joined for every claim.
        var text: String { UnitLexicon.writtenForms[Int(magnitude)][Int(entry)] }
    }

    /// Every magnitude (or none) before every unit word (or `第`), as ``Written/text`` reads them.
    static let writtenForms: [[String]] = ([""] + magnitudes.map(\.0)).map { magnitude in
        (["第"] + byLength.map(\.text)).map { magnitude + $0 }
    }

    /// Every unit with its normalisation, for the data dictionary.
    public static var documentedUnits: [(written: String, normalized: String)] {
        table.map { ($0.0, $0.1) }
    }
}
