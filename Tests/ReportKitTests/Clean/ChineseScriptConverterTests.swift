import Dispatch
import Foundation
import Synchronization
import Testing
@testable import ReportKit

@Suite("ChineseScriptConverter") struct ChineseScriptConverterTests {
    /// Threads converting at once each get a converter of their own and the same answers as one thread alone.
    @Test("converts on many threads at once with the same results") func concurrent() throws {
        let texts = ["營商環境持續優化", "這個縣的審批時間縮短了", "們來說對會為時國與發經實現", "海口市空港航空發動機維修"]
        let expected = try texts.map { try ChineseScriptConverter.shared.toSimplified($0) }
        #expect(expected[0] == "营商环境持续优化")
        let results = Mutex([String?](repeating: nil, count: 64))
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let converted = try? ChineseScriptConverter.shared.toSimplified(texts[index % texts.count])
            results.withLock { $0[index] = converted }
        }
        let all = results.withLock { $0 }
        for (index, result) in all.enumerated() { #expect(result == expected[index % texts.count]) }
    }

    /// The shipped configuration skips OpenCC's segmentation pass; this is the check that it still converts
    /// exactly as stock `t2s.json` does, on every seed and fixture as written and converted to Traditional.
    @Test("the unsegmented t2s gives the same text as stock t2s") func unsegmentedMatchesStock() throws {
        let shipped = try #require(ChineseScriptConverter.unsegmentedConfiguration)
        #expect(ChineseScriptConverter.shared.configuration == shipped)
        let texts = try Self.sampleTexts()
        #expect(texts.count > 20)
        var changed = 0  // texts the conversion altered: the comparison is not between two copies of the input
        for text in texts {
            for variant in [text, try ChineseScriptConverter.simplifiedToTraditional.convert(text)] {
                let stock = try ChineseScriptConverter.stockTraditionalToSimplified.convert(variant)
                #expect(try ChineseScriptConverter.shared.toSimplified(variant) == stock)
                if stock != variant { changed += 1 }
            }
        }
        #expect(changed > texts.count)
    }

    /// The seeds and fixtures as written, and a few texts with OpenCC's phrase entries.
    static func sampleTexts() throws -> [String] {
        var texts = ["乾隆皇帝的頭髮", "營商環境「一網通辦」，辦事處乾淨", "後來的著作裡，著名的干預", "只有1個隻", "於是乎鬱鬱蔥蔥"]
        let folders = [
            TestSupport.pipeline.appendingPathComponent("sources"), TestSupport.fixtures.appendingPathComponent("text"),
            TestSupport.fixtures.appendingPathComponent("html"),
        ]
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                    let text = String(data: data, encoding: .utf8)
                else { continue }
                texts.append(text)
            }
        }
        return texts
    }

    /// ``ChineseScriptConverter/shared`` converts from tables; OpenCC itself, with the same configuration, is the
    /// reference: on the seeds and fixtures (as written and in Traditional), on every BMP ideograph in a row and in
    /// reverse, on scalars above the BMP, on text holding a NUL (which the tables leave to OpenCC), and on random
    /// strings of characters and short pieces of those texts, where phrase entries overlap and cut each other.
    @Test("conversion from tables gives OpenCC's text") func tablesMatchOpenCC() throws {
        let shipped = try #require(ChineseScriptConverter.unsegmentedConfiguration)
        #expect(ChineseScriptConverter.shared.readsTables)
        let openCC = ChineseScriptConverter(configurations: [shipped], readsTables: false)
        #expect(!openCC.readsTables)
        var texts: [String] = []
        for text in try Self.sampleTexts() {
            texts += [text, try ChineseScriptConverter.simplifiedToTraditional.convert(text)]
        }
        let ideographs = (0x4E00...0x9FFF).compactMap(Unicode.Scalar.init)
        texts.append(String(String.UnicodeScalarView(ideographs)))
        texts.append(String(String.UnicodeScalarView(ideographs.reversed())))
        texts += ["", "a", "𠀀𠮷乾隆𪚥發", "乾隆\u{0}皇帝的頭髮", "\u{0}", "營商環境\r\n發展"]
        // Random strings of single characters and of two- to four-character pieces of the texts so far.
        var random = SplitMix64(seed: 20_261_207)
        let sources = texts.prefix(60)
        let pieces = sources.flatMap { text -> [String] in
            let scalars = Array(text.unicodeScalars)
            return stride(from: 0, to: max(scalars.count - 4, 0), by: 3).map { start in
                String(String.UnicodeScalarView(scalars[start..<(start + 2 + start % 3)]))
            }
        }
        let characters = Array(Set(sources.joined().unicodeScalars)).sorted { $0.value < $1.value }
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<40 {
                if Bool.random(using: &random) {
                    text += pieces.randomElement(using: &random)!
                } else {
                    text.unicodeScalars.append(characters.randomElement(using: &random)!)
                }
            }
            texts.append(text)
        }
        var changed = 0  // texts the conversion altered
        for text in texts {
            let expected = try openCC.convert(text)
            #expect(try ChineseScriptConverter.shared.convert(text) == expected)
            if expected != text { changed += 1 }
        }
        #expect(changed > texts.count / 2)
    }
}

