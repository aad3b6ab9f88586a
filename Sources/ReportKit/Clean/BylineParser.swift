import Foundation

/// Reads bylines and credit lines (`人民网记者 毛雷`, `环球网2024-04-19 18:35`,
/// `中国经济导报 中国发展网 刘伟奇 记者范纪安报道`, `记者兰荣江编辑潘正祥编审兰荣江`) into metadata hints.
enum BylineParser {
    /// Words that end an outlet's name: 人民网, 环球网, 贵州日报天眼新闻, 新华社, 央视新闻客户端.
    static let outletSuffixes = ["网", "报", "社", "台", "新闻", "客户端", "融媒", "在线", "头条", "时报", "导报", "日报", "晚报"]

    static let datePattern = try! NSRegularExpression(
        pattern: "(19|20)\\d{2}\\s*[-年/.]\\s*\\d{1,2}\\s*[-月/.]\\s*\\d{1,2}日?(\\s*\\d{1,2}:\\d{2}(:\\d{2})?)?")

    /// The last scalars of ``outletSuffixes``.
    static let outletFinals = ScalarBits(members: Set(outletSuffixes.compactMap(\.unicodeScalars.last)))

    static func isOutlet(_ token: String) -> Bool {
        // A plain token (``ScalarText/isPlain(_:)``) has one Character per scalar and ends in a plain suffix
        // exactly when its bytes do, so it is answered without String's Character-level comparisons.
        if let length = ScalarText.plainScalarCount(token) {
            // A plain token ending in a suffix ends in its last scalar: most tokens end in none of them.
            guard length >= 2 && length <= 16, let last = token.unicodeScalars.last, outletFinals.contains(last) else {
                return false
            }
            return outletSuffixes.contains { ScalarText.hasSuffixBytes(token, $0) }
                && ScalarText.allScalars(of: token, satisfy: { CJK.isIdeograph($0) || CJK.isASCIILetter($0) })
        }
        return token.count >= 2 && token.count <= 16 && outletSuffixes.contains(where: token.hasSuffix)
            && token.unicodeScalars.allSatisfy { CJK.isIdeograph($0) || CJK.isASCIILetter($0) }
    }

    /// Label words that look like names in bylines (`发布时间`, `星期一`, `原创`).
    static let labelWords = ["时间", "日期", "来源", "星期", "浏览", "点击", "字号", "原创", "信息", "时长", "作者", "编辑", "记者", "通讯员", "摄像", "阅读"]

    static func isPersonName(_ token: String) -> Bool {
        // Ideographs are plain (``TextSpans/isPlain(_:)``), so the label words are searched byte by byte.
        (2...4).contains(token.count) && token.unicodeScalars.allSatisfy(CJK.isIdeograph) && !labelWordSet.matches(token)
    }

    /// ``labelWords`` searched in one pass.
    static let labelWordSet = WordListMatcher(labelWords)

    /// Alternative names of outlets, normalised to the name publishers use for themselves.
    static let outletAliases = ["中新网": "中国新闻网", "中新社": "中国新闻社", "央视网": "央视网", "央视新闻客户端": "央视新闻"]

    static let datelinePattern = try! NSRegularExpression(
        pattern: "^([^\\s，。（(]{2,12}?)(\\d{1,2}月\\d{1,2}日)(电|讯)\\s*[（(]([^）)]{2,40})[）)]\\s*")

    /// A wire-style dateline that opens the first paragraph: `新华社南宁6月3日电（记者 韦晓宁、陆元）清晨…`.
    /// - Returns: The hints and the paragraph without the dateline.
    static func parseDateline(_ paragraph: String) -> (MetadataHints, String)? {
        // The pattern's literal `日电`/`日讯`, checked before the expression converts the text to UTF-16.
        guard holdsDatelineMark(paragraph) else { return nil }
        let range = NSRange(paragraph.startIndex..., in: paragraph)
        guard let match = datelinePattern.firstMatch(in: paragraph, range: range),
            let whole = Range(match.range, in: paragraph), let head = Range(match.range(at: 1), in: paragraph),
            let credits = Range(match.range(at: 4), in: paragraph)
        else { return nil }
        var hints = parseLine("记者 " + paragraph[credits].replacingOccurrences(of: "本网记者", with: "记者")) ?? MetadataHints()
        let lead = String(paragraph[head])
        for length in stride(from: min(lead.count, 8), through: 2, by: -1) {
            let prefix = String(lead.prefix(length))
            if isOutlet(prefix) {
                hints.publisher = outletAliases[prefix] ?? prefix
                break
            }
        }
        guard hints.publisher != nil || !hints.authors.isEmpty else { return nil }
        return (hints, String(paragraph[whole.upperBound...]))
    }

