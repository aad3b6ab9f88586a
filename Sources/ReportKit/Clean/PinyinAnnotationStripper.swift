import Foundation

/// Removes pinyin readings that a broken system inserted after characters: `營(yíng)商環(huán)境` → `營商環境`.
///
/// Only a parenthesis that holds one lower-case pinyin syllable with a tone mark, attached to the
/// character before it, is removed, so real parentheses such as `(试行)`, `(含分中心)` or `(A)` stay.
///
/// ```swift
/// PinyinAnnotationStripper().strip("營(yíng)商(试行)").text  // "營商(试行)"
/// ```
public struct PinyinAnnotationStripper: Sendable {
    public init() {}

    public struct Result: Sendable {
        public var text: String
        public var removed: Int
        public var examples: [Repair]
        /// ``ChineseScriptConverter/isTraditional(_:)`` of `text`, counted in the same pass: the readings removed
        /// hold no marker character, so the input's count is the output's.
        public var isTraditional: Bool
    }

    static let toneMarked: Set<Unicode.Scalar> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".unicodeScalars)
    /// The span of scalar values `toneMarked` covers (U+00E0…U+1E3F): a range check turns away almost every
    /// scalar of a Chinese text before the set is asked.
    /// `toneMarked` as one bit per BMP scalar: asking the set hashed every scalar of a reading (mostly tone-marked letters).
    private static let toneMarkedBits = ScalarBits(members: toneMarked)

    /// Same answer as `toneMarked.contains(scalar)`.
    @inline(__always)
    static func isToneMarked(_ scalar: Unicode.Scalar) -> Bool { toneMarkedBits.contains(scalar) }

    public func strip(_ text: String) -> Result { strip(text, isTraditional: ChineseScriptConverter.isTraditional(text)) }

    /// ``strip(_:)`` for a caller that has counted the script markers of `text` already (the clean stage, while
    /// normalising): `isTraditional` is ``ChineseScriptConverter/isTraditional(_:)`` of `text`.
    func strip(_ text: String, isTraditional: Bool) -> Result {
        // The kept text is pieces of `text` (UTF-8 offset ranges, each between whole scalars), copied together
        // at the end into a String that needs no check (``KnownValidUTF8``): appending substrings cost several
        // hundred instructions a piece.
        var kept: [Range<Int>] = []
        // Every text keeps one piece at least, and one that loses readings a few: room for them at once, not grown by steps.
        kept.reserveCapacity(16)
        var exampleRanges: [(before: Range<Int>, after: Range<Int>)] = []
        exampleRanges.reserveCapacity(3)  // all there ever are
        var utf8 = text
        var stripped: String?
        utf8.withUTF8 { bytes in
            var copied = 0  // bytes before this offset are kept or were removed
            let count = bytes.count
            var index = 0  // always a scalar boundary
            // Only `(`, `?` and `（` (EF BC 88) can start an annotation: the walk jumps from one byte 28, 3F or 88
            // to the next and looks closer only there.
            var starts = AnnotationStarts()
            while true {
                index = starts.first(in: bytes, from: index)
                guard index < count else { break }
                let start: Int
                let length: Int
                let opens: Bool
                switch bytes[index] {
                case 0x28: (start, length, opens) = (index, 1, true)
                case 0x3F: (start, length, opens) = (index, 1, false)
                default:
                    // 0x88 ends `（` after EF BC (EF is never a continuation byte, so that is the scalar there);
                    // anywhere else it is part of another character.
                    guard index >= 2, bytes[index - 2] == 0xEF, bytes[index - 1] == 0xBC else {
                        index += 1
                        continue
                    }
                    (start, length, opens) = (index - 2, 3, true)
                }
                // The scalar before an opening parenthesis: the character the reading belongs to.
                let previousStart = opens ? Self.scalarStart(before: start, in: bytes) : -1
                if opens ? previousStart >= 0 && !Self.isHorizontalSpace(UTF8Scalars.decode(bytes, at: previousStart).0) : true,
                    let end = Self.syllableEnd(bytes, from: start + length)
                {
                    if opens {
                        // `營(yíng)` → `營`: the character before stays, the reading goes.
                        if exampleRanges.count < 3 { exampleRanges.append((previousStart..<end, previousStart..<start)) }
                        kept.append(copied..<start)
                    } else {
                        // Mojibake swallowed the `(`: `再?gòu)` — keep the `?` that marks the damage, drop the reading.
                        kept.append(copied..<(start + 1))
                    }
                    copied = end
                    index = end
                    continue
                }
                index = start + length
            }
            kept.append(copied..<count)
            guard kept.count > 1, let base = bytes.baseAddress else { return }
            let length = kept.reduce(0) { $0 + $1.count }
            let out = [UInt8](unsafeUninitializedCapacity: length) { out, written in
                written = 0
                for range in kept where !range.isEmpty {
                    (out.baseAddress! + written).initialize(from: base + range.lowerBound, count: range.count)
                    written += range.count
                }
            }
            stripped = KnownValidUTF8.string(out)
        }
        // Nothing removed: the text itself is the answer.
        guard let stripped else { return Result(text: text, removed: 0, examples: [], isTraditional: isTraditional) }
        let examples = exampleRanges.map {
            Repair(
                flag: QualityFlagName.pinyinRemoved, before: ScalarText.substring(utf8, utf8: $0.before),
                after: ScalarText.substring(utf8, utf8: $0.after))
        }
        return Result(text: stripped, removed: kept.count - 1, examples: examples, isTraditional: isTraditional)
    }

