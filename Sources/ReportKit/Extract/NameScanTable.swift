/// The gazetteer's names by first scalar, laid out flat for the scan at every position of every report:
/// one table slot per Basic Multilingual Plane scalar gives a run in one candidate array, and all names'
/// scalars sit in one buffer. ``RegionGazetteer/nameIndex`` holds the same candidates as an array per
/// scalar, whose lookup retains and releases an array at each position; this has nothing to count.
struct NameScanTable: Sendable {
    struct Candidate: Sendable {
        /// Into ``RegionGazetteer/names``.
        let number: Int32
        let length: Int32
        /// Where the name's scalars start in ``storage``.
        let offset: Int32
        /// The name's second scalar, or its first for a one-character name.
        let second: Unicode.Scalar
    }

    /// The candidates starting with one scalar: `count` names of two or more scalars sorted by their second
    /// scalar (stably, so each group keeps its longest-first order), then `singles` (0 or 1) one-scalar names.
    struct Run: Sendable {
        var start: UInt32 = 0
        var count: UInt16 = 0
        var singles: UInt16 = 0
    }

    /// One slot per BMP scalar: 0 when no name starts with it (most text positions stop here), else its
    /// run's index in ``runs`` plus one. A direct lookup; a start bit with a popcount rank cost about twice
    /// the instructions per position, as the build has no popcount instruction.
    private let runNumbers: [UInt16]
    /// The runs of the scalars names start with, in scalar order.
    private let runs: [Run]
    /// The (first, second) scalar pairs of every name of two or more scalars (16 KiB): clear means no such name
    /// starts at a position, which is the answer at most positions where some name's first scalar stands.
    private let pairs: ScalarPairBits
    private let candidates: [Candidate]
    /// `candidates[i].second.value`, packed for the search for the text's next scalar.
    private let seconds: [UInt32]
    private let storage: [Unicode.Scalar]
    /// Candidates for first scalars outside the BMP, in scan order.
    private let astral: [Unicode.Scalar: [Candidate]]
    /// The common surnames of ``RegionResolver/surnames``, one flag per BMP scalar.
    private let surnames: [Bool]
    /// The scalars any name starts with (8 KiB, where ``runNumbers`` takes 128 KiB): about three in four of a
    /// report's positions start none.
    private let starts: ScalarBits
    /// The BMP scalars that start a one-scalar name: only there does a position whose pair table bit is clear
    /// need its run.
    private let singleStarts: ScalarBits

    /// `names` in scan order (longest first, as ``RegionGazetteer/nameIndex`` lists them).
    init(names: [[Unicode.Scalar]], surnames: Set<Unicode.Scalar>) {
        var byFirst: [Unicode.Scalar: [Candidate]] = [:]
        var order: [Unicode.Scalar] = []
        var storage: [Unicode.Scalar] = []
        for (number, name) in names.enumerated() {
            guard let first = name.first else { continue }
            let candidate = Candidate(
                number: Int32(number), length: Int32(name.count), offset: Int32(storage.count), second: name.dropFirst().first ?? first)
            storage.append(contentsOf: name)
            if byFirst[first] == nil { order.append(first) }
            byFirst[first, default: []].append(candidate)
        }
        var runsByScalar: [UInt32: Run] = [:]
        var pairList: [(Unicode.Scalar, Unicode.Scalar)] = []
        var candidates: [Candidate] = []
        var astral: [Unicode.Scalar: [Candidate]] = [:]
        for first in order {
            let list = byFirst[first]!
            let multi = list.enumerated().filter { $0.element.length >= 2 }
                .sorted { ($0.element.second.value, $0.offset) < ($1.element.second.value, $1.offset) }.map(\.element)
            let singles = list.filter { $0.length < 2 }
            // A one-scalar name sorts after every longer one, so "first match in list order" is "first match
            // among those whose second scalar fits, else the one-scalar name".
            let singlesLast = list.drop { $0.length >= 2 }.allSatisfy { $0.length < 2 }
            if first.value < 0x10000, singlesLast, multi.count < Int(UInt16.max), singles.count < Int(UInt16.max) {
                pairList += multi.map { (first, $0.second) }
                runsByScalar[first.value] = Run(start: UInt32(candidates.count), count: UInt16(multi.count), singles: UInt16(singles.count))
                candidates.append(contentsOf: multi + singles)
            } else {
                astral[first] = list
            }
        }
        var surnameFlags = [Bool](repeating: false, count: 0x10000)
        var astralSurnames = false
        for surname in surnames {
            if surname.value < 0x10000 { surnameFlags[Int(surname.value)] = true } else { astralSurnames = true }
        }
        precondition(!astralSurnames, "surnames are BMP characters")
        let scalarsWithRuns = runsByScalar.keys.sorted()
        precondition(scalarsWithRuns.count < Int(UInt16.max), "run numbers fit in 16 bits")
        var runNumbers = [UInt16](repeating: 0, count: 0x10000)
        for (number, value) in scalarsWithRuns.enumerated() { runNumbers[Int(value)] = UInt16(number + 1) }
        self.runNumbers = runNumbers
        self.runs = scalarsWithRuns.map { runsByScalar[$0]! }
        self.pairs = ScalarPairBits(pairs: pairList, bitCount: 1 << 17)
        self.candidates = candidates
        self.seconds = candidates.map(\.second.value)
        self.storage = storage
        self.astral = astral
        self.surnames = surnameFlags
        self.starts = ScalarBits(members: Set(order))
        self.singleStarts = ScalarBits(members: Set(runsByScalar.filter { $0.value.singles != 0 }.keys.compactMap(Unicode.Scalar.init)))
    }

