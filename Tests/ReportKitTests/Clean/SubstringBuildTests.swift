import Testing
@testable import ReportKit

/// Texts rebuilt from substrings of the input (to skip validating its bytes again) must equal the texts the
/// scalar-by-scalar rebuild gives.
@Suite("Rebuilding from substrings") struct SubstringBuildTests {
    static let alphabet: [Unicode.Scalar] = Array("营商?!a1 \n（）\u{20000}é\u{301}€\u{FEFF}".unicodeScalars)

    static func randomScalars(_ random: inout SplitMix64, count: Int) -> [Unicode.Scalar] {
        (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
    }

    @Test("a substring at UTF-8 offsets between scalars is those scalars") func substring() {
        var random = SplitMix64(seed: 17)
        for _ in 0..<500 {
            let scalars = Self.randomScalars(&random, count: Int(random.next() % 40))
            let text = String(scalars: scalars)
            var offsets = [0]
            for scalar in scalars { offsets.append(offsets.last! + UTF8.width(scalar)) }
            let a = Int(random.next() % UInt64(offsets.count)), b = Int(random.next() % UInt64(offsets.count))
            let (low, high) = (min(a, b), max(a, b))
            let piece = ScalarText.substring(text, utf8: offsets[low]..<offsets[high])
            #expect(Array(piece.unicodeScalars) == Array(scalars[low..<high]))
        }
    }

    @Test("splicing replacements into the text equals rebuilding it from scalars") func splice() {
        var random = SplitMix64(seed: 29)
        for _ in 0..<1000 {
            let scalars = Self.randomScalars(&random, count: Int(random.next() % 200))
            let text = String(scalars: scalars)
            // Non-overlapping runs in order, some empty-handed replacements, some longer than the run.
            var runs: [(run: MojibakeRepair.Run, replacement: String)] = []
            var position = 0
            while position < scalars.count, random.next() % 3 != 0 {
                let start = position + Int(random.next() % 40)
                let end = min(scalars.count, start + 1 + Int(random.next() % 6))
                guard start < end else { break }
                let replacement = String(scalars: Self.randomScalars(&random, count: Int(random.next() % 8)))
                runs.append((MojibakeRepair.Run(start: start, end: end, swallowedParenthesis: false), replacement))
                position = end
            }
            var expected: [Unicode.Scalar] = []
            var cursor = 0
            for (run, replacement) in runs {
                expected += scalars[cursor..<run.start]
                expected += replacement.unicodeScalars
                cursor = run.end
            }
            expected += scalars[cursor...]
            let spliced = MojibakeRepair.splice(text, replacing: runs)
            #expect(Array(spliced.unicodeScalars) == expected)
            #expect(Array(spliced.utf8) == Array(String(scalars: expected).utf8))
        }
    }
}
