import Testing
@testable import ReportKit

/// Region resolution on short arrays must pick what the dictionary-and-set formulation picked.
@Suite("region resolution fast path") struct RegionResolutionFastPathTests {
    /// `RegionResolver.resolve(title:scalars:)` as first written: names sorted, String-keyed scores and sets.
        static func reference(title: String?, scalars: [Unicode.Scalar], gazetteer: RegionGazetteer) -> RegionResolver.Resolution? {
            var mentions: [Int: Int] = [:]  // name number → weighted mentions
            if let title { gazetteer.scanTable.count(Array(title.unicodeScalars), weight: 3, into: &mentions) }
            gazetteer.scanTable.count(scalars, weight: 1, into: &mentions)
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
            return RegionResolver.Resolution(
                division: division, province: province?.name, prefecture: prefecture?.name,
                county: division.level == "county" ? division.name : nil, ambiguous: ambiguousCodes.contains(division.code),
                mentions: best.value)
        }

    @Test("equals the dictionary formulation on generated reports") func generated() {
        let gazetteer = RegionGazetteer.shared
        let resolver = RegionResolver(gazetteer: gazetteer)
        // Names shared by several divisions make the context and ambiguity rules work.
        let shared = gazetteer.names.indices.filter { gazetteer.divisionsByNumber[$0].count > 1 }.map { gazetteer.names[$0] }
        let provinces = gazetteer.divisions.filter { $0.level == "province" }.map(\.name)
        let filler = ["，", "优化营商环境", "陈", "的", "。", "新增企业"]
        #expect(shared.count > 20)
        var random = SplitMix64(seed: 71)
        func pick(_ list: [String]) -> String { list[Int(random.next() % UInt64(list.count))] }
        var resolved = 0
        var ambiguous = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 12) {
                switch random.next() % 5 {
                case 0: text += pick(shared)
                case 1: text += pick(provinces)
                case 2: text += pick(gazetteer.names)
                default: text += pick(filler)
                }
            }
            let title: String? = random.next() % 3 == 0 ? nil : pick(random.next() % 2 == 0 ? shared : gazetteer.names)
            let scalars = Array(text.unicodeScalars)
            let expected = Self.reference(title: title, scalars: scalars, gazetteer: gazetteer)
            let fast = resolver.resolve(title: title, scalars: scalars)
            let flagged = resolver.resolve(title: title, spans: TextSpans(text))
            #expect(flagged?.division == fast?.division && flagged?.ambiguous == fast?.ambiguous && flagged?.mentions == fast?.mentions)
            #expect(fast?.division == expected?.division, "\(title ?? "-") \(text)")
            #expect(fast?.province == expected?.province && fast?.prefecture == expected?.prefecture && fast?.county == expected?.county)
            #expect(fast?.ambiguous == expected?.ambiguous && fast?.mentions == expected?.mentions, "\(title ?? "-") \(text)")
            if expected != nil { resolved += 1 }
            if expected?.ambiguous == true { ambiguous += 1 }
        }
        #expect(resolved > 2000 && ambiguous > 200, "\(resolved) \(ambiguous)")
    }

    /// A province or prefecture mentioned beside places inside it: the winner moves down to a child mentioned at least
    /// a third as often (the loop the random reports above rarely reach).
    @Test("equals the dictionary formulation when a place inside the winner is mentioned too") func insideWinner() {
        let gazetteer = RegionGazetteer.shared
        let resolver = RegionResolver(gazetteer: gazetteer)
        let parents = gazetteer.divisions.filter { $0.level != "county" }
        var random = SplitMix64(seed: 72)
        var movedDown = 0
        for _ in 0..<1500 {
            let parent = parents[Int(random.next() % UInt64(parents.count))]
            let children = gazetteer.divisions.filter { $0.code != parent.code && ($0.provinceCode == parent.code || $0.prefectureCode == parent.code) }
            guard !children.isEmpty else { continue }
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 6)) { text += parent.name + "，" }
            for _ in 0..<Int(random.next() % 3) {
                let child = children[Int(random.next() % UInt64(children.count))]
                for _ in 0..<(1 + Int(random.next() % 3)) { text += child.name + "的" }
            }
            let scalars = Array(text.unicodeScalars)
            let expected = Self.reference(title: nil, scalars: scalars, gazetteer: gazetteer)
            let fast = resolver.resolve(title: nil, scalars: scalars)
            #expect(fast?.division == expected?.division && fast?.ambiguous == expected?.ambiguous && fast?.mentions == expected?.mentions, "\(text)")
            if let expected, expected.division.code != parent.code { movedDown += 1 }
        }
        #expect(movedDown > 200, "\(movedDown)")
    }

    /// The resolver scores the divisions a name carries as they are, which is right only when each is the one
    /// its code looks up.
    @Test("every division carrying a name is the one its code looks up") func carriersByCode() {
        let gazetteer = RegionGazetteer.shared
        for carriers in gazetteer.divisionsByNumber {
            for division in carriers { #expect(gazetteer.division(code: division.code) == division, "\(division.code)") }
        }
    }
}

