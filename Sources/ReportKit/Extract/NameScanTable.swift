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

    /// For BMP scalar `v`: `runs[v] >> 16` is the first candidate, `runs[v] & 0xFFFF` how many (0: none).
    private let runs: [UInt64]
    private let candidates: [Candidate]
    private let storage: [Unicode.Scalar]
    /// Candidates for first scalars outside the BMP, which no current name has.
    private let astral: [Unicode.Scalar: [Candidate]]
    /// The common surnames of ``RegionResolver/surnames``, one flag per BMP scalar.
    private let surnames: [Bool]

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
        var runs = [UInt64](repeating: 0, count: 0x10000)
        var candidates: [Candidate] = []
        var astral: [Unicode.Scalar: [Candidate]] = [:]
        for first in order {
            let list = byFirst[first]!
            if first.value < 0x10000 && list.count < 0xFFFF {
                runs[Int(first.value)] = UInt64(candidates.count) << 16 | UInt64(list.count)
                candidates.append(contentsOf: list)
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
        self.runs = runs
        self.candidates = candidates
        self.storage = storage
        self.astral = astral
        self.surnames = surnameFlags
    }

    /// Counts names at each position, longest match first, skipping a two-character name right after a
    /// common surname: exactly `RegionResolver`'s rule, on flat tables.
    func count(_ scalars: [Unicode.Scalar], weight: Int, into counts: inout [Int: Int]) {
        scalars.withUnsafeBufferPointer { text in
            candidates.withUnsafeBufferPointer { candidates in
                storage.withUnsafeBufferPointer { storage in
                    runs.withUnsafeBufferPointer { runs in
                        var index = 0
                        while index < text.count {
                            let value = text[index].value
                            var matched = 0
                            if value < 0x10000 {
                                let run = runs[Int(value)]
                                if run != 0 {
                                    let start = Int(run >> 16)
                                    matched = firstMatch(
                                        UnsafeBufferPointer(rebasing: candidates[start..<(start + Int(run & 0xFFFF))]), text, index,
                                        storage, &counts, weight)
                                }
                            } else if let list = astral[text[index]] {
                                matched = list.withUnsafeBufferPointer { firstMatch($0, text, index, storage, &counts, weight) }
                            }
                            index += max(matched, 1)
                        }
                    }
                }
            }
        }
    }

    /// The length of the first of `list` found at `index` (counted with `weight`), or 0.
    @inline(__always)
    private func firstMatch(
        _ list: UnsafeBufferPointer<Candidate>, _ text: UnsafeBufferPointer<Unicode.Scalar>, _ index: Int,
        _ storage: UnsafeBufferPointer<Unicode.Scalar>, _ counts: inout [Int: Int], _ weight: Int
    ) -> Int {
        // 陈建华 is a person, not 建华区: skip a two-character short form right after a common surname.
        let afterSurname = index > 0 && isSurname(text[index - 1])
        for candidate in list where !(candidate.length == 2 && afterSurname) {
            let length = Int(candidate.length)
            guard index + length <= text.count, length < 2 || text[index + 1] == candidate.second else { continue }
            let offset = Int(candidate.offset)
            var same = true
            for position in 0..<length where text[index + position] != storage[offset + position] {
                same = false
                break
            }
            if same {
                counts[Int(candidate.number), default: 0] += weight
                return length
            }
        }
        return 0
    }

    private func isSurname(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && surnames[Int(scalar.value)]
    }

    /// The length of the longest name `scalars` starts with, if any.
    func leadingName(of scalars: [Unicode.Scalar]) -> Int? {
        guard let first = scalars.first else { return nil }
        let list: ArraySlice<Candidate>
        if first.value < 0x10000 {
            let run = runs[Int(first.value)]
            guard run != 0 else { return nil }
            list = candidates[Int(run >> 16)..<(Int(run >> 16) + Int(run & 0xFFFF))]
        } else {
            guard let found = astral[first] else { return nil }
            list = found[...]
        }
        for candidate in list {
            let length = Int(candidate.length)
            guard length <= scalars.count, length < 2 || scalars[1] == candidate.second else { continue }
            let offset = Int(candidate.offset)
            if scalars[0..<length].elementsEqual(storage[offset..<(offset + length)]) { return length }
        }
        return nil
    }
}
