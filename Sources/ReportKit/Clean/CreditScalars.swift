/// The body of ``BylineParser/parseCredits(_:)`` for a plain credit line (``ScalarText/isPlain(_:)``), read as
/// an array of scalars.
///
/// In a plain text every scalar is a Character of its own with no canonical equivalent, so `hasPrefix`,
/// `dropFirst` and `split` on Characters are the same as on scalars. The Character-level loop asks every
/// role's `hasPrefix` at every Character of the names; on scalars that is a few integer comparisons.
enum CreditScalars {
    /// The scalars of each ``BylineParser/creditRoles`` word, built once.
    static let words = BylineParser.creditRoles.map { Array($0.0.unicodeScalars) }

    /// The hints of `compact` (spaces and outer brackets gone, starting with a role), or nil when a part
    /// does not start with a role; the roles are ``BylineParser/creditRoles``, in the order they are tried.
    static func parse(_ compact: String) -> MetadataHints? {
        let roles = BylineParser.creditRoles
        let scalars = ScalarText.decodedScalars(compact)
        let words = Self.words
        /// The first role whose word starts at `index` (its first scalar is compared first).
        func role(at index: Int) -> Int? {
            words.firstIndex { word in
                word[0] == scalars[index] && index + word.count <= scalars.count
                    && scalars[index..<(index + word.count)].elementsEqual(word)
            }
        }
        var hints = MetadataHints()
        var index = 0
        while index < scalars.count {
            guard let found = role(at: index) else { return nil }
            index += words[found].count
            while index < scalars.count, scalars[index] == ":" || scalars[index] == "：" { index += 1 }
            let nameStart = index
            while index < scalars.count, role(at: index) == nil { index += 1 }
            let name = scalars[nameStart..<index]
            for part in name.split(whereSeparator: { $0 == "、" || $0 == "," || $0 == "，" }) {
                let person = String(scalars: Array(part))
                switch roles[found].1 {
                case "editor": hints.editors.append(person)
                case "photographer": hints.photographers.append(person)
                default: hints.authors.append(person)
                }
            }
        }
        return hints
    }
}
