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
        guard Self.mayHoldAnnotation(text) else { return Result(text: text, removed: 0, examples: []) }
        let scalars = ScalarText.scalars(text)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var removed = 0
        var examples: [Repair] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if (scalar == "(" || scalar == "（"), index > 0, !CJK.isHorizontalSpace(scalars[index - 1]),
                let close = Self.syllableEnd(scalars, from: index + 1)
            {
                if examples.count < 3 {
                    let before = String(scalars: scalars[max(0, index - 1)...close])
                    examples.append(Repair(flag: QualityFlagName.pinyinRemoved, before: before, after: String(scalars[index - 1])))
                }
                removed += 1
                index = close + 1
                continue
            }
            if scalar == "?", let close = Self.syllableEnd(scalars, from: index + 1) {
                // Mojibake swallowed the `(`: `再?gòu)` — keep the `?` that marks the damage, drop the reading.
                out.append(scalar)
                removed += 1
                index = close + 1
                continue
            }
            out.append(scalar)
            index += 1
        }
        // Nothing removed: `out` is `scalars`, so the text itself is the answer.
        return Result(text: removed == 0 ? text : String(scalars: out), removed: removed, examples: examples)
    }

    /// False only when `strip` can remove nothing: every annotation holds a tone-marked scalar and ends in
    /// `)` or `）`.
    static func mayHoldAnnotation(_ text: String) -> Bool {
        var toneMarked = false
        var closing = false
        for scalar in text.unicodeScalars {
            if scalar == ")" || scalar == "）" {
                closing = true
            } else if isToneMarked(scalar) {
                toneMarked = true
            }
            if toneMarked && closing { return true }
        }
        return false
    }

    /// The index of the closing parenthesis when `scalars[start...]` is one pinyin syllable and `)`.
    private static func syllableEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        var hasTone = false
        while index < scalars.count, index - start <= 7 {
            let scalar = scalars[index]
            if scalar == ")" || scalar == "）" {
                return hasTone && index > start ? index : nil
            }
            if isToneMarked(scalar) {
                hasTone = true
            } else if !(scalar.value >= 0x61 && scalar.value <= 0x7A) && scalar != "ü" {
                return nil
            }
            index += 1
        }
        return nil
    }
}