/// The resolver compares code numbers where it compared code Strings.
@Suite("division numbers") struct DivisionNumbersTests {
    /// Random divisions whose codes are six digits (`sixDigits`), or also shorter, longer and lettered ones; every
    /// carrier list names divisions of the list.
    static func divisions(sixDigits: Bool, seed: UInt64) -> (divisions: [RegionGazetteer.Division], carriers: [[RegionGazetteer.Division]]) {
        var random = SplitMix64(seed: seed)
        let oddCodes = ["1", "99", "0000000", "A10000", "１１００００", "", "100000a", "9999999"]
        func code() -> String {
            if !sixDigits && random.next() % 4 == 0 { return oddCodes[Int(random.next() % UInt64(oddCodes.count))] }
            return String(100_000 + Int(random.next() % 900_000))
        }
        let levels = ["province", "prefecture", "county"]
        var divisions: [RegionGazetteer.Division] = []
        var seen = Set<String>()
        while divisions.count < 300 {
            let own = code()
            guard seen.insert(own).inserted else { continue }
            // Parents: another division's code, a code of no division, or none.
            func parent() -> String? {
                switch random.next() % 3 {
                case 0: nil
                case 1: divisions.isEmpty ? nil : divisions[Int(random.next() % UInt64(divisions.count))].code
                default: code()
                }
            }
            divisions.append(
                RegionGazetteer.Division(
                    code: own, name: "地\(divisions.count)", level: levels[Int(random.next() % 3)], provinceCode: parent(),
                    prefectureCode: parent(), longitude: nil, latitude: nil))
        }
        let carriers = (0..<200).map { _ in (0..<Int(1 + random.next() % 3)).map { _ in divisions[Int(random.next() % 300)] } }
        return (divisions, carriers)
    }

    @Test("code numbers compare as the codes, parents included; carriers are their divisions", arguments: [true, false])
    func numbering(sixDigits: Bool) {
        let (divisions, carriers) = Self.divisions(sixDigits: sixDigits, seed: sixDigits ? 90 : 91)
        #expect(DivisionNumbers.sixDigitNumbers(divisions) == sixDigits)
        let numbers = DivisionNumbers(divisions: divisions, divisionsByNumber: carriers)
        for (i, left) in divisions.enumerated() {
            #expect(numbers.level[i] == Int8(RegionResolver.levelRank(left.level)))
            #expect((numbers.provinceCode[i] < 0) == (left.provinceCode == nil) && (numbers.prefectureCode[i] < 0) == (left.prefectureCode == nil))
            for (j, right) in divisions.enumerated() {
                #expect((numbers.code[i] < numbers.code[j]) == (left.code < right.code))
                #expect((numbers.provinceCode[i] == numbers.code[j]) == (left.provinceCode == right.code))
                #expect((numbers.prefectureCode[i] == numbers.code[j]) == (left.prefectureCode == right.code))
                #expect(
                    (numbers.prefectureCode[i] >= 0 && numbers.prefectureCode[i] == numbers.provinceCode[j])
                        == (left.prefectureCode != nil && left.prefectureCode == right.provinceCode))
            }
        }
        for (name, list) in carriers.enumerated() {
            #expect(numbers.carriers[name].map { divisions[Int($0)] } == list)
        }
    }

    @Test("six ASCII digits and nothing else spell a number") func sixDigits() {
        #expect(DivisionNumbers.sixDigitNumber("110000") == 110_000)
        #expect(DivisionNumbers.sixDigitNumber("000001") == 1)
        for code in ["", "11000", "1100000", "11000a", "１１００００", "-11000", "11 000"] { #expect(DivisionNumbers.sixDigitNumber(code) == nil, "\(code)") }
    }
}
