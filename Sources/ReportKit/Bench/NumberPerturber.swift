/// Changes the Arabic numbers of a sentence by a random factor between 0.5 and 1.5, keeping each number's
/// decimals, so synthetic reports carry figures that differ from the samples'.
///
/// Years (`2024`), parts of dates and times (`4月19日`, `18:35`, `2024-04-19`) and numbers glued to Latin
/// letters (`5G`, `G20`) are left alone; a percentage of at most 100 stays at most 100. The arithmetic is
/// on integers, so the result is the same on every machine.
///
/// ```swift
/// var random = SplitMix64(seed: 7)
/// NumberPerturber.perturb("完成86项，用时0.5个工作日，2024年5月", using: &random)
/// // "完成71项，用时0.6个工作日，2024年5月" (the figures depend on the seed)
/// ```
enum NumberPerturber {
    static func perturb(_ sentence: String, using random: inout SplitMix64) -> String {
        let scalars = Array(sentence.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            var decimals = 0
            if end + 1 < scalars.count, scalars[end] == ".", isDigit(scalars[end + 1]) {
                var fractionEnd = end + 1
                while fractionEnd < scalars.count, isDigit(scalars[fractionEnd]) { fractionEnd += 1 }
                decimals = fractionEnd - end - 1
                end = fractionEnd
            }
            let literal = String(String.UnicodeScalarView(scalars[index..<end]))
            let before = index > 0 ? scalars[index - 1] : nil
            let after = end < scalars.count ? scalars[end] : nil
            if keepsAsWritten(literal, decimals: decimals, before: before, after: after) {
                output.append(contentsOf: literal.unicodeScalars)
            } else {
                let percent = after == "%" || after == "％"
                output.append(
                    contentsOf: scaled(literal, decimals: decimals, percent: percent, using: &random).unicodeScalars)
            }
            index = end
        }
        return String(output)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isLatinLetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
    }

    static func keepsAsWritten(_ literal: String, decimals: Int, before: Unicode.Scalar?, after: Unicode.Scalar?)
        -> Bool
    {
        if literal.count > 15 || isLatinLetter(before) || isLatinLetter(after) { return true }
        if decimals == 0, literal.count == 4, let year = Int(literal), (1900...2100).contains(year) { return true }
        let dateNeighbours: Set<Unicode.Scalar> = [":", "：", "-", "/", "年", "月", "日", "时", "号"]
        if let after, dateNeighbours.contains(after), after != "年" || literal.count == 4 { return true }
        if let before, [":", "：", "-", "/", "年", "月"].contains(before) { return true }
        return false
    }

    /// `literal` × a factor in [0.5, 1.5], rounded half up to the same number of decimals.
    static func scaled(_ literal: String, decimals: Int, percent: Bool, using random: inout SplitMix64) -> String {
        let digits = literal.filter { $0 != "." }
        guard let units = Int(digits) else { return literal }
        let permille = random.int(in: 500...1500)
        var result = (units * permille + 500) / 1000
        if units > 0, result == 0 { result = 1 }
        let scale = (0..<decimals).reduce(1) { value, _ in value * 10 }
        if percent, units <= 100 * scale { result = min(result, 100 * scale) }
        guard decimals > 0 else { return String(result) }
        let fraction = String(result % scale)
        return "\(result / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