    /// Whether the UTF-8 of `text` holds `日电` or `日讯`, in one pass: `memchr` finds each 97 byte (the second byte
    /// of `日`, E6 97 A5) and only those are looked at; two searches for the two words read the whole paragraph
    /// twice. 97 stands in about one Chinese character in thirty; the lead byte E6 (U+6000…U+6FFF) in one in five.
    static func holdsDatelineMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= 6 else { return false }
            let last = bytes.count - 5  // the last offset the second byte of a six-byte word can be at
            var index = 1
            while index <= last, let found = memchr(base + index, 0x97, last + 1 - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index - 1] == 0xE6 && bytes[index + 1] == 0xA5
                    && ((bytes[index + 2] == 0xE7 && bytes[index + 3] == 0x94 && bytes[index + 4] == 0xB5)
                        || (bytes[index + 2] == 0xE8 && bytes[index + 3] == 0xAE && bytes[index + 4] == 0xAF))
                {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// The first date in `text` as written, or nil. A plain text (`textIsPlain`, ``ScalarText/isPlain(_:)``) is
    /// read by ``BylineDateScanner`` when it can be.
    static func date(in text: String, textIsPlain: Bool) -> (String, Range<String.Index>)? {
        // The pattern starts with the literal `19` or `20`.
        guard ScalarText.containsPair(text, 0x31, 0x39) || ScalarText.containsPair(text, 0x32, 0x30) else { return nil }
        if textIsPlain, let scanned = RowBytes.withUTF8(of: text, BylineDateScanner.firstMatch) {
            guard let offsets = scanned else { return nil }
            let found = ScalarText.utf8Index(text, offsets.lowerBound)..<ScalarText.utf8Index(text, offsets.upperBound)
            return (ScalarText.trimmingWhitespace(String(text[found])), found)
        }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = datePattern.firstMatch(in: text, range: range), let found = Range(match.range, in: text) else {
            return nil
        }
        return (ScalarText.trimmingWhitespace(String(text[found])), found)
    }

    /// What byline tokens are trimmed of.
    static let tokenBrackets = CharacterSet(charactersIn: "()（）[]【】:：")
    /// What credit lines are trimmed of once their spaces are gone.
    static let creditBrackets = CharacterSet(charactersIn: "()（）[]【】")

    /// The words ``parseLine(_:)`` looks for in a plain line, found in one pass: the two sentence marks that
    /// reject it (bits 0 and 1) and the role words, of which one must be there (bits 2 to 6).
    static let lineWords = WordListMatcher(["。", "，", "记者", "通讯员", "来源", "作者", "编辑"])
    static let sentenceMarkBits: UInt64 = 0b11
    static let roleBits: UInt64 = 0b111_1100
    static let sourceLabelBit: UInt64 = 1 << 4  // 来源
    static let authorLabelBit: UInt64 = 1 << 5  // 作者

    /// The labels a byline's words are read after, what replaces them, and the ``lineWords`` bit of their word.
    static let labelReplacements = [
        ("来源：", " ", sourceLabelBit), ("来源:", " ", sourceLabelBit), ("作者：", " 记者", authorLabelBit), ("作者:", " 记者", authorLabelBit),
    ]

    /// The role markers of byline tokens, in the order they are tried.
    static let tokenMarkers = [
        ("记者", "author"), ("通讯员", "author"), ("编辑", "editor"), ("摄影", "photographer"), ("摄像", "photographer"),
    ]
    /// ``tokenMarkers`` (bits 0 to 4) and `媒体` (bit 5), the part that `全媒体` and `融媒体` share.
    static let tokenMarkerWords = WordListMatcher(tokenMarkers.map(\.0) + ["媒体"])
    static let mediaBit: UInt64 = 1 << 5

    /// Parses a stand-alone byline line; nil when the line is not one.
    static func parseLine(_ line: String) -> MetadataHints? {
        guard line.utf8.count <= 240 else { return nil }
        // A plain line (and what is left of it after the date) answers Character-level questions by scalar and byte.
        let plainLength = ScalarText.plainScalarCount(line)
        let plain = plainLength != nil
        // In a plain text a plain word occurs exactly where its bytes do, so one pass over the line finds them all.
        let lineFound = plain ? lineWords.presentWords(in: line) : 0
        guard (plainLength ?? line.count) <= 80,
            plain ? lineFound & sentenceMarkBits == 0 : !line.contains("。") && !line.contains("，")
        else {
            return nil
        }
        var hints = MetadataHints()
        var rest = line
        var restFound = lineFound
        if let (date, range) = date(in: line, textIsPlain: plain) {
            hints.published = date
            rest.replaceSubrange(range, with: " ")
            if plain { restFound = lineWords.presentWords(in: rest) }
        }
        let hasRole = plain ? restFound & roleBits != 0 : ["记者", "通讯员", "来源", "作者", "编辑"].contains { rest.contains($0) }
        guard hasRole || hints.published != nil else { return nil }
        // `rest` and everything cut from it stay plain when `line` is (the replacements are plain words).
        var normalized = rest
        for (label, replacement, labelBit) in labelReplacements {
            // A plain `rest` without the label's first word is left as it is (the replacements put in a space,
            // so they cannot make a `来源` or `作者` that was not there).
            if plain && restFound & labelBit == 0 { continue }
            normalized = replacing(label, with: replacement, in: normalized, textIsPlain: plain)
        }
        // Every token, and every part cut from one, is a substring of `normalized`: a marker missing from a
        // plain `normalized` is in none of them.
        let markersFound = plain ? tokenMarkerWords.presentWords(in: normalized) : ~0
        var role = "author"
        for rawToken in tokens(normalized, textIsPlain: plain) {
            var token = ScalarText.trimming(String(rawToken), in: tokenBrackets)
            if ScalarText.hasSuffix(token, "报道", textIsPlain: plain) { token = String(token.dropLast(2)) }
            if token.isEmpty { continue }
            for (markerIndex, (marker, markerRole)) in tokenMarkers.enumerated() {
                // A plain token without the marker's bytes cannot hold it; Foundation finds the range otherwise.
                if plain && (markersFound & (1 << UInt64(markerIndex)) == 0 || !ScalarText.containsBytes(token, marker)) {
                    continue
                }
                if let range = plain ? PlainText.range(of: marker, in: token) : token.range(of: marker) {
                    let before = String(token[..<range.lowerBound])
                    // Without `媒体` in a plain `normalized`, `before` holds neither `全媒体` nor `融媒体`.
                    let outlet =
                        plain && markersFound & mediaBit == 0
                        ? before
                        : replacing(
                            "融媒体", with: "", in: replacing("全媒体", with: "", in: before, textIsPlain: plain), textIsPlain: plain)
                    if isOutlet(outlet), hints.publisher == nil { hints.publisher = outletAliases[outlet] ?? outlet }
                    token = String(token[range.upperBound...])
                    role = markerRole
                }
            }
            if token.isEmpty { continue }
            record(token, role: role, of: line, in: &hints)
        }
        let useful = hints.publisher != nil || !hints.authors.isEmpty || hints.published != nil || !hints.editors.isEmpty
        return useful ? hints : nil
    }

    /// Takes a byline token (its role marker cut off) as the outlet, a person in `role`, or the outlet named
    /// at the start of `line`.
    static func record(_ token: String, role: String, of line: String, in hints: inout MetadataHints) {
        if isOutlet(token) {
            // The last outlet named wins: `中国经济导报 中国发展网 刘伟奇` was published by 中国发展网.
            hints.publisher = outletAliases[token] ?? token
        } else if isPersonName(token) {
            switch role {
            case "editor": hints.editors.append(token)
            case "photographer": hints.photographers.append(token)
            default: hints.authors.append(token)
            }
        } else if hints.publisher == nil, token.count <= 12, token.unicodeScalars.allSatisfy(CJK.isIdeograph),
            line.hasPrefix(token)
        {
            hints.publisher = token
        }
    }

    /// A byline's tokens: `text` split at spaces, `、`, `|`, `丨` and ideographic spaces, without empty ones. A plain
    /// text (``ScalarText/isPlain(_:)``: its Characters are its scalars) is split by scalar, at a fraction of
    /// the cost of splitting by Character.
    static func tokens(_ text: String, textIsPlain: Bool) -> [Substring] {
        guard textIsPlain else { return text.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "|" || $0 == "丨" || $0 == "　" }) }
        return text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "|" || $0 == "丨" || $0 == "　" })
            .map(Substring.init)
    }

    /// `text.replacingOccurrences(of: target, with: replacement)`, by byte for a plain text (``PlainText``).
    static func replacing(_ target: String, with replacement: String, in text: String, textIsPlain: Bool) -> String {
        textIsPlain ? PlainText.replacing(target, with: replacement, in: text) : text.replacingOccurrences(of: target, with: replacement)
    }

    /// The role words of credit lines and the roles they give, in the order they are tried.
    static let creditRoles: [(String, String)] = [
        ("责任编辑", "editor"), ("编审", "editor"), ("责编", "editor"), ("编辑", "editor"), ("审核", "editor"),
        ("校对", "editor"), ("记者", "author"), ("通讯员", "author"), ("摄影", "photographer"), ("实习生", "author"),
    ]

    /// A trailing credit line such as `记者兰荣江编辑潘正祥编审兰荣江` or `责任编辑：王小义`.
    static func parseCredits(_ line: String) -> MetadataHints? {
        guard mayStartWithCreditRole(line) else { return nil }
        let roles = creditRoles
        guard line.utf8.count <= 200 else { return nil }
        // Nothing is canonically equivalent to a space, so without a space byte there is nothing to replace.
        let spaceless =
            !ScalarText.containsByte(line, 0x20) ? line
            : ScalarText.isPlain(line) ? PlainText.removingSpaces(line) : line.replacingOccurrences(of: " ", with: "")
        let compact = ScalarText.trimming(spaceless, in: creditBrackets)
        // In a plain text (``ScalarText/isPlain(_:)``) a plain word is a Character-level prefix exactly when its bytes are.
        let compactIsPlain = ScalarText.isPlain(compact)
        guard Self.isShortClause(compact),
            roles.contains(where: { compactIsPlain ? ScalarText.hasPrefixBytes(compact, $0.0) : compact.hasPrefix($0.0) })
        else {
            return nil
        }
        if compactIsPlain { return CreditScalars.parse(compact) }
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

    /// `text.count <= 40` and no Character among `。？！，?!,`, answered by scalar when `text` is plain.
    static func isShortClause(_ text: String) -> Bool {
        let stops = "。？！，?!,"
        guard ScalarText.isPlain(text) else { return text.count <= 40 && !text.contains(where: { stops.contains($0) }) }
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > 40 || stops.unicodeScalars.contains(scalar) { return false }
        }
        return true
    }

    /// The first scalars of the roles `parseCredits` reads (责任编辑, 编审, 审核, 校对, 记者, 通讯员, 摄影, 实习生).
    private static func isCreditRoleInitial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "责", "编", "审", "校", "记", "通", "摄", "实": true
        default: false
        }
    }

    /// False only when `parseCredits` must return nil: the first scalar left after dropping spaces and
    /// brackets (the start of its `compact` text) cannot begin a role. A scalar that is not
    /// ``TextSpans/isPlain(_:)`` may join or equal others as a Character, so it passes.
    static func mayStartWithCreditRole(_ line: String) -> Bool {
        for scalar in line.unicodeScalars {
            switch scalar {
            case " ", "(", ")", "（", "）", "[", "]", "【", "】": continue
            default: return isCreditRoleInitial(scalar) || !TextSpans.isPlain(scalar)
            }
        }
        return false
    }
}
