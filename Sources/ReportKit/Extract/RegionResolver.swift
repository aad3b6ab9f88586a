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
        resolve(title: title, scalars: Array(text.unicodeScalars))
    }

    /// The place a text given as scalars is about.
    func resolve(title: String?, scalars: [Unicode.Scalar]) -> Resolution? {
        var mentions: [Int: Int] = [:]  // name number → weighted mentions
        if let title { count(Array(title.unicodeScalars), weight: 3, into: &mentions) }
        count(scalars, weight: 1, into: &mentions)
        guard !mentions.isEmpty else { return nil }
        // By name, as a name → weight dictionary sorted by key would give them (names are unique).
        let names = gazetteer.names
        let counts = mentions.sorted { names[$0.key] < names[$1.key] }
        var scores: [String: Int] = [:]  // division code → score
        var ambiguousCodes = Set<String>()
        var deferred: [(Int, Int)] = []  // (name number, weight)
        for (number, weight) in counts {
            let candidates = gazetteer.divisionsByNumber[number]
            if candidates.count == 1 { scores[candidates[0].code, default: 0] += weight } else { deferred.append((number, weight)) }
        }
        // Context: every province and prefecture implied by an unambiguous mention.
        var context = Set<String>()
        for code in scores.keys {
            guard let division = gazetteer.division(code: code) else { continue }
            context.insert(code)
            if let province = division.provinceCode { context.insert(province) }
            if let prefecture = division.prefectureCode { context.insert(prefecture) }
        }
        for (number, weight) in deferred {
            let candidates = gazetteer.divisionsByNumber[number]
            let fitting = candidates.filter { candidate in
                context.contains(candidate.code) || candidate.provinceCode.map(context.contains) == true
                    || candidate.prefectureCode.map(context.contains) == true
            }
            if fitting.count == 1 {
                scores[fitting[0].code, default: 0] += weight
            } else if let first = (fitting.isEmpty ? candidates : fitting).sorted(by: { $0.code < $1.code }).first {
                scores[first.code, default: 0] += weight
                ambiguousCodes.insert(first.code)
            }
        }
        // The most-mentioned division; on a tie the more specific one (county over prefecture over province).
        let rank = ["county": 2, "prefecture": 1, "province": 0]
        // Each score's level rank, looked up once rather than in every comparison.
        var levels: [String: Int] = [:]
        for code in scores.keys { levels[code] = rank[gazetteer.division(code: code)?.level ?? ""] ?? 0 }
        guard
            var best = scores.max(by: { left, right in
                (left.value, levels[left.key]!, right.key) < (right.value, levels[right.key]!, left.key)
            }), var division = gazetteer.division(code: best.key)
        else { return nil }
        // A report about 西宁 names 青海 often too: prefer a place inside the winning province or prefecture
        // when it is mentioned at least a third as often.
        while division.level != "county" {
            let code = division.code
            let inside = scores.filter { entry in
                guard let candidate = gazetteer.division(code: entry.key), candidate.code != code else { return false }
                return candidate.provinceCode == code || candidate.prefectureCode == code
            }
            guard let child = inside.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), child.value >= max(2, best.value / 3),
                let childDivision = gazetteer.division(code: child.key)
            else { break }
            best = child
            division = childDivision
        }
        let province = division.level == "province" ? division : division.provinceCode.flatMap(gazetteer.division(code:))
        let prefecture = division.level == "prefecture" ? division : division.prefectureCode.flatMap(gazetteer.division(code:))
        return Resolution(
            division: division, province: province?.name, prefecture: prefecture?.name,
            county: division.level == "county" ? division.name : nil, ambiguous: ambiguousCodes.contains(division.code),
            mentions: best.value)
    }

    /// Counts names at each position, longest match first, so 玉门市 is not also counted as 玉门.
    private func count(_ scalars: [Unicode.Scalar], weight: Int, into counts: inout [Int: Int]) {
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
