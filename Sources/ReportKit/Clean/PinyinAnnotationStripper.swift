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
    private static let toneMarkedRange: ClosedRange<UInt32> = toneMarked.map(\.value).min()!...toneMarked.map(\.value).max()!

    /// Same answer as `toneMarked.contains(scalar)`.
    @inline(__always)
    static func isToneMarked(_ scalar: Unicode.Scalar) -> Bool {
        toneMarkedRange.contains(scalar.value) && toneMarked.contains(scalar)
    }

    public func strip(_ text: String) -> Result {
        // The kept text is pieces of `text` (UTF-8 offset ranges, each between whole scalars), joined as
        // substrings at the end: building it from bytes would check all of them again.
        var kept: [Range<Int>] = []
        var exampleRanges: [(before: Range<Int>, after: Range<Int>)] = []
        var utf8 = text
        var script = ScriptMarkerTally()
        let count = ChineseScriptConverter.scriptMarkers.withUnsafeBufferPointer { markers in utf8.withUTF8 { bytes in
            var copied = 0  // bytes before this offset are kept or were removed
            let count = bytes.count
            var index = 0
            // Only `(`, `（` (EF BC 88) and `?` can start an annotation, so the walk steps from scalar to scalar by
            // lead byte and looks closer only at those.
            while index < count {
                let lead = bytes[index]
                let length: Int
                let opens: Bool
                if lead < 0x80 {
                    guard lead == 0x28 || lead == 0x3F else {
                        index += 1
                        continue
                    }
                    length = 1
                    opens = lead == 0x28
                } else if lead < 0xE0 {
                    index += 2
                    continue
                } else if lead < 0xF0 {
                    guard lead == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x88 else {
                        script.add(threeByteScalarAt: index, of: bytes, markers: markers)
                        index += 3
                        continue
                    }
                    length = 3
                    opens = true
                } else {
                    index += 4
                    continue
                }
                // The scalar before an opening parenthesis: the character the reading belongs to.
                let previousStart = opens ? Self.scalarStart(before: index, in: bytes) : -1
                if opens ? previousStart >= 0 && !Self.isHorizontalSpace(UTF8Scalars.decode(bytes, at: previousStart).0) : true,
                    let end = Self.syllableEnd(bytes, from: index + length)
                {
                    if opens {
                        // `營(yíng)` → `營`: the character before stays, the reading goes.
                        if exampleRanges.count < 3 { exampleRanges.append((previousStart..<end, previousStart..<index)) }
                        kept.append(copied..<index)
                    } else {
                        // Mojibake swallowed the `(`: `再?gòu)` — keep the `?` that marks the damage, drop the reading.
                        kept.append(copied..<(index + 1))
                    }
                    copied = end
                    index = end
                    continue
                }
                index += length
            }
            kept.append(copied..<count)
            return count
        } }
        // Nothing removed: the text itself is the answer.
        guard kept.count > 1 else { return Result(text: text, removed: 0, examples: [], isTraditional: script.isTraditional) }
        var out = ""
        out.reserveCapacity(count)
        for range in kept where !range.isEmpty { ScalarText.append(utf8, utf8: range, to: &out) }
        let examples = exampleRanges.map {
            Repair(
                flag: QualityFlagName.pinyinRemoved, before: ScalarText.substring(utf8, utf8: $0.before),
                after: ScalarText.substring(utf8, utf8: $0.after))
        }
        return Result(text: out, removed: kept.count - 1, examples: examples, isTraditional: script.isTraditional)
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
            let (value, length) = UTF8Scalars.decode(bytes, at: index)
            if value == 0x29 || value == 0xFF09 {
                return hasTone && scalars > 0 ? index + length : nil
            }
            if isToneMarked(Unicode.Scalar(value)!) {
                hasTone = true
            } else if !(value >= 0x61 && value <= 0x7A) && value != 0xFC {
                return nil
            }
            index += length
            scalars += 1
        }
        return nil
    }
}