    /// Where the scalar that ends right before `offset` starts; -1 when `offset` is 0.
    @inline(__always)
    private static func scalarStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// ``CJK/isHorizontalSpace(_:)`` on a scalar value.
    @inline(__always)
    private static func isHorizontalSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x3000, 0xA0, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF: true
        default: false
        }
    }

    /// When `bytes[start...]` is one pinyin syllable and `)` or `）`: where that parenthesis ends.
    private static func syllableEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var scalars = 0
        var hasTone = false
        while index < bytes.count, scalars <= 7 {
            // ASCII, most of a reading, without decoding: `)` or a lower-case letter (no ASCII letter is tone-marked).
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x29 { return hasTone && scalars > 0 ? index + 1 : nil }
                guard byte &- 0x61 < 26 else { return nil }
                index += 1
                scalars += 1
                continue
            }
            let (value, length) = UTF8Scalars.decode(bytes, at: index)
            if value == 0xFF09 { return hasTone && scalars > 0 ? index + length : nil }
            if isToneMarked(Unicode.Scalar(value)!) {
                hasTone = true
            } else if value != 0xFC {
                return nil
            }
            index += length
            scalars += 1
        }
        return nil
    }
}

/// The offsets of the bytes an annotation can start at, `(`, `?` and 0x88 (the last byte of `（`, EF BC 88), in
/// order: one `memchr` cursor per byte, each moved only once the walk has passed it. `memchr` reads many bytes
/// per step, where a test of every byte (or word) for three values cost several instructions a byte. The cursors
/// are three stored offsets (an array of them was checked for uniqueness on every move).
struct AnnotationStarts {
    /// Where each byte was last found (the count when it was not); -1 before the first search.
    private var parenthesis = -1
    private var questionMark = -1
    private var fullWidthParenthesisEnd = -1

    /// The first offset at or after `start` holding one of the bytes, or `bytes.count`.
    mutating func first(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        Self.advance(&parenthesis, to: 0x28, in: bytes, base: base, from: start)
        Self.advance(&questionMark, to: 0x3F, in: bytes, base: base, from: start)
        // 0x88 is also a continuation byte (of about one character in 30 in Chinese text): those are passed over
        // here, where the walk stopped at each and turned it away.
        var from = start
        while fullWidthParenthesisEnd < from {
            Self.advance(&fullWidthParenthesisEnd, to: 0x88, in: bytes, base: base, from: from)
            let found = fullWidthParenthesisEnd
            guard found < bytes.count, found < 2 || bytes[found - 2] != 0xEF || bytes[found - 1] != 0xBC else { break }
            from = found + 1
        }
        return min(parenthesis, questionMark, fullWidthParenthesisEnd)
    }

    /// Moves the cursor `found` of `byte` to its first offset at or after `start`, when it stands before `start`.
    @inline(__always)
    private static func advance(
        _ found: inout Int, to byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>, from start: Int
    ) {
        guard found < start else { return }
        let hit = memchr(base + start, Int32(byte), bytes.count - start)
        found = hit.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
    }
}