@Suite("ScriptConversionTable") struct ScriptConversionTableTests {
    /// OpenCC's `Conversion::Convert` over a `DictGroup`, step by step: at each character the first dictionary
    /// with a key starting there gives its longest such key's value; else the character is copied.
    static func referenceConvert(_ text: String, _ dictionaries: [[String: String]]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var index = 0
        while index < scalars.count {
            var match: (length: Int, value: String)?
            for dictionary in dictionaries {
                for (key, value) in dictionary {
                    let keyScalars = Array(key.unicodeScalars)
                    guard index + keyScalars.count <= scalars.count,
                        Array(scalars[index..<(index + keyScalars.count)]) == keyScalars,
                        keyScalars.count > (match?.length ?? 0)
                    else { continue }
                    match = (keyScalars.count, value)
                }
                if match != nil { break }
            }
            if let match {
                out += match.value
                index += match.length
            } else {
                out.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// Keys that are prefixes of one another, shared between dictionaries, longer values, empty values and
    /// scalars of every UTF-8 length: the tables answer as the step-by-step walk does on random texts.
    @Test("answers as OpenCC's longest-match walk") func matchesReferenceWalk() throws {
        let dictionaries: [[String: String]] = [
            ["ab": "X", "abc": "Y", "b𠮷": "Z", "發展": "发展", "é乾": ""],
            ["a": "1", "ab": "2", "b": "33", "發": "发", "𠮷": "吉", "乾": "干", "c": "c"],
        ]
        let sources = dictionaries.enumerated().flatMap { dictionary, entries in
            entries.map { ScriptConversionTable.Source(dictionary: dictionary, key: Array($0.key.utf8), value: Array($0.value.utf8)) }
        }
        let table = try #require(ScriptConversionTable(sources))
        let alphabet = Array("abcé發展乾𠮷z ".unicodeScalars)
        var random = SplitMix64(seed: 77)
        for length in 0..<400 {
            var text = ""
            for _ in 0..<(length % 23) { text.unicodeScalars.append(alphabet.randomElement(using: &random)!) }
            #expect(table.convert(text) == Self.referenceConvert(text, dictionaries))
        }
        #expect(table.convert("ab\u{0}c") == nil)
        // Keys OpenCC could not match the same way are refused: empty, holding NUL, or twice in one dictionary.
        #expect(ScriptConversionTable([.init(dictionary: 0, key: [], value: [0x61])]) == nil)
        #expect(ScriptConversionTable([.init(dictionary: 0, key: [0x61, 0], value: [0x61])]) == nil)
        #expect(ScriptConversionTable([.init(dictionary: 0, key: [0x61], value: [0])]) == nil)
        #expect(ScriptConversionTable([.init(dictionary: 1, key: [0x61], value: [0x62]), .init(dictionary: 1, key: [0x61], value: [0x63])]) == nil)
        #expect(ScriptConversionTable([.init(dictionary: 0, key: [0xE5, 0x8F], value: [0x62])]) == nil)
    }
}
