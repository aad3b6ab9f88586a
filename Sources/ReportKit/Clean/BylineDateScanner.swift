/// ``BylineParser/datePattern``'s first match, found in the UTF-8 of a plain line without the regular expression
/// (which converts every line to UTF-16 and costs several microseconds a call).
///
/// Only for a plain line (``ScalarText/isPlain(_:)``) without a scalar that ICU could read as `\s` or `\d` other
/// than the space and the ASCII digits (``isEligible(_:)``): there each part of
/// `(19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}日?(\s*\d{1,2}:\d{2}(:\d{2})?)?` matches one way only.
/// `\s*` cannot give back a space that a separator or digit would need; a two-digit `\d{1,2}` that fails
/// cannot succeed as one digit, as a digit then stands where a space, separator or `:` must; and once the day
/// is read the rest is optional, so the greedy choices give the first match. The leftmost start that matches
/// is the expression's first match. Other lines are left to the expression.
enum BylineDateScanner {
    /// The UTF-8 offsets of the first match; `nil` when `bytes` is not eligible, `.some(nil)` when nothing matches.
    static func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>?? {
        guard isEligible(bytes) else { return nil }
        var start = 0
        while start + 4 <= bytes.count {
            if let end = match(bytes, at: start) { return .some(start..<end) }
            start += 1
        }
        return .some(nil)
    }

    /// No scalar of `bytes` (valid UTF-8 of a plain text) is a control character or white space other than the
    /// space (``TextNormalizer/mayBeWhiteSpaceOtherThanSpace(_:)``), or a full-width digit, the one decimal digit
    /// beyond ASCII among the plain scalars.
    static func isEligible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let (value, length) = UTF8Scalars.decode(bytes, at: offset)
            if TextNormalizer.mayBeWhiteSpaceOtherThanSpace(Unicode.Scalar(value)!) || (0xFF10...0xFF19).contains(value) {
                return false
            }
            offset += length
        }
        return true
    }

    /// Where the pattern's match starting at `start` ends, if there is one.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        func spaces(from index: Int) -> Int {
            var index = index
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            return index
        }
        /// The end of the three-byte `word` at `index`, if it is there.
        func word(_ word: (UInt8, UInt8, UInt8), at index: Int) -> Int? {
            guard index + 2 < bytes.count, bytes[index] == word.0, bytes[index + 1] == word.1, bytes[index + 2] == word.2
            else { return nil }
            return index + 3
        }
        /// The end of `-`, `/`, `.` or the ideograph whose UTF-8 is `ideograph` at `index`.
        func separator(at index: Int, ideograph: (UInt8, UInt8, UInt8)) -> Int? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."): return index + 1
            default: return word(ideograph, at: index)
            }
        }
        /// The end of one or two digits at `index` (greedy), if there is one.
        func oneOrTwoDigits(at index: Int) -> Int? {
            guard isDigit(index) else { return nil }
            return isDigit(index + 1) ? index + 2 : index + 1
        }
        /// The end of `:` and two digits at `index`.
        func colonAndTwoDigits(at index: Int) -> Int? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), isDigit(index + 1), isDigit(index + 2) else { return nil }
            return index + 3
        }
        guard start + 1 < bytes.count,
            (bytes[start] == UInt8(ascii: "1") && bytes[start + 1] == UInt8(ascii: "9"))
                || (bytes[start] == UInt8(ascii: "2") && bytes[start + 1] == UInt8(ascii: "0")),
            isDigit(start + 2), isDigit(start + 3),
            let afterYear = separator(at: spaces(from: start + 4), ideograph: (0xE5, 0xB9, 0xB4)),  // 年
            let monthEnd = oneOrTwoDigits(at: spaces(from: afterYear)),
            let afterMonth = separator(at: spaces(from: monthEnd), ideograph: (0xE6, 0x9C, 0x88)),  // 月
            let dayEnd = oneOrTwoDigits(at: spaces(from: afterMonth))
        else { return nil }
        let dateEnd = word((0xE6, 0x97, 0xA5), at: dayEnd) ?? dayEnd  // 日
        // The optional time: spaces, one or two digits, `:`, two digits, and optionally `:` and two digits.
        guard let hourEnd = oneOrTwoDigits(at: spaces(from: dateEnd)), let minuteEnd = colonAndTwoDigits(at: hourEnd) else {
            return dateEnd
        }
        return colonAndTwoDigits(at: minuteEnd) ?? minuteEnd
    }
}
