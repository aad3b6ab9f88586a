/// ``DateNormalizer/pattern``'s first match, found in the UTF-8 of a date as written.
///
/// Only for text whose scalars are printable ASCII or CJK ideographs (U+4E00...U+9FFF): there `\d` is an ASCII
/// digit and `\s` a space, so each part of the pattern matches one way only — `\s*` cannot give back a space
/// that a separator would need, and a two-digit month that no separator follows cannot become a one-digit one,
/// as the next character is then a digit. The leftmost start that matches is the regex's first match. Other
/// text (tabs, full-width digits, ideographic spaces) is left to the regex.
enum DateBytes {
    /// nil when the text is not of the kind above; `.some(nil)` when it has no date (or an impossible one).
    static func isoDate(_ written: String) -> String?? {
        var written = written
        return written.withUTF8 { bytes -> String?? in
            guard isEligible(bytes) else { return nil }
            var start = 0
            while start + 4 <= bytes.count {
                if let (year, month, day) = match(bytes, at: start) {
                    guard (1...12).contains(month), (1...31).contains(day) else { return .some(nil) }
                    return .some(format(year, month, day))
                }
                start += 1
            }
            return .some(nil)
        }
    }

    /// Printable ASCII, or a three-byte sequence of U+4E00...U+9FFF (lead bytes E4 B8... to E9 BF...).
    static func isEligible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte >= 0x20, byte != 0x7F else { return false }
                index += 1
                continue
            }
            // 0xE4 0xB8 0x80 (U+4E00) ... 0xE9 0xBF 0xBF (U+9FFF); the text is valid UTF-8, so a lead byte
            // E4...E9 is followed by two continuation bytes.
            guard byte >= 0xE4, byte <= 0xE9, index + 2 < bytes.count else { return false }
            if byte == 0xE4 && bytes[index + 1] < 0xB8 { return false }
            index += 3
        }
        return true
    }

    /// `((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})` at `start`: year, month and day.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int, Int, Int)? {
        func digit(_ index: Int) -> Int? {
            guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
            return Int(bytes[index] - 0x30)
        }
        func spaces(from index: Int) -> Int {
            var index = index
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            return index
        }
        /// The end of a separator at `index` (`-/.` or the ideograph whose UTF-8 is `word`), if one is there.
        func separator(at index: Int, word: (UInt8, UInt8, UInt8)) -> Int? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."): return index + 1
            case word.0:
                guard index + 2 < bytes.count, bytes[index + 1] == word.1, bytes[index + 2] == word.2 else { return nil }
                return index + 3
            default: return nil
            }
        }
        guard let c1 = digit(start), let c2 = digit(start + 1), c1 * 10 + c2 == 19 || c1 * 10 + c2 == 20,
            let c3 = digit(start + 2), let c4 = digit(start + 3)
        else { return nil }
        let year = c1 * 1000 + c2 * 100 + c3 * 10 + c4
        guard let afterYear = separator(at: spaces(from: start + 4), word: (0xE5, 0xB9, 0xB4)) else { return nil }  // 年
        let monthStart = spaces(from: afterYear)
        guard let m1 = digit(monthStart) else { return nil }
        var month = m1
        var monthEnd = monthStart + 1
        if let m2 = digit(monthEnd) {
            month = m1 * 10 + m2
            monthEnd += 1
        }
        guard let afterMonth = separator(at: spaces(from: monthEnd), word: (0xE6, 0x9C, 0x88)) else { return nil }  // 月
        let dayStart = spaces(from: afterMonth)
        guard let d1 = digit(dayStart) else { return nil }
        let day = digit(dayStart + 1).map { d1 * 10 + $0 } ?? d1
        return (year, month, day)
    }

    /// `YYYY-MM-DD` (the year has four digits here).
    static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, width: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(0x30 + value % 10)
                    value /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            return 10
        }
    }
}
