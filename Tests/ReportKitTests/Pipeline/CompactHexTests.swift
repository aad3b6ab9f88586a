import Testing
@testable import ReportKit

@Suite("CompactHex") struct CompactHexTests {
    /// Strings near the packing boundaries: hex and non-hex digits, upper case, empty, 63 to 65 digits.
    static func samples() -> [String] {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("0123456789abcdef") + ["A", "F", "g", "z", "-", "中"]
        var strings = ["", "0", "00", "000", "f", "ff", "0f", "f0", String(repeating: "f", count: 64), String(repeating: "0", count: 64)]
        for _ in 0..<400 {
            let length = [0, 1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65][Int(generator.next() % 12)]
            let hexOnly = generator.next() % 4 != 0
            strings.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(hexOnly ? 16 : alphabet.count))] }))
        }
        // Prefixes of one another, where ordering by words alone would tie.
        strings += ["ab", "ab0", "ab00", "abf", "a"]
        return strings
    }

    @Test("gives back the string it was made from, packed only when it is lowercase hex of at most 64 digits") func roundTrip() {
        for string in Self.samples() {
            let compact = CompactHex(string)
            #expect(compact.description == string)
            let packable = string.utf8.count <= 64 && string.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            #expect(compact.isPacked == packable, "\(string)")
        }
    }

    @Test("equality, hashing and order agree with String's") func agreesWithString() {
        let strings = Self.samples()
        for left in strings {
            for right in strings.prefix(120) {
                let (a, b) = (CompactHex(left), CompactHex(right))
                #expect((a == b) == (left == right), "\(left) == \(right)")
                #expect((a < b) == (left < right), "\(left) < \(right)")
                if left == right { #expect(a.hashValue == b.hashValue) }
            }
        }
        #expect(strings.map(CompactHex.init).sorted().map(\.description) == strings.sorted())
    }

    /// The sort through the first words orders as sorting by `<` does: packed and text keys mixed, prefixes of one
    /// another, equal keys, keys that share their first sixteen digits.
    @Test("sortedIndices orders as sorting by < does") func sortedIndices() {
        var generator = SplitMix64(seed: 71)
        let shared = String(repeating: "7", count: 16)
        let pool = Self.samples() + (0..<40).map { _ in shared + String(generator.next() % 1000, radix: 16) }
        for _ in 0..<50 {
            let keys = (0..<Int(generator.next() % 120)).map { _ in CompactHex(pool[Int(generator.next() % UInt64(pool.count))]) }
            let expected = keys.indices.sorted { keys[$0] < keys[$1] }
            #expect(CompactHex.sortedIndices(keys).map { keys[$0] } == expected.map { keys[$0] })
        }
    }
}
