import Foundation

/// China's administrative divisions (provinces, prefectures, counties) with GB/T 2260 codes and
/// coordinates, loaded from the bundled `gazetteer.csv` (see `Resources/README.md` for its source).
public final class RegionGazetteer: Sendable {
    public struct Division: Sendable, Equatable {
        public let code: String
        public let name: String
        /// province | prefecture | county
        public let level: String
        public let provinceCode: String?
        public let prefectureCode: String?
        public let longitude: Double?
        public let latitude: Double?
    }

    public let divisions: [Division]
    let byCode: [String: Division]
    /// Names by their first character, longest first, for scanning text.
    let namesByFirstScalar: [Unicode.Scalar: [[Unicode.Scalar]]]
    /// Every name and short form of ``nameTable(_:plain:)``, numbered for ``nameIndex``.
    let names: [String]
    /// The names starting with each scalar, in `namesByFirstScalar` order.
    let nameIndex: ScalarTable<[NameCandidate]>

    /// A name as the text scanner first meets it: its second scalar and length are kept inline so that most
    /// candidates are rejected without reading the name itself from another part of memory.
    struct NameCandidate: Sendable {
        /// Into ``names`` and ``nameScalars``.
        let number: Int
        let length: Int
        /// The name's second scalar, or its first for a one-character name.
        let second: Unicode.Scalar

        /// True when `scalars` hold this name at `index` (whose scalar is the name's first).
        func matches(_ scalars: [Unicode.Scalar], at index: Int, in gazetteer: RegionGazetteer) -> Bool {
            guard index + length <= scalars.count, length < 2 || scalars[index + 1] == second else { return false }
            return scalars.matches(gazetteer.nameScalars[number], at: index)
        }
    }

    public static let shared: RegionGazetteer = {
        do {
            return try RegionGazetteer()
        } catch {
            fatalError("The bundled gazetteer is missing or unreadable: \(error)")
        }
    }()

    /// Short forms that are ordinary words or too generic to stand for a place on their own.
    static let ambiguousShortForms: Set<String> = [
        "和平", "新华", "中山", "长安", "城关", "白云", "青山", "永定", "新城", "城中", "城东", "城西", "城北", "城南", "市中",
        "市南", "市北", "河东", "河西", "江南", "江北", "郊区", "城区", "矿区", "东区", "西区", "南区", "北区", "高新",
        "开发", "新区", "示范", "大同", "通州", "东方", "普通", "安全", "和田", "合作", "文明", "光明", "永和", "太平", "新市",
        "上城", "下城", "中原", "建设", "前进", "向阳", "红旗", "胜利", "友好", "铁西", "铁东", "明光", "金川", "全州",
        "宁国", "东城", "西城", "南城", "北城", "新兴", "兴业", "丰泽", "江城", "鼓楼", "市辖", "泰山", "长城", "黄山",
        "安定", "平安", "和平区", "龙江", "宜州", "共和", "城步", "临江", "三亚湾", "洋浦", "中方", "同心", "宁安",
    ]

    /// Administrative suffixes a short form drops (the first that fits).
    static let nameSuffixes = [
        "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "自治州", "自治县", "自治旗", "省", "市", "地区", "盟",
        "县", "区", "旗", "林区",
    ]

    static let ethnicGroups = [
        "蒙古族", "维吾尔族", "哈萨克族", "柯尔克孜族", "朝鲜族", "土家族", "布依族", "哈尼族", "傈僳族", "拉祜族", "东乡族",
        "纳西族", "景颇族", "达斡尔族", "仫佬族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "塔吉克族", "鄂温克族",
        "裕固族", "鄂伦春族", "藏族", "回族", "苗族", "彝族", "壮族", "满族", "侗族", "瑶族", "白族", "傣族", "黎族", "佤族",
        "畲族", "水族", "羌族", "土族", "怒族", "京族", "各族",
    ]

