/// Decides which place a report is about: counts mentions of every division's name and short form
/// (the title counts three times), resolves names shared by several divisions through the other places
/// the report mentions, and picks the most-mentioned division.
///
/// ```swift
/// RegionResolver().resolve(title: "海南儋州:推进…", text: "…儋州…")?.division.code  // "460400"
/// ```
public struct RegionResolver: Sendable {
    public struct Resolution: Sendable {
        public let division: RegionGazetteer.Division
        public let province: String?
        public let prefecture: String?
        public let county: String?
        /// True when the winning name also names other divisions and context did not settle it.
        public let ambiguous: Bool
        public let mentions: Int
    }

    let gazetteer: RegionGazetteer

    static let surnames: Set<Unicode.Scalar> = Set(
        "陈王李张刘杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤"
            .unicodeScalars)

    public init(gazetteer: RegionGazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    public func resolve(title: String?, text: String) -> Resolution? {
        resolve(title: title, scalars: ScalarText.decodedScalars(text))
    }

    /// The place a text given as scalars is about.
    ///
    /// A report scores a handful of divisions, so the scores, the context and the ambiguous codes are short
    /// arrays searched by code rather than hashed String sets and dictionaries, and each scored division is
    /// looked up by code once. Nothing here depends on the order names or scores come in: sums and set
    /// insertions commute, and both maxima break ties by code, which is unique among the scores.
    func resolve(title: String?, scalars: [Unicode.Scalar]) -> Resolution? {
        var mentions = MentionTally()  // name number → weighted mentions
        if let title { count(ScalarText.decodedScalars(title), weight: 3, into: &mentions) }
        count(scalars, weight: 1, into: &mentions)
        return resolve(mentions)
    }

    /// ``resolve(title:scalars:)`` of the spans' scalars, whose name starts the decoding flagged for the shared
    /// gazetteer (another gazetteer's scan asks its own table).
    func resolve(title: String?, spans: TextSpans) -> Resolution? {
        guard gazetteer === RegionGazetteer.shared else { return resolve(title: title, scalars: spans.scalars) }
        var mentions = MentionTally()
        if let title { count(ScalarText.decodedScalars(title), weight: 3, into: &mentions) }
        gazetteer.scanTable.count(spans, weight: 1, into: &mentions)
        return resolve(mentions)
    }

    /// The place the weighted name mentions point to, worked out on ``DivisionNumbers``: divisions as indices, codes as
    /// numbers in code order (so the ties below break as by the codes themselves).
    private func resolve(_ mentions: MentionTally) -> Resolution? {
        guard !mentions.isEmpty else { return nil }
        let table = gazetteer.divisionNumbers
        var scores: [Score] = []
        var deferred: [(Int, Int)] = []  // (name number, weight)
        for (number, weight) in mentions.entries {
            let candidates = table.carriers[number]
            if candidates.count == 1 { add(weight, to: candidates[0], in: &scores, table) } else { deferred.append((number, weight)) }
        }
        // Context: every province and prefecture implied by an unambiguous mention.
        var context: [Int32] = []
        for score in scores {
            context.appendIfAbsent(score.code)
            let province = table.provinceCode[Int(score.division)]
            if province >= 0 { context.appendIfAbsent(province) }
            let prefecture = table.prefectureCode[Int(score.division)]
            if prefecture >= 0 { context.appendIfAbsent(prefecture) }
        }
        var ambiguousCodes: [Int32] = []
        for (number, weight) in deferred {
            let candidates = table.carriers[number]
            let fitting = candidates.filter { candidate in
                let index = Int(candidate)
                return context.contains(table.code[index]) || (table.provinceCode[index] >= 0 && context.contains(table.provinceCode[index]))
                    || (table.prefectureCode[index] >= 0 && context.contains(table.prefectureCode[index]))
            }
            if fitting.count == 1 {
                add(weight, to: fitting[0], in: &scores, table)
            } else if let first = (fitting.isEmpty ? candidates : fitting).min(by: { table.code[Int($0)] < table.code[Int($1)] }) {
                add(weight, to: first, in: &scores, table)
                ambiguousCodes.appendIfAbsent(table.code[Int(first)])
            }
        }
        // The most-mentioned division; on a tie the more specific one (county over prefecture over province).
        guard
            var best = scores.max(by: { left, right in
                (left.value, left.level, right.code) < (right.value, right.level, left.code)
            })
        else { return nil }
        // A report about 西宁 names 青海 often too: prefer a place inside the winning province or prefecture
        // when it is mentioned at least a third as often.
        while Int(best.level) != Self.levelRank("county") {
            let code = best.code
            let inside = scores.filter { entry in
                let index = Int(entry.division)
                return entry.code != code && (table.provinceCode[index] == code || table.prefectureCode[index] == code)
            }
            guard let child = inside.max(by: { ($0.value, $1.code) < ($1.value, $0.code) }), child.value >= max(2, best.value / 3)
            else { break }
            best = child
        }
        let division = gazetteer.divisions[Int(best.division)]
        let province = division.level == "province" ? division : division.provinceCode.flatMap(gazetteer.division(code:))
        let prefecture = division.level == "prefecture" ? division : division.prefectureCode.flatMap(gazetteer.division(code:))
        return Resolution(
            division: division, province: province?.name, prefecture: prefecture?.name,
            county: division.level == "county" ? division.name : nil, ambiguous: ambiguousCodes.contains(best.code),
            mentions: best.value)
    }

    /// One scored division: its code's number, its weighted mentions, its index in the gazetteer and its level rank
    /// for ties.
    struct Score {
        let code: Int32
        var value: Int
        let division: Int32
        let level: Int8
    }

    /// County over prefecture over province.
    static func levelRank(_ level: String) -> Int {
        switch level {
        case "county": 2
        case "prefecture": 1
        default: 0
        }
    }

    /// Adds `weight` to the score of division number `division`, one of a name's carriers: as codes are unique in the
    /// gazetteer (a unit test checks it), its code's number stands for it.
    private func add(_ weight: Int, to division: Int32, in scores: inout [Score], _ table: DivisionNumbers) {
        let code = table.code[Int(division)]
        if let index = scores.firstIndex(where: { $0.code == code }) {
            scores[index].value += weight
        } else {
            scores.append(Score(code: code, value: weight, division: division, level: table.level[Int(division)]))
        }
    }

    /// Counts names at each position, longest match first, so 玉门市 is not also counted as 玉门.
    private func count(_ scalars: [Unicode.Scalar], weight: Int, into counts: inout MentionTally) {
        gazetteer.scanTable.count(scalars, weight: weight, into: &counts)
    }

    /// The same count through ``RegionGazetteer/nameIndex``: what the flat table must agree with.
    func referenceCount(_ scalars: [Unicode.Scalar], weight: Int, into counts: inout [Int: Int]) {
        var index = 0
        while index < scalars.count {
            var matched = 0
            if let candidates = gazetteer.nameIndex[scalars[index]] {
                // 陈建华 is a person, not 建华区: skip a two-character short form right after a common surname.
                let afterSurname = index > 0 && Self.surnames.contains(scalars[index - 1])
                for candidate in candidates where !(candidate.length == 2 && afterSurname) {
                    if candidate.matches(scalars, at: index, in: gazetteer) {
                        counts[candidate.number, default: 0] += weight
                        matched = candidate.length
                        break
                    }
                }
            }
            index += max(matched, 1)
        }
    }
}

extension Array where Element: Equatable {
    /// `Set.insert` for the few codes of one report.
    mutating func appendIfAbsent(_ element: Element) {
        if !contains(element) { append(element) }
    }
}
