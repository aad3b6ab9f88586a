/// Parses numbers as Chinese reports write them: Arabic digits with separators and decimals
/// (`1,234.5`), and Chinese numerals (`三十六`, `两`, `一百二十`, `十五`, `一万二千`).
///
/// ```swift
/// ChineseNumber.parseArabic(Array("4,479.88万元".unicodeScalars), at: 0)  // (4479.88, end: 8)
/// ChineseNumber.parseChinese(Array("一百二十家".unicodeScalars), at: 0)    // (120, end: 4)
/// ```
enum ChineseNumber {
    /// 零〇一二两三四五六七八九 as digits.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// 十百千 as multipliers.
    static func smallUnit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }

    /// A digit or a small unit: 零〇一二两三四五六七八九十百千.
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool { digitValue(scalar) != nil || smallUnit(scalar) != nil }

    /// An Arabic number starting at `start`: digits, optional `,ddd` groups and a decimal part.
    static func parseArabic(_ scalars: [Unicode.Scalar], at start: Int) -> (value: Double, text: String, end: Int)? {
        var index = start
        var digits: [UInt8] = []  // ASCII: the number without its group separators
        while index < scalars.count, CJK.isASCIIDigit(scalars[index]) {
            digits.append(UInt8(scalars[index].value))
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        // Thousands groups: ",ddd" repeated, only when followed by exactly three digits.
        while index + 3 < scalars.count, scalars[index] == ",",
            (1...3).allSatisfy({ index + $0 < scalars.count && CJK.isASCIIDigit(scalars[index + $0]) }),
            index + 4 >= scalars.count || !CJK.isASCIIDigit(scalars[index + 4])
        {
            for offset in 1...3 { digits.append(UInt8(scalars[index + offset].value)) }
            index += 4
        }
        if index + 1 < scalars.count, scalars[index] == ".", CJK.isASCIIDigit(scalars[index + 1]) {
            digits.append(UInt8(ascii: "."))
            index += 1
            while index < scalars.count, CJK.isASCIIDigit(scalars[index]) {
                digits.append(UInt8(scalars[index].value))
                index += 1
            }
        }
        let text = String(decoding: digits, as: UTF8.self)
        guard let value = Double(text) else { return nil }
        return (value, text, index)
    }

    /// ``parseArabic(_:at:)``'s value and end without building the number's text: with at most 15 digits
    /// the digits are an exact integer M and the value is M / 10^k for k decimals, which IEEE division rounds
    /// exactly as `Double(text)` does (both operands are exact: Clinger's fast path). Longer numbers take
    /// the text route.
    static func parseArabicValue(_ scalars: [Unicode.Scalar], at start: Int) -> (value: Double, end: Int)? {
        var index = start
        var mantissa: UInt64 = 0
        var digits = 0
        var decimals = 0
        func isDigit(_ offset: Int) -> Bool { offset < scalars.count && CJK.isASCIIDigit(scalars[offset]) }
        func take(_ offset: Int) { mantissa = mantissa &* 10 &+ UInt64(scalars[offset].value - 0x30); digits += 1 }
        while isDigit(index) {
            take(index)
            index += 1
        }
        guard digits > 0 else { return nil }
        while index + 3 < scalars.count, scalars[index] == ",", isDigit(index + 1), isDigit(index + 2), isDigit(index + 3),
            !isDigit(index + 4)
        {
            for offset in 1...3 { take(index + offset) }
            index += 4
        }
        if index + 1 < scalars.count, scalars[index] == ".", isDigit(index + 1) {
            index += 1
            while isDigit(index) {
                take(index)
                decimals += 1
                index += 1
            }
        }
        guard digits <= 15 else { return parseArabic(scalars, at: start).map { ($0.value, $0.end) } }
        return (Double(mantissa) / powersOfTen[decimals], index)
    }

    /// 10^0 ... 10^15, each exact as a Double.
    static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// A Chinese numeral starting at `start` (without 万/亿, which the caller reads as magnitudes).
    static func parseChinese(_ scalars: [Unicode.Scalar], at start: Int) -> (value: Double, end: Int)? {
        var index = start
        var total = 0
        var current = -1  // the pending digit, -1 when none
        var sawAny = false
        while index < scalars.count, isNumeral(scalars[index]) {
            let scalar = scalars[index]
            if let digit = digitValue(scalar) {
                if current >= 0 && digit != 0 && scalars[index - 1] != "零" && scalars[index - 1] != "〇" {
                    // Two digits in a row ("一二三四五") is a list, not a number.
                    if smallUnit(scalars[index - 1]) == nil { return nil }
                }
                current = digit
            } else if let unit = smallUnit(scalar) {
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
