import Foundation
import Testing
@testable import ReportKit

/// The clean stage decides the script from a tally kept while normalising and corrected by mojibake repair; it
/// must equal counting the text that reaches the pinyin stripper.
@Suite("Script markers tallied on the way") struct ScriptMarkerTallyTests {
    static let markers = ["們", "這", "個", "與", "營", "環", "们", "这", "个", "与", "营", "环", "海", "口"]

    @Test("the normaliser's tally equals counting its output") func normalizerTally() {
        var generator = SplitMix64(seed: 71)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Bool.random(using: &generator)
                    ? OnePassCleanTests.randomText(&generator, maxPieces: 3) : Self.markers.randomElement(using: &generator)!
            }.joined()
            let normalized = TextNormalizer().normalize(text)
            #expect(normalized.scriptMarkers == ChineseScriptConverter.scriptMarkerTally(normalized.text), "\(text.debugDescription)")
        }
    }

    @Test("mojibake repair reports how it changed the tally") func repairChange() throws {
        var sources: [String] = []
        for seed in ["001", "002", "003", "004", "005"] {
            guard let url = try? TestSupport.seed(seed), let bytes = try? Array(Data(contentsOf: url)),
                let (text, _) = try? EncodingDetector().decode(bytes, path: url.lastPathComponent, isHTML: false)
            else { continue }
            sources.append(TextNormalizer().normalize(text).text)
        }
        sources.append("海口的事。??谑锌崭酆娇瞻l(fā)营商環境，們這個")
        // Each source also cut in pieces, so that runs are repaired (or not) against other neighbours.
        var texts: [String] = []
        for text in sources {
            let scalars = Array(text.unicodeScalars)
            texts.append(text)
            for piece in stride(from: 0, to: scalars.count, by: 700) {
                texts.append(String(scalars: Array(scalars[piece..<min(scalars.count, piece + 1400)])))
            }
        }
        var changed = 0
        for text in texts {
            let result = MojibakeRepair().repair(text)
            if result.scriptMarkerChange != ScriptMarkerTally() { changed += 1 }
            var tally = ChineseScriptConverter.scriptMarkerTally(text)
            tally.add(result.scriptMarkerChange)
            #expect(tally == ChineseScriptConverter.scriptMarkerTally(result.text))
        }
        #expect(changed >= 2)  // repairs that bring markers in are exercised
    }
}
