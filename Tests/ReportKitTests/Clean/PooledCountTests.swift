import Foundation
import Testing
@testable import ReportKit

/// The pooled ideograph tables and the array-tallied quality flags must answer exactly as plain dictionaries do.
@Suite("Pooled counts and flag tallies") struct PooledCountTests {
    /// Random texts of ideographs from both BMP blocks, one above the BMP, ASCII and `?` runs.
    static func randomText(_ random: inout SplitMix64) -> String {
        let alphabet = Array("海口市空港航空發营商环境谑锌崭??!a，\u{3400}\u{9FFF}\u{F900}\u{FAFF}\u{20000}".unicodeScalars)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...400, using: &random) {
            scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
        }
        return String(scalars)
    }

    @Test("character counts from reused tables equal dictionary counts") func reusedTables() throws {
        var random = SplitMix64(seed: 73)
        var texts = (0..<60).map { _ in Self.randomText(&random) }
        for prefix in ["000", "001", "002", "003", "004"] {
            texts.append(try String(contentsOf: try TestSupport.seed(prefix), encoding: .utf8))
        }
        // Several documents counted at once and one after another, so tables go back to the pool and come out again.
        for batch in stride(from: 0, to: texts.count, by: 3) {
            let documents = texts[batch..<min(batch + 3, texts.count)].map { text in
                let scalars = Array(text.unicodeScalars)
                let runs = MojibakeRepair.findRuns(scalars)
                return (scalars, runs, MojibakeRepair.frequencyOutside(runs, in: scalars))
            }
            for (scalars, runs, frequency) in documents {
                var expected: [Unicode.Scalar: Int] = [:]
                var start = 0
                for stretch in runs.map({ $0.start..<$0.end }) + [scalars.count..<scalars.count] {
                    for scalar in scalars[start..<stretch.lowerBound] where CJK.isIdeograph(scalar) { expected[scalar, default: 0] += 1 }
                    start = stretch.upperBound
                }
                for scalar in Set(scalars).union("海谑\u{4E00}x".unicodeScalars) {
                    #expect(frequency.count(scalar) == expected[scalar, default: 0])
                }
            }
        }
    }

    @Test("counts past a byte's range go on exactly, and the table comes back clean") func overflowingCounts() {
        let counts: [(Unicode.Scalar, Int)] = [("海", 700), ("口", 254), ("市", 255), ("空", 256), ("\u{F900}", 600), ("\u{3400}", 1)]
        for round in 0..<3 {
            // Counted one after another: each document gets a table the one before handed back.
            let text = counts.map { String(repeating: String($0.0), count: $0.1 + round) }.joined() + "??谑锌崭"
            let scalars = Array(text.unicodeScalars)
            let frequency = MojibakeRepair.frequencyOutside(MojibakeRepair.findRuns(scalars), in: scalars)
            for (scalar, count) in counts { #expect(frequency.count(scalar) == count + round, "\(scalar)") }
            #expect(frequency.count("港") == 0)
        }
        let scalars = Array("港".unicodeScalars)
        let fresh = MojibakeRepair.frequencyOutside([], in: scalars)
        #expect(fresh.count("海") == 0 && fresh.count("空") == 0 && fresh.count("港") == 1)
    }

    /// ``MojibakeRepair``'s edge choice skips the pair search for an ideograph that is not counted: it relies on every
    /// ideograph found beside a neighbour being counted too (both are read from the stretches outside the runs).
    @Test("an ideograph beside a neighbour is always among the counted characters") func pairsImplyCounts() {
        var random = SplitMix64(seed: 89)
        var pairsSeen = 0
        for _ in 0..<200 {
            let scalars = Array(Self.randomText(&random).unicodeScalars)
            let runs = MojibakeRepair.findRuns(scalars)
            let frequency = MojibakeRepair.frequencyOutside(runs, in: scalars)
            for neighbour in Set(scalars) {
                for after in [false, true] {
                    for value in frequency.standing(nextTo: neighbour, after: after) {
                        let scalar = Unicode.Scalar(value)!
                        guard CJK.isIdeograph(scalar) else { continue }
                        pairsSeen += 1
                        #expect(frequency.count(scalar) > 0, "\(scalar) beside \(neighbour)")
                    }
                }
            }
        }
        #expect(pairsSeen > 1000)
    }

    @Test("quality flags equal a dictionary tally sorted by name") func qualityFlags() throws {
        var random = SplitMix64(seed: 79)
        let names = [
            QualityFlagName.pinyinRemoved, QualityFlagName.mojibakeRepaired, QualityFlagName.mojibakeUnrepaired,
            QualityFlagName.boilerplateRemoved, QualityFlagName.fullwidthNormalized, QualityFlagName.bylineParsed,
        ]
        let base = try TestSupport.clean(try TestSupport.seed("001"))
        for _ in 0..<200 {
            let repairs = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                let name = names[Int.random(in: 0..<names.count, using: &random)]
                let before = Bool.random(using: &random) ? "\(Int.random(in: 1...9, using: &random)) characters" : "x"
                return Repair(flag: name, before: before, after: "")
            }
            let unrepaired = Int.random(in: 0...2, using: &random)
            let document = CleanedDocument(
                source: base.source, sha256: base.sha256, byteCount: base.byteCount, format: base.format,
                encoding: base.encoding, text: "", originalScript: "simplified", hints: base.hints, repairs: repairs,
                unrepairedMojibake: unrepaired)
            var expected: [String: Int] = [:]
            for repair in repairs {
                let amount = repair.flag == QualityFlagName.fullwidthNormalized
                    ? Int(repair.before.split(separator: " ").first ?? "1") ?? 1 : 1
                expected[repair.flag, default: 0] += amount
            }
            if unrepaired > 0 { expected[QualityFlagName.mojibakeUnrepaired] = unrepaired }
            let tallied = document.qualityFlags
            #expect(tallied.map(\.name) == expected.keys.sorted())
            #expect(tallied.map(\.count) == expected.keys.sorted().map { expected[$0]! })
        }
    }

    @Test("the question-mark skip stops where a scalar-by-scalar search does") func questionMarkSkip() {
        var random = SplitMix64(seed: 83)
        for _ in 0..<300 {
            let scalars = Array(Self.randomText(&random).unicodeScalars)
            for start in scalars.indices {
                let expected = scalars[start..<(scalars.count - 1)].firstIndex(of: "?") ?? scalars.count - 1
                #expect(MojibakeRepair.firstQuestionMark(in: scalars, from: start) == expected)
            }
        }
    }
}
