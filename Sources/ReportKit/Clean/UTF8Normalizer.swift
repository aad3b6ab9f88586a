/// The one-pass body of ``TextNormalizer/normalize(_:)``, on the UTF-8 bytes of an NFC text.
///
/// It gives exactly the answer of the step-by-step version (kept in the tests as the reference):
/// 1. full-width digits and letters become ASCII; `％` after a digit, `．` between digits and `，` after a
///    digit and before exactly three digits become `%`, `.`, `,` (digits as mapped in step 1: no step-2
///    replacement makes a digit, so the neighbours can be read before or after it);
/// 2. lines end at CR, LF, CRLF, U+2028 and U+2029; each is trimmed, runs of horizontal spaces become one
///    space unless CJK punctuation stands on either side, control characters are dropped, and empty lines
///    are left out;
/// 3. a line with `. ` goes through ``TextNormalizer/joinBrokenDecimals(_:)`` when a digit, a `.` and a
///    space-like byte could make its pattern match.
enum UTF8Normalizer {
    /// With `stopOutsideClassicRanges`, nil when the text needs NFC first: when it is neither all
    /// ``TextNormalizer/isClassicNFCStable(_:)`` nor all ``TextNormalizer/isNFCInert(_:)`` (see ``NFCStability``).
    /// Checking both in the one pass means a text with, say, a `≈` is not read a second time.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, stopOutsideClassicRanges: Bool) -> TextNormalizer.Result? {
        var brokenNumbers: [Repair] = []
        var fullwidthCount = 0
        var scriptMarkers = ScriptMarkerTally()
        var stopped = false
        // No step writes more bytes than it reads (see `run`), so the input length is enough. The output is
        // whole scalars of the valid input and ASCII bytes, so the String is made without checking it again.
        let output = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
            let written = ChineseScriptConverter.scriptMarkers.withUnsafeBufferPointer { markers in
                run(bytes, into: out, stopOutsideClassicRanges, &fullwidthCount, &brokenNumbers, markers, &scriptMarkers)
            }
            guard let written else {
                stopped = true
                count = 0
                return
            }
            count = written
        }
        if stopped { return nil }
        let text = KnownValidUTF8.string(output)
        var repairs: [Repair] = []
        if fullwidthCount > 0 {
            repairs.append(Repair(flag: QualityFlagName.fullwidthNormalized, before: "\(fullwidthCount) characters", after: "ASCII"))
        }
        repairs += brokenNumbers
        return TextNormalizer.Result(text: text, repairs: repairs, scriptMarkers: scriptMarkers)
    }

    /// The length of the (mapped) ASCII digit at `offset`: 1 for `0`…`9`, 3 for `０`…`９`, 0 otherwise.
    @inline(__always)
    private static func digitLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        let byte = bytes[offset]
        if byte >= 0x30 && byte <= 0x39 { return 1 }
        if byte == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBC, bytes[offset + 2] >= 0x90,
            bytes[offset + 2] <= 0x99
        {
            return 3
        }
        return 0
    }

    /// Exactly three digits start at `offset` (a fourth scalar, if any, is not a digit).
    private static func threeDigitsFollow(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var position = offset
        for _ in 0..<3 {
            let length = digitLength(bytes, at: position)
            if length == 0 { return false }
            position += length
        }
        return digitLength(bytes, at: position) == 0
    }

    /// The output and the state of the line being written.
    private struct Writer {
        let out: UnsafeMutableBufferPointer<UInt8>
        var written = 0
        /// Where the line's text starts in `out`; -1 while nothing of it is written.
        var lineStart = -1
        var pendingSpace = false
        var hasLast = false
        /// Whether the last scalar written is CJK punctuation, or `.`.
        var lastIsPunctuation = false
        var lastIsDot = false
        /// Whether the line holds `. `.
        var dotSpace = false

        /// Before a scalar that is written: the line feed before a new line, and a pending space.
        @inline(__always)
        mutating func begin(isPunctuation: Bool) {
            if lineStart < 0 {
                if written > 0 {
                    out[written] = 0x0A
                    written += 1
                }
                lineStart = written
            }
            if pendingSpace && hasLast && !(lastIsPunctuation || isPunctuation) {
                if lastIsDot { dotSpace = true }
                out[written] = 0x20
                written += 1
            }
            pendingSpace = false
            hasLast = true
            lastIsPunctuation = isPunctuation
        }

        @inline(__always)
        mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) {
            for offset in 0..<length { out[written + offset] = bytes[start + offset] }
            written += length
        }

        /// `copy` for a longer stretch, with one memory copy.
        @inline(__always)
        mutating func copyRun(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) {
            (out.baseAddress! + written).update(from: bytes.baseAddress! + start, count: length)
            written += length
        }

        /// Ends the line: joins broken numbers in it, and resets the line state.
        mutating func endLine(_ brokenNumbers: inout [Repair]) {
            if lineStart >= 0, dotSpace, UTF8Normalizer.mayJoin(out, lineStart..<written) {
                // Whole scalars of the valid input and ASCII bytes (see `run`): made a String without checking again.
                let line = KnownValidUTF8.string(UnsafeBufferPointer(UnsafeMutableBufferPointer(rebasing: out[lineStart..<written])))
                let (joined, examples) = TextNormalizer.joinBrokenDecimals(line)
                brokenNumbers += examples.map { Repair(flag: QualityFlagName.brokenNumberJoined, before: $0.0, after: $0.1) }
                var position = lineStart
                for byte in joined.utf8 {
                    out[position] = byte
                    position += 1
                }
                written = position
            }
            lineStart = -1
            pendingSpace = false
            hasLast = false
            dotSpace = false
        }
    }

    /// Writes the normalised text into `out` and returns its length. Every scalar writes at most its own
    /// bytes: a mapped scalar is shorter, an inserted space stands for at least one dropped horizontal space,
    /// a line feed between lines for at least one line-break byte, and a joined number loses its spaces.
    /// The script markers are tallied on the ideographs copied: every marker is in U+4E00…U+9FFF, and each of
    /// those is copied once, unchanged, by the run path below (``CJKRun``).
    private static func run(
        _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, _ stopOutsideClassicRanges: Bool,
        _ fullwidthCount: inout Int, _ brokenNumbers: inout [Repair], _ markers: UnsafeBufferPointer<UInt64>,
        _ scriptMarkers: inout ScriptMarkerTally
    ) -> Int? {
        var writer = Writer(out: out)
        var stability = NFCStability()
        var previousIsDigit = false
        var index = 0
        let count = bytes.count
        let avx2 = UTF8Validation.avx2Available
        while index < count {
            let lead = bytes[index]
            // U+4E00…U+9FFF, most of a Chinese text: classic-stable ideographs that nothing maps or drops. A run
            // of them is copied at once, and with it the unmapped punctuation between them (`，`, `。`, `“`…, see
            // ``isUnmappedPunctuation(_:at:afterDigit:)``; no digit comes before it in the run) and the neutral
            // scalars (`,`, `(`, letters, `í`…: printable ASCII but digits and `.`, and U+00C0…U+02FF, which nothing
            // maps or drops, NFC leaves alone, and none CJK punctuation): after the first scalar, `begin` would change
            // nothing but whether the last one written is punctuation. ``CJKRun`` finds the run and tallies its script markers, eight scalars per step.
            if isIdeographLead(bytes, at: index) {
                let found = CJKRun.scan(bytes, from: index, markers: markers, avx2: avx2)
                scriptMarkers.add(traditional: found.traditional, simplified: found.simplified)
                writer.begin(isPunctuation: false)
                writer.lastIsPunctuation = found.ends_in_punctuation != 0
                writer.lastIsDot = false
                writer.copyRun(bytes, index, found.length)
                previousIsDigit = false
                index += found.length
                continue
            }
            if (lead == 0xE2 || lead == 0xE3 || lead == 0xEF) && isUnmappedPunctuation(bytes, at: index, afterDigit: previousIsDigit) {
                writer.begin(isPunctuation: true)
                writer.lastIsDot = false
                writer.copy(bytes, index, 3)
                previousIsDigit = false
                index += 3
                continue
            }
            // ASCII letters and digits: nothing maps or drops them, none is punctuation or a dot, and NFC leaves them
            // alone, so after the first, `begin` would change nothing; only the last one's digitness is kept.
            if isASCIIAlphanumeric(lead) {
                var end = index + 1
                while end < count && isASCIIAlphanumeric(bytes[end]) { end += 1 }
                writer.begin(isPunctuation: false)
                writer.lastIsDot = false
                writer.copy(bytes, index, end - index)
                previousIsDigit = bytes[end - 1] <= 0x39
                index = end
                continue
            }
            var value: UInt32
            var length: Int
            if lead < 0x80 {
                value = UInt32(lead)
                length = 1
            } else if lead < 0xE0 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                length = 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                length = 3
            } else {
                value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                length = 4
            }
            if stopOutsideClassicRanges && !stability.admits(value) { return nil }
            // Step 1: the mapped scalar.
            var mapped = value
            switch value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                mapped = value - 0xFEE0
                fullwidthCount += 1
            case 0xFF05 where previousIsDigit:
                mapped = 0x25
                fullwidthCount += 1
            case 0xFF0E where previousIsDigit && digitLength(bytes, at: index + 3) > 0:
                mapped = 0x2E
                fullwidthCount += 1
            case 0xFF0C where previousIsDigit && threeDigitsFollow(bytes, at: index + 3):
                mapped = 0x2C
                fullwidthCount += 1
            default: break
            }
            previousIsDigit = mapped >= 0x30 && mapped <= 0x39
            // Step 2: lines and spaces.
            switch mapped {
            case 0x0D:
                writer.endLine(&brokenNumbers)
                if index + 1 < count && bytes[index + 1] == 0x0A { length += 1 }
            case 0x0A, 0x2028, 0x2029:
                writer.endLine(&brokenNumbers)
            case 0x20, 0x09, 0x3000, 0xA0, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF:  // CJK.isHorizontalSpace
                writer.pendingSpace = true
            case 0..<0x20:
                break
            default:
                writer.begin(isPunctuation: isPunctuation(mapped))
                writer.lastIsDot = mapped == 0x2E
                if mapped == value {
                    writer.copy(bytes, index, length)
                } else {
                    writer.out[writer.written] = UInt8(mapped)  // every mapped scalar is ASCII
                    writer.written += 1
                }
            }
            index += length
        }
        writer.endLine(&brokenNumbers)
        return writer.written
    }

    /// Whether the scalar at `offset` is in U+4E00…U+9FFF: a lead byte E5…E9, or E4 with a second byte from B8
    /// (the text is valid UTF-8, so the two continuation bytes follow).
    @inline(__always)
    static func isIdeographLead(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let lead = bytes[offset]
        return (lead >= 0xE5 && lead <= 0xE9) || (lead == 0xE4 && bytes[offset + 1] >= 0xB8)
    }

    /// Whether `byte` is an ASCII digit or letter.
    @inline(__always)
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { CJK.isASCIIDigit(byte: byte) || CJK.isASCIILetter(byte: byte) }

    /// Whether the three-byte scalar at `offset` (its lead is E2, E3 or EF) is common CJK punctuation that passes
    /// through unchanged: U+2014…U+201F and U+2026 (— “ ” …), U+3001…U+3029 and U+3030…U+303F (、。《》「」), and,
    /// when no digit comes before it, U+FF01…U+FF0F and U+FF1A…U+FF20 (，（）：；！？; `％`, `，` and `．` are mapped
    /// only after a digit). All are classic-stable (``NFCStability`` has nothing to note), ``isPunctuation(_:)``,
    /// and neither spaces nor line breaks, so each is written as it is, as the general path would.
    @inline(__always)
    static func isUnmappedPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, afterDigit: Bool) -> Bool {
        let second = bytes[offset + 1]
        let third = bytes[offset + 2]
        switch bytes[offset] {
        case 0xE2: return second == 0x80 && ((third >= 0x94 && third <= 0x9F) || third == 0xA6)
        case 0xE3: return second == 0x80 && ((third >= 0x81 && third <= 0xA9) || third >= 0xB0)
        default: return !afterDigit && second == 0xBC && ((third >= 0x81 && third <= 0x8F) || (third >= 0x9A && third <= 0xA0))
        }
    }

    /// A necessary condition for `([0-9])\.\s+([0-9])` to match in `out[range]`: a digit, `.`, and then a byte
    /// that may start white space (every white-space scalar is below U+0021 or not ASCII).
    static func mayJoin(_ out: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 4 else { return false }
        for offset in range.lowerBound..<(range.upperBound - 2)
        where out[offset] >= 0x30 && out[offset] <= 0x39 && out[offset + 1] == 0x2E
            && (out[offset + 2] < 0x21 || out[offset + 2] >= 0x80)
        {
            return true
        }
        return false
    }

    /// ``CJK/isPunctuation(_:)`` on a scalar value.
    @inline(__always)
    private static func isPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x2014...0x201F,
            0x2026, 0x00B7:
            true
        default: false
        }
    }
}
