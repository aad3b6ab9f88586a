/// Parses numbers as Chinese reports write them: Arabic digits with separators and decimals
/// (`1,234.5`), and Chinese numerals (`三十六`, `两`, `一百二十`, `十五`, `一万二千`).
///
/// ```swift
/// ChineseNumber.parseArabic(Array("4,479.88万元".unicodeScalars), at: 0)  // (4479.88, end: 8)
/// ChineseNumber.parseChinese(Array("一百二十家".unicodeScalars), at: 0)    // (120, end: 4)
/// ```
enum ChineseNumber {
    static let digitValues: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let smallUnits: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]
    static let numeralScalars: Set<Unicode.Scalar> = Set("零〇一二两三四五六七八九十百千".unicodeScalars)

    /// An Arabic number starting at `start`: digits, optional `,ddd` groups and a decimal part.
    static func parseArabic(_ scalars: [Unicode.Scalar], at start: Int) -> (value: Double, text: String, end: Int)? {
        var index = start
        var text = ""
        while index < scalars.count, CJK.isASCIIDigit(scalars[index]) {
            text.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !text.isEmpty else { return nil }
        // Thousands groups: ",ddd" repeated, only when followed by exactly three digits.
        while index + 3 < scalars.count, scalars[index] == ",",
            (1...3).allSatisfy({ index + $0 < scalars.count && CJK.isASCIIDigit(scalars[index + $0]) }),
            index + 4 >= scalars.count || !CJK.isASCIIDigit(scalars[index + 4])
        {
            for offset in 1...3 { text.unicodeScalars.append(scalars[index + offset]) }
            index += 4
        }
        if index + 1 < scalars.count, scalars[index] == ".", CJK.isASCIIDigit(scalars[index + 1]) {
            text.append(".")
            index += 1
            while index < scalars.count, CJK.isASCIIDigit(scalars[index]) {
                text.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        guard let value = Double(text) else { return nil }
        return (value, text, index)
    }

    /// A Chinese numeral starting at `start` (without 万/亿, which the caller reads as magnitudes).
    static func parseChinese(_ scalars: [Unicode.Scalar], at start: Int) -> (value: Double, end: Int)? {
        var index = start
        var total = 0
        var current = -1  // the pending digit, -1 when none
        var sawAny = false
        while index < scalars.count, numeralScalars.contains(scalars[index]) {
            let scalar = scalars[index]
            if let digit = digitValues[scalar] {
                if current >= 0 && digit != 0 && scalars[index - 1] != "零" && scalars[index - 1] != "〇" {
                    // Two digits in a row ("一二三四五") is a list, not a number.
                    if smallUnits[scalars[index - 1]] == nil { return nil }
                }
                current = digit
            } else if let unit = smallUnits[scalar] {
                total += (current < 0 ? 1 : current) * unit
                current = -1
            }
            sawAny = true
            index += 1
        }
        guard sawAny else { return nil }
        if current > 0 { total += current }
        return (Double(total), index)
    }
}
