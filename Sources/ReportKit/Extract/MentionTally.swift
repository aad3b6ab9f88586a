/// Where ``NameScanTable/count(_:weight:into:)`` adds each name it finds: the resolver's flat tally, or a
/// `[Int: Int]` dictionary (the tests' reference form).
protocol NameMentionSink {
    mutating func add(_ weight: Int, toName number: Int)
}

extension Dictionary: NameMentionSink where Key == Int, Value == Int {
    mutating func add(_ weight: Int, toName number: Int) { self[number, default: 0] += weight }
}

/// Weighted mentions by name number for one report: one slot per gazetteer name plus the numbers in the
/// order first met. Hashing into an `[Int: Int]` cost about as much as the scan itself; a report touches a
/// few dozen of the gazetteer's names, so a zeroed flat array is cheaper than any hash table.
struct MentionTally: NameMentionSink {
    private var weights: [Int]
    /// The numbers with a weight, each once, in the order first mentioned.
    private(set) var numbers: [Int] = []

    init(nameCount: Int) {
        weights = [Int](repeating: 0, count: nameCount)
    }

    @inline(__always)
    mutating func add(_ weight: Int, toName number: Int) {
        if weights[number] == 0 { numbers.append(number) }
        weights[number] &+= weight
    }

    var isEmpty: Bool { numbers.isEmpty }

    /// (name number, weight) for every mentioned name, in first-mention order.
    var entries: [(number: Int, weight: Int)] { numbers.map { ($0, weights[$0]) } }
}