    /// Counts names at each position, longest match first, skipping a two-character name right after a
    /// common surname: exactly `RegionResolver`'s rule, on flat tables.
    func count<Sink: NameMentionSink>(_ scalars: [Unicode.Scalar], weight: Int, into counts: inout Sink) {
        scalars.withUnsafeBufferPointer { text in
            // Most positions start no name: the skip loop asks one bit (8 KiB table) of each.
            count(text, weight: weight, into: &counts) { starts.firstMember(in: text, from: $0) }
        }
    }

    /// ``count(_:weight:into:)`` of a text whose decoding flagged the scalars that may start a name (``TextSpans``'s
    /// `nameStartFlag`, which is ``mayStartName(_:)`` of the shared gazetteer's table): eight positions a load.
    func count<Sink: NameMentionSink>(_ spans: TextSpans, weight: Int, into counts: inout Sink) {
        spans.scalars.withUnsafeBufferPointer { text in
            spans.scalarFlagBytes.withUnsafeBufferPointer { flags in
                count(text, weight: weight, into: &counts) { ScalarFlagSearch.firstIndex(in: flags, matching: TextSpans.nameStartFlag, from: $0) }
            }
        }
    }

    /// True when some name starts with `scalar`.
    func mayStartName(_ scalar: Unicode.Scalar) -> Bool { starts.contains(scalar) }

    /// The count, visiting the positions `nextStart` gives: the first at or after a position whose scalar may
    /// start a name (``mayStartName(_:)``), or `text.count`.
    @inline(__always)
    private func count<Sink: NameMentionSink>(
        _ text: UnsafeBufferPointer<Unicode.Scalar>, weight: Int, into counts: inout Sink, nextStart: (Int) -> Int
    ) {
        var index = nextStart(0)
        while index < text.count {
            let value = text[index].value
            var matched = 0
            if value < 0x10000 {
                // The pair table first: it rules out most positions without reading the run.
                let mayBeLong = index + 1 < text.count && hasPair(value, text[index + 1].value)
                if mayBeLong || singleStarts.contains(text[index]) {
                    let runNumber = Int(runNumbers[Int(value)])
                    if runNumber != 0, let found = match(text, at: index, run: runs[runNumber - 1], long: mayBeLong) {
                        counts.add(weight, toName: Int(found.number))
                        matched = Int(found.length)
                    }
                }
            } else if let list = astral[text[index]] {
                // 陈建华 is a person, not 建华区: skip a two-character short form right after a common surname.
                let afterSurname = index > 0 && isSurname(text[index - 1])
                for candidate in list where !(candidate.length == 2 && afterSurname) && matches(candidate, text, at: index) {
                    counts.add(weight, toName: Int(candidate.number))
                    matched = Int(candidate.length)
                    break
                }
            }
            index = nextStart(index + max(matched, 1))
        }
    }

    @inline(__always)
    private func hasPair(_ first: UInt32, _ second: UInt32) -> Bool { pairs.mayContain(first, second) }

    /// The first candidate (in scan order) of `run` found at `index`; `long` false when the pair table
    /// rules out every name of two or more scalars there.
    @inline(__always)
    private func match(_ text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, run: Run, long: Bool) -> Candidate? {
        let afterSurname = index > 0 && isSurname(text[index - 1])
        var position = Int(run.start)
        let end = position + Int(run.count)
        if long {
            // The names whose second scalar is the text's next one, as one group of the sorted run.
            let next = text[index + 1].value
            var high = end
            while position < high {
                let middle = (position + high) / 2
                if seconds[middle] < next { position = middle + 1 } else { high = middle }
            }
            while position < end, seconds[position] == next {
                let candidate = candidates[position]
                if !(candidate.length == 2 && afterSurname), matches(candidate, text, at: index) { return candidate }
                position += 1
            }
        }
        for single in end..<(end + Int(run.singles)) where matches(candidates[single], text, at: index) {
            return candidates[single]
        }
        return nil
    }

    /// True when `text` holds `candidate`'s name at `index`.
    @inline(__always)
    private func matches(_ candidate: Candidate, _ text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Bool {
        let length = Int(candidate.length)
        guard index + length <= text.count, length < 2 || text[index + 1] == candidate.second else { return false }
        let offset = Int(candidate.offset)
        for position in 0..<length where text[index + position] != storage[offset + position] { return false }
        return true
    }

    private func isSurname(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && surnames[Int(scalar.value)]
    }

    /// The length of the longest name `scalars` starts with, if any (the first in scan order, without the
    /// surname rule).
    func leadingName(of scalars: [Unicode.Scalar]) -> Int? {
        guard let first = scalars.first else { return nil }
        return scalars.withUnsafeBufferPointer { text in
            if first.value < 0x10000 {
                let runNumber = Int(runNumbers[Int(first.value)])
                guard runNumber != 0 else { return nil }
                let run = runs[runNumber - 1]
                var position = Int(run.start)
                let end = position + Int(run.count)
                if text.count > 1 {
                    while position < end, seconds[position] < text[1].value { position += 1 }
                    while position < end, seconds[position] == text[1].value {
                        if matches(candidates[position], text, at: 0) { return Int(candidates[position].length) }
                        position += 1
                    }
                }
                for single in end..<(end + Int(run.singles)) where matches(candidates[single], text, at: 0) {
                    return Int(candidates[single].length)
                }
                return nil
            }
            return astral[first]?.first { matches($0, text, at: 0) }.map { Int($0.length) }
        }
    }
}