    public init() throws {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "csv", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "gazetteer", withExtension: "csv")
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        var divisions: [Division] = []
        for fields in Self.csvRows(text).dropFirst() {
            guard fields.count >= 7 else { continue }
            divisions.append(
                Division(
                    code: fields[0], name: fields[1], level: fields[2], provinceCode: fields[3].isEmpty ? nil : fields[3],
                    prefectureCode: fields[4].isEmpty ? nil : fields[4], longitude: Double(fields[5]),
                    latitude: Double(fields[6])))
        }
        self.divisions = divisions
        var byCode: [String: Division] = [:]
        for division in divisions { byCode[division.code] = division }
        self.byCode = byCode
        var index: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        var numbers: [Unicode.Scalar: [NameCandidate]] = [:]
        var names: [String] = []
        var divisionsByNumber: [[Division]] = []
        for (name, carriers) in Self.nameTable(divisions, plain: divisions.allSatisfy { ScalarText.isPlain($0.name) }) {
            let scalars = Array(name.unicodeScalars)
            if let first = scalars.first {
                index[first, default: []].append(scalars)
                let candidate = NameCandidate(number: names.count, length: scalars.count, second: scalars.dropFirst().first ?? first)
                numbers[first, default: []].append(candidate)
                names.append(name)
                divisionsByNumber.append(carriers)
            }
        }
        self.namesByFirstScalar = index
        self.names = names
        self.nameIndex = ScalarTable(numbers)
        self.nameScalars = names.map { Array($0.unicodeScalars) }
        self.scanTable = NameScanTable(names: nameScalars, surnames: RegionResolver.surnames)
        self.divisionsByNumber = divisionsByNumber
        self.divisionNumbers = DivisionNumbers(divisions: divisions, divisionsByNumber: divisionsByNumber)
    }

    /// Every name and short form with the divisions that carry it (more than one when ambiguous), longest first
    /// and, among names of one length, in descending String order (names are unique, so the order is total).
    ///
    /// `plain` says every division's name is plain (``TextSpans/isPlain(_:)``), and so is every name derived from
    /// them: then the names are grouped by their UTF-8 bytes and ordered by scalar count and scalars, which give
    /// String's answers there (a Character is a scalar, and NFC text compares by scalar values), instead of
    /// hashing and comparing Strings, which normalises CJK text first (0.1 G
    /// instructions at start-up). A unit test compares both ways.
    static func nameTable(_ divisions: [Division], plain: Bool) -> [(name: String, divisions: [Division])] {
        guard plain else {
            return group(divisions, by: { $0 }).map { (count: $0.key.count, name: $0.key, divisions: $0.value) }
                .sorted { ($0.count, $0.name) > ($1.count, $1.name) }.map { ($0.name, $0.divisions) }
        }
        return group(divisions, by: UTF8Key.init)
            .map { (scalars: ScalarText.decodedScalars($0.key.string), name: $0.key.string, divisions: $0.value) }
            .sorted { $0.scalars.count != $1.scalars.count ? $0.scalars.count > $1.scalars.count : $1.scalars.lexicographicallyPrecedes($0.scalars) }
            .map { ($0.name, $0.divisions) }
    }

    /// Name (as `key` makes it a dictionary key) → the divisions that carry it.
    private static func group<Key: Hashable>(_ divisions: [Division], by key: (String) -> Key) -> [Key: [Division]] {
        var byName: [Key: [Division]] = [:]
        for division in divisions {
            for name in Self.names(for: division) {
                let name = key(name)
                if !(byName[name]?.contains(division) ?? false) { byName[name, default: []].append(division) }
            }
        }
        // Municipalities appear twice (北京市 as province and as its prefecture-level 市辖区): keep the province.
        for (name, list) in byName where list.count > 1 {
            let provinces = list.filter { $0.level == "province" }
            if provinces.count == 1, list.allSatisfy({ $0.level == "province" || $0.provinceCode == provinces[0].code && $0.name == provinces[0].name }) {
                byName[name] = provinces
            }
        }
        return byName
    }

    /// The divisions that carry each name, by name number (more than one when the name is ambiguous).
    let divisionsByNumber: [[Division]]

    /// The divisions as numbers, for resolving a report without copying Strings.
    let divisionNumbers: DivisionNumbers

    /// ``nameIndex`` laid out flat, for scanning whole texts.
    let scanTable: NameScanTable

    /// ``names`` as scalars.
    let nameScalars: [[Unicode.Scalar]]

    public func division(code: String) -> Division? { byCode[code] }

    /// The length of the longest division name or short form that `scalars` starts with, if any.
    func leadingName(of scalars: [Unicode.Scalar]) -> Int? {
        scanTable.leadingName(of: scalars)
    }

    /// The full name and its short forms: 甘肃省 → 甘肃; 凤冈县 → 凤冈; 甘南藏族自治州 → 甘南; 延边朝鲜族自治州 → 延边州.
    /// By scalars when the name is plain (see ``plainNames(for:)``), else by Characters.
    static func names(for division: Division) -> [String] {
        plainNames(for: division) ?? referenceNames(for: division)
    }

    /// The names for `division` as the String rules below find them: the definition ``names(for:)`` must equal.
    static func referenceNames(for division: Division) -> [String] {
        // Two-character district names (北区, 东区, 城区, 郊区) are too generic to find in text; 睢县 and 和县 are not.
        if division.name.count <= 2 && division.name.hasSuffix("区") { return [] }
        var names = [division.name]
        var short = division.name
        for suffix in nameSuffixes where short.hasSuffix(suffix) && short.count > suffix.count + 1 {
            short = String(short.dropLast(suffix.count))
            break
        }
        // Strip ethnic names: 甘南藏族 → 甘南, 延边朝鲜族 → 延边, 恩施土家族苗族 → 恩施; 延边州 is common too.
        var strippedEthnic = false
        var stripping = true
        while stripping {
            stripping = false
            for people in ethnicGroups where short.hasSuffix(people) && short.count > people.count + 1 {
                short = String(short.dropLast(people.count))
                strippedEthnic = true
                stripping = true
            }
        }
        if strippedEthnic && division.name.hasSuffix("自治州") { names.append(short + "州") }
        if short != division.name, short.count >= 2, !ambiguousShortForms.contains(short) { names.append(short) }
        return names
    }
}
