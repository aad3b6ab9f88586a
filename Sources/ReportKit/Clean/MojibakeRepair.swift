import Foundation

/// Repairs GBK half-character-shift mojibake: text that was GBK, lost one byte, and was decoded again
/// with every character built from the second half of one and the first half of the next
/// (`??谑锌崭酆娇瞻l` was `海口市空港航空發`).
///
/// A suspect run starts at a `?` (the pair that lost its byte) and runs through ideographs and
/// full-width marks flattened to `?`/`!`, up to an ASCII letter (a trail byte that re-aligned the stream)
/// or a `?` that swallowed the `(` of a pinyin annotation. The run is re-encoded as GBK, shifted by one
/// byte and decoded; the two unknown edge bytes are chosen so the edge characters are ones the document
/// uses elsewhere. The repair is kept only when it is clearly better text: most repaired characters occur
/// in the rest of the document, while the mojibake characters do not.
///
/// ```swift
/// MojibakeRepair().repair("海口的事。??谑锌崭酆娇瞻l(fā)…").text  // "海口的事。海口市空港航空發(fā)…"
/// ```
public struct MojibakeRepair: Sendable {
    public init() {}

    public struct Result: Sendable {
        public var text: String
        public var repairs: [Repair]
        /// Suspect runs that could not be repaired with confidence; they stay as they were.
        public var unrepaired: Int
        /// How the script markers (``ScriptMarkerTally``) of `text` differ from the input's: the repaired runs'
        /// characters counted in, the mojibake they replaced counted out.
        var scriptMarkerChange = ScriptMarkerTally()
    }

    struct Run {
        var start: Int
        var end: Int  // exclusive
        var swallowedParenthesis: Bool
    }

    public func repair(_ text: String) -> Result {
        let scalars = ScalarText.decodedScalars(text)
        let runs = Self.findRuns(scalars)
        guard !runs.isEmpty else { return Result(text: text, repairs: [], unrepaired: 0) }
        let frequency = Self.frequencyOutside(runs, in: scalars)
        var replaced: [(run: Run, replacement: String)] = []
        var repairs: [Repair] = []
        var unrepaired = 0
        var scriptMarkerChange = ScriptMarkerTally()
        for run in runs {
            let original = Array(scalars[run.start..<run.end])
            guard let repaired = Self.decodeShifted(original, run: run, frequency: frequency) else {
                // A lone `?` before ordinary words is a question mark, not damage; count only unknown runs.
                let ideographs = original.filter(CJK.isIdeograph)
                // Counted only when the length alone does not decide (the counts are built on first use).
                if original.count > 2 || ideographs.filter({ frequency.count($0) > 0 }).count * 2 < ideographs.count {
                    unrepaired += 1
                }
                continue
            }
            var replacement = repaired
            if run.swallowedParenthesis { replacement.append("(") }
            for scalar in original { scriptMarkerChange.add(scalar, weight: -1) }
            for scalar in replacement { scriptMarkerChange.add(scalar) }
            let after = String(scalars: replacement)
            replaced.append((run, after))
            repairs.append(Repair(flag: QualityFlagName.mojibakeRepaired, before: String(scalars: original), after: after))
        }
        // No run repaired: the text itself is the answer.
        guard !replaced.isEmpty else { return Result(text: text, repairs: [], unrepaired: unrepaired) }
        return Result(
            text: Self.splice(text, replacing: replaced), repairs: repairs, unrepaired: unrepaired,
            scriptMarkerChange: scriptMarkerChange)
    }

    /// `text` with each run's scalars replaced, built from substrings of `text` (runs in order, not
    /// overlapping): rebuilding it from scalars would encode and check every byte again. The runs' UTF-8 offsets
    /// are found by counting scalar starts in `text`'s bytes (``UTF8ScalarOffsets``).
    static func splice(_ text: String, replacing replaced: [(run: Run, replacement: String)]) -> String {
        let ranges: [Range<Int>] = RowBytes.withUTF8(of: text) { bytes in
            var offsets = UTF8ScalarOffsets(bytes)
            return replaced.map { offsets.offset(ofScalar: $0.run.start)..<offsets.offset(ofScalar: $0.run.end) }
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8 * replaced.count)
        var copied = 0  // UTF-8 offset up to which `text` is in `out` or replaced
        for (range, (_, replacement)) in zip(ranges, replaced) {
            ScalarText.append(text, utf8: copied..<range.lowerBound, to: &out)
            out += replacement
            copied = range.upperBound
        }
        ScalarText.append(text, utf8: copied..<text.utf8.count, to: &out)
        return out
    }

