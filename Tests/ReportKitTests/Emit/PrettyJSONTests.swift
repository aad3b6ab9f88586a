import Foundation
import Testing
@testable import ReportKit

/// PrettyJSON prints what JSONSerialization prints with sorted keys, pretty printing and unescaped slashes (its
/// definition), for objects given as dictionaries or as member lists. Within what provenance holds: keys of
/// lower-case ASCII without runs of digits to compare (JSONSerialization sorts "Z" after "a" and "x10" after
/// "x2"), and no U+2028 (which PrettyJSON escapes, as the JSON Lines tables do).
@Suite("PrettyJSON") struct PrettyJSONTests {
    static let keys = ["path", "outcome", "sha256", "bytes", "report_id", "http", "a", "b_c", "url", "x1", "x2"]
    static let strings = ["", "corpus/000001.txt", "营商环境", "a\"b\\c", "line\nbreak", "tab\t", "é/ü", "\u{7F}\u{1}", "ok"]

    /// A random value as PrettyJSON and as the Foundation object JSONSerialization takes.
    static func value(_ random: inout SplitMix64, depth: Int) -> (PrettyJSON, Any) {
        switch random.next() % (depth > 2 ? 3 : 6) {
        case 0:
            let text = strings[Int(random.next() % UInt64(strings.count))]
            return (.string(text), text)
        case 1:
            let number = Int(truncatingIfNeeded: random.next() % 2_000_000) - 1_000_000
            return (.integer(number), number)
        case 2:
            let flag = random.next() % 2 == 0
            return (.bool(flag), flag)
        case 3:
            let elements = (0..<Int(random.next() % 4)).map { _ in value(&random, depth: depth + 1) }
            return (.array(elements.map(\.0)), elements.map(\.1))
        default:
            var members: [(key: String, value: PrettyJSON)] = []
            var object: [String: Any] = [:]
            for key in keys.shuffled(using: &random).prefix(Int(random.next() % 5)) {
                let (pretty, foundation) = value(&random, depth: depth + 1)
                members.append((key, pretty))
                object[key] = foundation
            }
            let asDictionary = random.next() % 2 == 0
            return (asDictionary ? .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) })) : .members(members), object)
        }
    }

    @Test("random values print as JSONSerialization prints them") func matchesFoundation() throws {
        var random = SplitMix64(seed: 53)
        for _ in 0..<300 {
            var (pretty, foundation) = Self.value(&random, depth: 0)
            if !(foundation is [String: Any]) {  // a top-level object, as provenance is
                pretty = .members([("value", pretty)])
                foundation = ["value": foundation]
            }
            var out: [UInt8] = []
            pretty.write(to: &out) { _ in }
            let expected = try JSONSerialization.data(withJSONObject: foundation, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            #expect(String(decoding: out, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }
}
