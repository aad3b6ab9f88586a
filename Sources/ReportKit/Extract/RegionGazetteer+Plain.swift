/// Start-up fast paths of ``RegionGazetteer``: its names and its CSV are plain text (``TextSpans/isPlain(_:)``),
/// where every scalar is a Character of its own without a canonical equivalent, so scalar and byte comparisons
/// give the answers of `String`'s Character-level `hasSuffix`, `count`, `==` and `split` (which cost ~1,400
/// instructions per `hasSuffix` here, 0.3 G for the whole gazetteer).
extension RegionGazetteer {
    static let nameSuffixScalars = ScalarWordList(nameSuffixes)
    static let ethnicGroupScalars = ScalarWordList(ethnicGroups)
    static let zhou: Unicode.Scalar = "州"
    static let autonomousPrefecture = Array("自治州".unicodeScalars)

    /// ``referenceNames(for:)`` by scalars, or nil when the name is not plain (the word lists are plain; a unit
    /// test checks).
    static func plainNames(for division: Division) -> [String]? {
        let name = division.name
        guard ScalarText.isPlain(name) else { return nil }
        let full = ScalarText.decodedScalars(name)
        if full.count <= 2 && full.last == "区" { return [] }
        var names = [name]
        var short = full
        for suffix in nameSuffixScalars.words where short.hasSuffix(suffix) && short.count > suffix.count + 1 {
            short.removeLast(suffix.count)
            break
        }
        var strippedEthnic = false
        var stripping = true
        while stripping {
            stripping = false
            for people in ethnicGroupScalars.words where short.hasSuffix(people) && short.count > people.count + 1 {
                short.removeLast(people.count)
                strippedEthnic = true
                stripping = true
            }
        }
        if strippedEthnic && full.hasSuffix(autonomousPrefecture) { names.append((short + [zhou]).string) }
        if short != full, short.count >= 2 {
            let shortName = short.string
            if !ambiguousShortForms.contains(shortName) { names.append(shortName) }
        }
        return names
    }

    /// The CSV's rows of fields: `text.split(separator: "\n")` (empty lines dropped) and each line split on `,`
    /// keeping empty fields, in one pass over the bytes when the text is plain (no CR LF, no combining marks: a
    /// byte `\n` or `,` is then a Character of its own).
    static func csvRows(_ text: String) -> [[String]] {
        guard ScalarText.isPlain(text) else {
            return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        var text = text
        return text.withUTF8 { bytes in
            var rows: [[String]] = []
            var fields: [String] = []
            var fieldStart = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") else { continue }
                // An empty line (or the end right after a line break) is no row.
                if byte == UInt8(ascii: "\n") && fields.isEmpty && index == fieldStart {
                    fieldStart = index + 1
                    continue
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
                fieldStart = index + 1
                if byte == UInt8(ascii: "\n") {
                    rows.append(fields)
                    fields.removeAll(keepingCapacity: true)
                }
            }
            return rows
        }
    }
}