    /// Cheap test for whether a document may hold this mojibake at all: a `?` followed by an ideograph or
    /// another `?`. Read from the UTF-8 bytes (the byte `?` is always the scalar `?`), the `?`s found with
    /// `memchr`: most texts have none, and it reads many bytes per step.
    public static func mayContainMojibake(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let last = bytes.count - 1
            var index = 0
            while index < last, let found = memchr(base + index, 0x3F, last - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let next = bytes[index + 1]
                if next == 0x3F { return true }
                if next >= 0xE3 && next <= 0xF0 {
                    let (value, _) = UTF8Scalars.decode(bytes, at: index + 1)
                    if CJK.isIdeograph(Unicode.Scalar(value)!) { return true }
                }
                index += 1
            }
            return false
        }
    }

    static func findRuns(_ scalars: [Unicode.Scalar]) -> [Run] {
        var runs: [Run] = []
        var index = 0
        while index < scalars.count {
            index = firstQuestionMark(in: scalars, from: index)
            guard scalars[index] == "?", index + 1 < scalars.count,
                CJK.isIdeograph(scalars[index + 1]) || scalars[index + 1] == "?" || scalars[index + 1] == "!"
            else {
                index += 1
                continue
            }
            var end = index + 1
            var swallowed = false
            var ideographs = 0
            scan: while end < scalars.count, end - index < 40 {
                let scalar = scalars[end]
                switch scalar {
                case _ where CJK.isIdeograph(scalar):
                    ideographs += 1
                    end += 1
                case "!":
                    end += 1
                case "?":
                    if pinyinCloses(scalars, from: end + 1) {
                        swallowed = true
                        end += 1
                        break scan
                    }
                    end += 1
                case _ where CJK.isASCIILetter(scalar):
                    end += 1
                    break scan
                default:
                    break scan
                }
            }
            if ideographs > 0 { runs.append(Run(start: index, end: end, swallowedParenthesis: swallowed)) }
            index = max(end, index + 1)
        }
        return runs
    }

    /// The index of the first `?` in `scalars` at or after `start` (`start < scalars.count`), or the last index
    /// when none stands before it (a `?` there cannot start a run): a run can only start at a `?`, and
    /// `wmemchr` skips the scalars before it without the per-scalar checks of the run test.
    static func firstQuestionMark(in scalars: [Unicode.Scalar], from start: Int) -> Int {
        scalars.withUnsafeBufferPointer { scalars in
            let last = scalars.count - 1
            guard start < last else { return start }
            return ScalarMemchr.firstIndex(of: "?", in: scalars, range: start..<last) ?? last
        }
    }

    /// True when `scalars[start...]` reads like the rest of a pinyin annotation: `duì)`.
    private static func pinyinCloses(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start
        while index < scalars.count, index - start <= 7 {
            let scalar = scalars[index]
            if scalar == ")" { return index > start }
            if !(PinyinAnnotationStripper.isToneMarked(scalar) || (scalar.value >= 0x61 && scalar.value <= 0x7A)) {
                return false
            }
            index += 1
        }
        return false
    }

    /// Character and bigram counts of the document outside the suspect runs: the language model that
    /// tells a repaired character from mojibake. Built on first use, without hashing every scalar: ideograph
    /// counts in a flat table for the Basic Multilingual Plane (a sorted array for the rest), and bigram
    /// counts per neighbour — the repair asks about many characters next to one neighbour at a time, so
    /// each neighbour gets the sorted list of what stands next to it, found with one pass over the text.
    final class Frequencies {
        private let scalars: [Unicode.Scalar]
        private let runs: [Run]

        init(runs: [Run], scalars: [Unicode.Scalar]) {
            self.runs = runs
            self.scalars = scalars
        }

        /// Ideograph counts for the Basic Multilingual Plane (a pooled table), and the sorted values of the
        /// ideographs above it. Built on first use; plain stored properties, since ``count(_:)`` is asked hundreds
        /// of times per run and a lazy tuple would be copied (two retains and releases) on every read.
        private var plane: IdeographCountTable?
        /// `plane`'s counts, read without retaining the table (empty until the characters are counted).
        private var planeCounts = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        /// `plane`'s counts from 255 on (``IdeographCountTable/overflow``).
        private var planeOverflow: [Int32: Int] = [:]
        private var astral: [UInt32] = []

        private func countCharacters() {
            let plane = IdeographCountTable()
            var astral: [UInt32] = []
            scalars.withUnsafeBufferPointer { scalars in
                forEachStretchOutside { stretch in plane.add(ideographsOf: scalars[stretch], astral: &astral) }
            }
            self.astral = astral.sorted()
            self.plane = plane
            planeCounts = plane.counts
            planeOverflow = plane.overflow
        }

        /// Sorted scalar values that stand before (`false`) or after (`true`) a neighbour, keyed by
        /// `neighbour | direction << 32`.
        private var nextTo: [UInt64: [UInt32]] = [:]

        func standing(nextTo neighbour: Unicode.Scalar, after: Bool) -> [UInt32] {
            let key = UInt64(neighbour.value) | (after ? 1 << 32 : 0)
            if let found = nextTo[key] { return found }
            var found: [UInt32] = []
            scalars.withUnsafeBufferPointer { scalars in
                // Pairs of neighbours within a stretch: the neighbour at `index` and the other at `index + 1`
                // (`after`), or at `index - 1`. The neighbour's places are found with `wmemchr` (``ScalarMemchr``).
                let other = after ? 1 : -1
                forEachStretchOutside { stretch in
                    guard stretch.count >= 2 else { return }
                    let places = after ? stretch.lowerBound..<(stretch.upperBound - 1) : (stretch.lowerBound + 1)..<stretch.upperBound
                    ScalarMemchr.forEachIndex(of: neighbour, in: scalars, range: places) { index in
                        found.append(scalars[index + other].value)
                    }
                }
            }
            found.sort()
            nextTo[key] = found
            return found
        }

        /// Calls `body` with each stretch of scalar indices between the runs, in order (runs are in order and
        /// do not overlap; a stretch may be empty). Tight loops over each stretch cost a fraction of a call per scalar.
        @inline(__always)
        private func forEachStretchOutside(_ body: (Range<Int>) -> Void) {
            var start = 0
            for run in runs {
                body(start..<run.start)
                start = run.end
            }
            body(start..<scalars.count)
        }

        /// How often the ideograph `scalar` occurs (0 for anything else).
        func count(_ scalar: Unicode.Scalar) -> Int { unigrams().count(scalar) }

        /// The ideograph counts as a value, valid while this object lives: for a loop over many characters, which
        /// then reads them from locals instead of this object's properties on every character.
        func unigrams() -> Unigrams {
            if plane == nil { countCharacters() }
            return Unigrams(planeCounts: planeCounts, planeOverflow: planeOverflow, astral: astral)
        }

        struct Unigrams {
            fileprivate let planeCounts: UnsafeBufferPointer<UInt8>
            fileprivate let planeOverflow: [Int32: Int]
            fileprivate let astral: [UInt32]

            /// How often the ideograph `scalar` occurs (0 for anything else).
            @inline(__always)
            func count(_ scalar: Unicode.Scalar) -> Int {
                guard scalar.value < 0x10000 else { return Frequencies.occurrences(of: scalar.value, inSorted: astral) }
                let (count, slot) = IdeographCountTable.count(scalar.value, in: planeCounts)  // only ideographs are counted
                return count < 255 ? count : count + planeOverflow[slot, default: 0]
            }
        }

        /// How often `first` stands right before `second`; cheapest when `second` is the fixed neighbour.
        func count(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
            Self.occurrences(of: first.value, inSorted: standing(nextTo: second, after: false))
        }

        /// The same count, indexed by `first`: for many `second`s after one `first`.
        func count(following first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
            Self.occurrences(of: second.value, inSorted: standing(nextTo: first, after: true))
        }

        /// How many elements of the ascending `sorted` equal `value`.
        static func occurrences<T: Comparable>(of value: T, inSorted sorted: [T]) -> Int {
            let start = firstIndex(notBelow: value, in: sorted, strictlyAbove: false)
            guard start < sorted.count, sorted[start] == value else { return 0 }
            return firstIndex(notBelow: value, in: sorted, strictlyAbove: true) - start
        }

        /// The first index whose element is `>= value` (or `> value` when `strictlyAbove`).
        private static func firstIndex<T: Comparable>(notBelow value: T, in sorted: [T], strictlyAbove: Bool) -> Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < value || (strictlyAbove && sorted[middle] == value) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            return low
        }
    }

    static func frequencyOutside(_ runs: [Run], in scalars: [Unicode.Scalar]) -> Frequencies {
        Frequencies(runs: runs, scalars: scalars)
    }

    /// Re-encodes the run (after its leading `?`) as GBK, shifts it by one byte and decodes it.
    static func decodeShifted(_ run: [Unicode.Scalar], run info: Run, frequency: Frequencies) -> [Unicode.Scalar]? {
        var bytes: [UInt8] = []
        let body = Array(run.dropFirst())
        for (offset, scalar) in body.enumerated() {
            let isSwallowedMark = info.swallowedParenthesis && offset == body.count - 1
            switch scalar {
            case "?" where isSwallowedMark: break
            case "?": bytes += [0xA3, 0xBF]  // ？ flattened to ASCII
            case "!": bytes += [0xA3, 0xA1]  // ！ flattened to ASCII
            case _ where CJK.isASCIILetter(scalar): bytes.append(UInt8(scalar.value))
            default:
                guard let (lead, trail) = GBKTable.encode(scalar) else { return nil }
                bytes.append(lead)
                bytes.append(trail)
            }
        }
        // The byte stream is [lead] + bytes (+ [trail] when the run ended in a swallowed byte).
        let needsTrail = info.swallowedParenthesis
        guard (1 + bytes.count + (needsTrail ? 1 : 0)) % 2 == 0, bytes.count >= 3 else { return nil }
        var middle: [Unicode.Scalar] = []
        var position = 1
        while position + 1 < bytes.count {
            guard let character = GBKTable.decode(bytes[position], bytes[position + 1]) else { return nil }
            middle.append(character)
            position += 2
        }
        // Edge characters: one byte is known; choose the other so the character fits its neighbour best.
        let first = bestCharacter(lead: nil, trail: bytes[0], neighbour: middle.first, after: true, frequency: frequency)
        var decoded = [first ?? "?"] + middle
        if needsTrail {
            let last = bestCharacter(lead: bytes[position], trail: nil, neighbour: middle.last, after: false, frequency: frequency)
            decoded.append(last ?? "?")
        }
        let repairedIdeographs = decoded.filter(CJK.isIdeograph)
        let originalIdeographs = run.filter(CJK.isIdeograph)
        guard !repairedIdeographs.isEmpty else { return nil }
        let unigrams = frequency.unigrams()
        let repairedKnown = Double(repairedIdeographs.filter { unigrams.count($0) > 0 }.count)
            / Double(repairedIdeographs.count)
        let originalKnown = Double(originalIdeographs.filter { unigrams.count($0) > 0 }.count)
            / Double(max(originalIdeographs.count, 1))
        guard repairedKnown >= 0.6, repairedKnown >= originalKnown + 0.3 else { return nil }
        return decoded
    }

    /// The GBK character with one known byte whose other byte makes it fit best: first by how often it
    /// stands next to `neighbour` in the document, then by how often it occurs at all.
    private static func bestCharacter(
        lead: UInt8?, trail: UInt8?, neighbour: Unicode.Scalar?, after: Bool, frequency: Frequencies
    ) -> Unicode.Scalar? {
        var best: (Unicode.Scalar, Int, Int)?
        // What stands on the neighbour's side of the character: `count(character, neighbour)` searches the
        // scalars before `neighbour`, `count(following: neighbour, character)` those after it. Looked up once.
        let beside = neighbour.map { frequency.standing(nextTo: $0, after: !after) }
        let unigrams = frequency.unigrams()
        let candidates: [Unicode.Scalar] =
            if let lead { GBKEdgeCandidates.following(lead: lead) } else if let trail { GBKEdgeCandidates.preceding(trail: trail) } else { [] }
        for character in candidates {
            let unigram: Int
            if CJK.isIdeograph(character) {
                unigram = unigrams.count(character)
                // The pairs beside the neighbour are read from the same stretches as the character counts, so an
                // ideograph that does not occur there has no pair either: the search of `beside` is skipped.
                guard unigram > 0 else { continue }
            } else {
                unigram = 0
            }
            let bigram = beside.map { Frequencies.occurrences(of: character.value, inSorted: $0) } ?? 0
            guard bigram > 0 || unigram > 0 else { continue }
            if best == nil || (bigram, unigram) > (best!.1, best!.2) { best = (character, bigram, unigram) }
        }
        return best?.0
    }
}
