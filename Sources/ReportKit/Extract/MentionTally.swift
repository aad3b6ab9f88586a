/// Where ``NameScanTable/count(_:weight:into:)`` adds each name it finds: the resolver's tally, or a
/// `[Int: Int]` dictionary (the tests' reference form).
protocol NameMentionSink {
    mutating func add(_ weight: Int, toName number: Int)
}

extension Dictionary: NameMentionSink where Key == Int, Value == Int {
    mutating func add(_ weight: Int, toName number: Int) { self[number, default: 0] += weight }
}

/// Weighted mentions by name number for one report, in the order first met. A report names a handful of
/// the gazetteer's thousands of names, so a search of a short array beats hashing every mention into an
/// `[Int: Int]` (and a slot per gazetteer name would zero 50 KB for every report).
struct MentionTally: NameMentionSink {
    /// The numbers with a weight, each once, in the order first mentioned; `weights` in step.
    private(set) var numbers: [Int32] = []
    private var weights: [Int] = []

    @inline(__always)
    mutating func add(_ weight: Int, toName number: Int) {
        let key = Int32(truncatingIfNeeded: number)
        if let slot = numbers.firstIndex(of: key) {
            weights[slot] &+= weight
        } else {
            numbers.append(key)
            weights.append(weight)
        }
    }

    var isEmpty: Bool { numbers.isEmpty }

    /// (name number, weight) for every mentioned name, in first-mention order.
    var entries: [(number: Int, weight: Int)] { numbers.indices.map { (Int(numbers[$0]), weights[$0]) } }
}
