import Foundation
@testable import ReportKit

/// The clean stage's earlier, step-by-step implementations, kept verbatim as the reference its fast paths
/// are tested against.
enum ReferenceTextNormalizer {
    static func normalize(_ input: String) -> TextNormalizer.Result {
        var repairs: [Repair] = []
        let composed = TextNormalizer.isNFCStable(input) ? input : input.precomposedStringWithCanonicalMapping
        var scalars = ScalarText.decodedScalars(composed)
        var fullwidthCount = 0
        // 1. Full-width digits and letters; ％．， only where they sit in a number.
        for index in scalars.indices {
            let value = scalars[index].value
            if (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) {
                scalars[index] = Unicode.Scalar(value - 0xFEE0)!
                fullwidthCount += 1
            }
        }
        for index in scalars.indices {
            let previousIsDigit = index > 0 && CJK.isASCIIDigit(scalars[index - 1])
            let nextIsDigit = index + 1 < scalars.count && CJK.isASCIIDigit(scalars[index + 1])
            switch scalars[index] {
            case "％" where previousIsDigit:
                scalars[index] = "%"
                fullwidthCount += 1
            case "．" where previousIsDigit && nextIsDigit:
                scalars[index] = "."
                fullwidthCount += 1
            case "，" where previousIsDigit && Self.threeDigitsFollow(scalars, after: index):
                scalars[index] = ","
                fullwidthCount += 1
            default: break
            }
        }
        if fullwidthCount > 0 {
            repairs.append(Repair(flag: QualityFlagName.fullwidthNormalized, before: "\(fullwidthCount) characters", after: "ASCII"))
        }
        // 2. Lines: CRLF/CR to LF, trim, collapse spaces, drop spaces between CJK characters; blank lines dropped.
        // 3. Numbers broken by stray spaces: "106. 66%" → "106.66%".
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 3)
        var line: [UInt8] = []
        func flush(_ range: Range<Int>) {
            line.removeAll(keepingCapacity: true)
            Self.tidy(scalars[range], into: &line)
            guard !line.isEmpty else { return }
            if !out.isEmpty { out.append(0x0A) }
            if ScalarText.containsPair(line, 0x2E, 0x20) {
                let (joined, examples) = ReferenceBrokenDecimals.join(String(decoding: line, as: UTF8.self))
                repairs += examples.map { Repair(flag: QualityFlagName.brokenNumberJoined, before: $0.0, after: $0.1) }
                out.append(contentsOf: joined.utf8)
            } else {
                out.append(contentsOf: line)
            }
        }
        var lineStart = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\r" {
                flush(lineStart..<index)
                if index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                lineStart = index + 1
            } else if scalar == "\n" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                flush(lineStart..<index)
                lineStart = index + 1
            }
            index += 1
        }
        flush(lineStart..<scalars.count)
        return TextNormalizer.Result(text: String(decoding: out, as: UTF8.self), repairs: repairs)
    }

    static func threeDigitsFollow(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        let digits = (1...3).allSatisfy { index + $0 < scalars.count && CJK.isASCIIDigit(scalars[index + $0]) }
        let fourth = index + 4 < scalars.count ? scalars[index + 4] : " "
        return digits && !CJK.isASCIIDigit(fourth)
    }

    /// Trims a line, collapses runs of spaces to one, and removes spaces next to CJK punctuation
    /// (`。 这是` → `。这是`). Spaces between words stay: bylines such as `人民网记者 毛雷` need them.
    static func tidy(_ line: ArraySlice<Unicode.Scalar>, into out: inout [UInt8]) {
        var pendingSpace = false
        var last: Unicode.Scalar?
        for scalar in line {
            if CJK.isHorizontalSpace(scalar) {
                pendingSpace = true
                continue
            }
            if scalar.value < 0x20 { continue }
            if pendingSpace, let last, !(CJK.isPunctuation(last) || CJK.isPunctuation(scalar)) {
                out.append(0x20)
            }
            pendingSpace = false
            ScalarText.appendUTF8(scalar, to: &out)
            last = scalar
        }
    }
}

/// ``TextNormalizer/joinBrokenDecimals(_:)`` as the regular expression alone answers it.
enum ReferenceBrokenDecimals {
    static let pattern = try! NSRegularExpression(pattern: "([0-9])\\.\\s+([0-9])")

