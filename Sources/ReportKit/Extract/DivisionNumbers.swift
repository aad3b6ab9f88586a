/// The gazetteer's divisions as numbers for ``RegionResolver``: what it asks of a division (its code, its province's
/// and prefecture's codes, its level) as integers, so that resolving a report compares and copies no String and
/// retains nothing. A ``RegionGazetteer/Division`` holds five Strings: each copy retained all of them.
struct DivisionNumbers: Sendable {
    /// For each name number, the divisions that carry it (``RegionGazetteer/divisionsByNumber``), as indices into
    /// ``RegionGazetteer/divisions``: each the division ``RegionGazetteer/division(code:)`` gives for its code.
    let carriers: [[Int32]]
    /// Per division: its code as a number, numbered so that comparing two numbers compares the codes as Strings, and
    /// equal numbers are equal codes (six-digit codes are the numbers they spell; any others their place in order).
    let code: [Int32]
    /// Per division: the number of its province code and of its prefecture code (``code``'s numbering), -1 for none.
    let provinceCode: [Int32]
    let prefectureCode: [Int32]
    /// Per division: ``RegionResolver/levelRank(_:)`` of its level.
    let level: [Int8]

    init(divisions: [RegionGazetteer.Division], divisionsByNumber: [[RegionGazetteer.Division]]) {
        let numberOfCode = Self.sixDigitNumbers(divisions) ? { Self.sixDigitNumber($0)! } : Self.codeOrderNumbers(divisions)
        var code: [Int32] = []
        var provinceCode: [Int32] = []
        var prefectureCode: [Int32] = []
        var level: [Int8] = []
        for index in divisions.indices {
            code.append(numberOfCode(divisions[index].code))
            provinceCode.append(divisions[index].provinceCode.map(numberOfCode) ?? -1)
            prefectureCode.append(divisions[index].prefectureCode.map(numberOfCode) ?? -1)
            level.append(Int8(RegionResolver.levelRank(divisions[index].level)))
        }
        // The last division with a code, as in the gazetteer's `byCode`.
        var divisionOfCode: [Int32: Int32] = [:]
        divisionOfCode.reserveCapacity(code.count)
        for (index, number) in code.enumerated() { divisionOfCode[number] = Int32(index) }
        carriers = divisionsByNumber.map { $0.map { divisionOfCode[numberOfCode($0.code)]! } }
        self.code = code
        self.provinceCode = provinceCode
        self.prefectureCode = prefectureCode
        self.level = level
    }

    /// True when every code is six ASCII digits (as GB/T 2260 codes are): then each is numbered by the number it spells,
    /// as Strings of equal length made of digits compare as their numbers do. Hashing and sorting the codes as Strings
    /// instead cost about 30 M instructions at start-up.
    static func sixDigitNumbers(_ divisions: [RegionGazetteer.Division]) -> Bool {
        divisions.indices.allSatisfy { index in
            sixDigitNumber(divisions[index].code) != nil && divisions[index].provinceCode.map(sixDigitNumber) != .some(nil)
                && divisions[index].prefectureCode.map(sixDigitNumber) != .some(nil)
        }
    }

    /// The number six ASCII digits spell, or nil.
    static func sixDigitNumber(_ code: String) -> Int32? {
        var code = code
        return code.withUTF8 { bytes in
            guard bytes.count == 6 else { return nil }
            var value: Int32 = 0
            for byte in bytes {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value &* 10 &+ Int32(byte &- UInt8(ascii: "0"))
            }
            return value
        }
    }

    /// Any codes numbered by their place in ascending String order.
    static func codeOrderNumbers(_ divisions: [RegionGazetteer.Division]) -> (String) -> Int32 {
        var codes = Set<String>()
        for division in divisions {
            codes.insert(division.code)
            if let province = division.provinceCode { codes.insert(province) }
            if let prefecture = division.prefectureCode { codes.insert(prefecture) }
        }
        var numbers: [String: Int32] = [:]
        for (number, code) in codes.sorted().enumerated() { numbers[code] = Int32(number) }
        return { numbers[$0]! }
    }
}
