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

    public init(gazetteer: RegionGazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    public func resolve(title: String?, text: String) -> Resolution? {
        var counts: [String: Int] = [:]
        if let title { count(title, weight: 3, into: &counts) }
        count(text, weight: 1, into: &counts)
        guard !counts.isEmpty else { return nil }
        var scores: [String: Int] = [:]  // division code → score
        var ambiguousCodes = Set<String>()
        var deferred: [(String, Int)] = []
        for (name, weight) in counts.sorted(by: { $0.key < $1.key }) {
            let candidates = gazetteer.byName[name] ?? []
            if candidates.count == 1 { scores[candidates[0].code, default: 0] += weight } else { deferred.append((name, weight)) }
        }
        // Context: every province and prefecture implied by an unambiguous mention.
        var context = Set<String>()
        for code in scores.keys {
            guard let division = gazetteer.division(code: code) else { continue }
            context.insert(code)
            if let province = division.provinceCode { context.insert(province) }
            if let prefecture = division.prefectureCode { context.insert(prefecture) }
        }
        for (name, weight) in deferred {
            let candidates = gazetteer.byName[name] ?? []
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
        guard
            let best = scores.max(by: { left, right in
                let l = gazetteer.division(code: left.key)
                let r = gazetteer.division(code: right.key)
                return (left.value, rank[l?.level ?? ""] ?? 0, right.key) < (right.value, rank[r?.level ?? ""] ?? 0, left.key)
            }), let division = gazetteer.division(code: best.key)
        else { return nil }
        let province = division.level == "province" ? division : division.provinceCode.flatMap(gazetteer.division(code:))
        let prefecture = division.level == "prefecture" ? division : division.prefectureCode.flatMap(gazetteer.division(code:))
        return Resolution(
            division: division, province: province?.name, prefecture: prefecture?.name,
            county: division.level == "county" ? division.name : nil, ambiguous: ambiguousCodes.contains(division.code),
            mentions: best.value)
    }

    /// Counts names at each position, longest match first, so 玉门市 is not also counted as 玉门.
    private func count(_ text: String, weight: Int, into counts: inout [String: Int]) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            var matched = 0
            if let candidates = gazetteer.namesByFirstScalar[scalars[index]] {
                for name in candidates where index + name.count <= scalars.count {
                    if scalars.matches(name, at: index) {
                        counts[String(String.UnicodeScalarView(name)), default: 0] += weight
                        matched = name.count
                        break
                    }
                }
            }
            index += max(matched, 1)
        }
    }
}