    static func join(_ line: String) -> (String, [(String, String)]) {
        guard line.contains(". ") else { return (line, []) }
        let range = NSRange(line.startIndex..., in: line)
        var examples: [(String, String)] = []
        for match in pattern.matches(in: line, range: range) {
            guard let whole = Range(match.range, in: line) else { continue }
            let before = TextNormalizer.snippet(line, around: whole)
            examples.append((before, before.replacingOccurrences(of: ". ", with: ".")))
        }
        return (pattern.stringByReplacingMatches(in: line, range: range, withTemplate: "$1.$2"), examples)
    }
}

enum ReferencePinyinAnnotationStripper {
    static func strip(_ text: String) -> PinyinAnnotationStripper.Result {
        let isTraditional = ReferenceScriptAndMojibakeChecks.isTraditional
        guard mayHoldAnnotation(text) else {
            return PinyinAnnotationStripper.Result(text: text, removed: 0, examples: [], isTraditional: isTraditional(text))
        }
        let scalars = ScalarText.decodedScalars(text)
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
        let stripped = removed == 0 ? text : String(scalars: out)
        return PinyinAnnotationStripper.Result(text: stripped, removed: removed, examples: examples, isTraditional: isTraditional(stripped))
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
            if PinyinAnnotationStripper.isToneMarked(scalar) {
                hasTone = true
            } else if !(scalar.value >= 0x61 && scalar.value <= 0x7A) && scalar != "ü" {
                return nil
            }
            index += 1
        }
        return nil
    }

    static func mayHoldAnnotation(_ text: String) -> Bool {
        var toneMarked = false
        var closing = false
        for scalar in text.unicodeScalars {
            if scalar == ")" || scalar == "）" {
                closing = true
            } else if PinyinAnnotationStripper.isToneMarked(scalar) {
                toneMarked = true
            }
            if toneMarked && closing { return true }
        }
        return false
    }
}

enum ReferenceScriptAndMojibakeChecks {
    static let traditionalOnly = "們這個來說對會為時國與發經實現務開關過還從點體進辦動區應環營業產華當歲將專務與東車門問長電無鄉縣機構"
    static let simplifiedOnly = "们这个来说对会为时国与发经实现务开关过还从点体进办动区应环营业产华当岁将专东车门问长电无乡县机构"

    static func isTraditional(_ text: String) -> Bool {
        let traditionalSet = Set(traditionalOnly.unicodeScalars)
        let simplifiedSet = Set(simplifiedOnly.unicodeScalars)
        var traditional = 0
        var simplified = 0
        for scalar in text.unicodeScalars {
            if traditionalSet.contains(scalar) {
                traditional += 1
            } else if simplifiedSet.contains(scalar) {
                simplified += 1
            }
        }
        return traditional >= 3 && traditional > simplified
    }

    static func mayContainMojibake(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if previous == "?" && (CJK.isIdeograph(scalar) || scalar == "?") { return true }
            previous = scalar
        }
        return false
    }
}

/// The Character-level byline helpers the scalar paths of ``BylineParser`` and ``BoilerplateFilter`` replace.
enum ReferenceBylineParser {
    /// The label words searched one by one, as the parser did before its one-pass matcher.
    static func isPersonName(_ token: String) -> Bool {
        (2...4).contains(token.count) && token.unicodeScalars.allSatisfy(CJK.isIdeograph)
            && !BylineParser.labelWords.contains(where: { ScalarText.containsBytes(token, $0) })
    }

