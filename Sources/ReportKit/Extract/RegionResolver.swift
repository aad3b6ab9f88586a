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

    /// The place the weighted name mentions point to.
    private func resolve(_ mentions: MentionTally) -> Resolution? {
        guard !mentions.isEmpty else { return nil }
        var scores: [Score] = []
        var deferred: [(Int, Int)] = []  // (name number, weight)
        for (number, weight) in mentions.entries {
            let candidates = gazetteer.divisionsByNumber[number]
            if candidates.count == 1 { add(weight, to: candidates[0], in: &scores) } else { deferred.append((number, weight)) }
        }
        // Context: every province and prefecture implied by an unambiguous mention.
        var context: [String] = []
        for score in scores {
            let division = score.division
            context.appendIfAbsent(score.code)
            if let province = division.provinceCode { context.appendIfAbsent(province) }
            if let prefecture = division.prefectureCode { context.appendIfAbsent(prefecture) }
        }
        var ambiguousCodes: [String] = []
        for (number, weight) in deferred {
            let candidates = gazetteer.divisionsByNumber[number]
            let fitting = candidates.filter { candidate in
                context.contains(candidate.code) || candidate.provinceCode.map(context.contains) == true
                    || candidate.prefectureCode.map(context.contains) == true
            }
            if fitting.count == 1 {
                add(weight, to: fitting[0], in: &scores)
            } else if let first = (fitting.isEmpty ? candidates : fitting).sorted(by: { $0.code < $1.code }).first {
                add(weight, to: first, in: &scores)
                ambiguousCodes.appendIfAbsent(first.code)
            }
        }
        // The most-mentioned division; on a tie the more specific one (county over prefecture over province).
        guard
            var best = scores.max(by: { left, right in
                (left.value, left.level, right.code) < (right.value, right.level, left.code)
            })
        else { return nil }
        var division = best.division
        // A report about 西宁 names 青海 often too: prefer a place inside the winning province or prefecture
        // when it is mentioned at least a third as often.
        while division.level != "county" {
            let code = division.code
            let inside = scores.filter { entry in
                let candidate = entry.division
                return candidate.code != code && (candidate.provinceCode == code || candidate.prefectureCode == code)
            }
            guard let child = inside.max(by: { ($0.value, $1.code) < ($1.value, $0.code) }), child.value >= max(2, best.value / 3)
            else { break }
            best = child
            division = child.division
        }
        let province = division.level == "province" ? division : division.provinceCode.flatMap(gazetteer.division(code:))
        let prefecture = division.level == "prefecture" ? division : division.prefectureCode.flatMap(gazetteer.division(code:))
        return Resolution(
            division: division, province: province?.name, prefecture: prefecture?.name,
            county: division.level == "county" ? division.name : nil, ambiguous: ambiguousCodes.contains(division.code),
            mentions: best.value)
    }

    /// One scored division: its code, its weighted mentions, the division, and its level rank for ties.
    struct Score {
        let code: String
        var value: Int
        let division: RegionGazetteer.Division
        let level: Int
    }

    /// County over prefecture over province.
    static func levelRank(_ level: String) -> Int {
        switch level {
        case "county": 2
        case "prefecture": 1
        default: 0
        }
    }

    /// Adds `weight` to the score of `division`, one of the gazetteer's own: as codes are unique there (a unit
    /// test checks it), it is the division ``RegionGazetteer/division(code:)`` gives for its code, so neither
    /// it nor its level rank is looked up by String again.
    private func add(_ weight: Int, to division: RegionGazetteer.Division, in scores: inout [Score]) {
        if let index = scores.firstIndex(where: { $0.code == division.code }) {
            scores[index].value += weight
        } else {
            scores.append(Score(code: division.code, value: weight, division: division, level: Self.levelRank(division.level)))
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

extension Array where Element == String {
    /// `Set.insert` for the few codes of one report.
    mutating func appendIfAbsent(_ code: String) {
        if !contains(code) { append(code) }
    }
}