    /// ``BylineParser/parseLine(_:)`` on Characters: Foundation's searches and replacements, the date by the
    /// regular expression.
    static func parseLine(_ line: String) -> MetadataHints? {
        guard line.utf8.count <= 240, line.count <= 80, !line.contains("。"), !line.contains("，") else { return nil }
        var hints = MetadataHints()
        var rest = line
        if let (date, range) = BylineParser.date(in: line, textIsPlain: false) {
            hints.published = date
            rest.replaceSubrange(range, with: " ")
        }
        let hasRole = ["记者", "通讯员", "来源", "作者", "编辑"].contains { rest.contains($0) }
        guard hasRole || hints.published != nil else { return nil }
        var normalized = rest
        for (label, replacement) in [("来源：", " "), ("来源:", " "), ("作者：", " 记者"), ("作者:", " 记者")] {
            normalized = normalized.replacingOccurrences(of: label, with: replacement)
        }
        var role = "author"
        for rawToken in normalized.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "|" || $0 == "丨" || $0 == "　" }) {
            var token = String(rawToken).trimmingCharacters(in: BylineParser.tokenBrackets)
            if token.hasSuffix("报道") { token = String(token.dropLast(2)) }
            if token.isEmpty { continue }
            for (marker, markerRole) in [
                ("记者", "author"), ("通讯员", "author"), ("编辑", "editor"), ("摄影", "photographer"), ("摄像", "photographer"),
            ] {
                if let range = token.range(of: marker) {
                    let before = String(token[..<range.lowerBound])
                    let outlet = before.replacingOccurrences(of: "全媒体", with: "").replacingOccurrences(of: "融媒体", with: "")
                    if isOutlet(outlet), hints.publisher == nil { hints.publisher = BylineParser.outletAliases[outlet] ?? outlet }
                    token = String(token[range.upperBound...])
                    role = markerRole
                }
            }
            if token.isEmpty { continue }
            // The finished token is taken as the parser takes it (its outlet and name checks have references above).
            BylineParser.record(token, role: role, of: line, in: &hints)
        }
        let useful = hints.publisher != nil || !hints.authors.isEmpty || hints.published != nil || !hints.editors.isEmpty
        return useful ? hints : nil
    }

    static func isOutlet(_ token: String) -> Bool {
        token.count >= 2 && token.count <= 16 && BylineParser.outletSuffixes.contains(where: token.hasSuffix)
            && token.unicodeScalars.allSatisfy { CJK.isIdeograph($0) || CJK.isASCIILetter($0) }
    }

    static func parseCredits(_ line: String) -> MetadataHints? {
        guard BylineParser.mayStartWithCreditRole(line) else { return nil }
        let roles: [(String, String)] = [
            ("责任编辑", "editor"), ("编审", "editor"), ("责编", "editor"), ("编辑", "editor"), ("审核", "editor"),
            ("校对", "editor"), ("记者", "author"), ("通讯员", "author"), ("摄影", "photographer"), ("实习生", "author"),
        ]
        guard line.utf8.count <= 200 else { return nil }
        let spaceless =
            !line.utf8.contains(0x20) ? line
            : ScalarText.isPlain(line) ? PlainText.removingSpaces(line) : line.replacingOccurrences(of: " ", with: "")
        let compact = ScalarText.trimming(spaceless, in: BylineParser.creditBrackets)
        guard BylineParser.isShortClause(compact), roles.contains(where: { compact.hasPrefix($0.0) }) else { return nil }
        var hints = MetadataHints()
        var remaining = Substring(compact)
        while !remaining.isEmpty {
            guard let (marker, role) = roles.first(where: { remaining.hasPrefix($0.0) }) else { return nil }
            remaining = remaining.dropFirst(marker.count).drop(while: { $0 == ":" || $0 == "：" })
            var name = ""
            while let next = remaining.first, !roles.contains(where: { remaining.hasPrefix($0.0) }) {
                name.append(next)
                remaining = remaining.dropFirst()
            }
            for part in name.split(whereSeparator: { $0 == "、" || $0 == "," || $0 == "，" }) {
                let person = String(part)
                switch role {
                case "editor": hints.editors.append(person)
                case "photographer": hints.photographers.append(person)
                default: hints.authors.append(person)
                }
            }
        }
        return hints
    }
}

/// The GBK table as first built: one ``IconvDecoder`` call (one converter) per pair.
enum ReferenceGBKTable {
    static func decodeTable() -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 126 * 191)
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                if let text = try? IconvDecoder.decode([UInt8(lead), UInt8(trail)], from: "GBK"),
                    text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first
                {
                    table[(lead - 0x81) * 191 + (trail - 0x40)] = scalar.value
                }
            }
        }
        return table
    }
}

/// ``BoilerplateFilter``'s title check before it counted and searched plain lines by scalar and byte.
enum ReferenceBoilerplate {
    static func looksLikeTitle(_ line: String) -> Bool {
        let length = line.count
        guard (5...64).contains(length), !line.contains("。"), BylineParser.parseLine(line) == nil else { return false }
        guard let last = line.last, !"，,；;：:、".contains(last) else { return false }
        return line.unicodeScalars.contains(where: CJK.isIdeograph)
    }
}
