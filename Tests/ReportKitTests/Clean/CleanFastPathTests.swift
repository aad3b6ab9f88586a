import Testing
@testable import ReportKit

/// The cheap checks the clean stage uses must give exactly the answers of the slower code they replace.
@Suite("Clean stage fast paths") struct CleanFastPathTests {
    @Test("sorted-array counts equal dictionary counts") func sortedCounts() {
        let values: [UInt32] = [5, 3, 9, 3, 3, 1, 9, 12, 0]
        let sorted = values.sorted()
        for probe: UInt32 in 0...14 {
            let expected = values.filter { $0 == probe }.count
            #expect(MojibakeRepair.Frequencies.occurrences(of: probe, inSorted: sorted) == expected)
        }
        #expect(MojibakeRepair.Frequencies.occurrences(of: 7, inSorted: [UInt32]()) == 0)
    }

    @Test("frequencies count ideographs and bigrams outside the runs") func frequencies() {
        let scalars = Array("海口海??谑口海".unicodeScalars)
        let runs = MojibakeRepair.findRuns(scalars)
        let frequency = MojibakeRepair.frequencyOutside(runs, in: scalars)
        var characters: [Unicode.Scalar: Int] = [:]
        var bigrams: [String: Int] = [:]
        var index = 0
        var previous: Unicode.Scalar?
        var runIndex = 0
        while index < scalars.count {
            if runIndex < runs.count, index == runs[runIndex].start {
                index = runs[runIndex].end
                runIndex += 1
                previous = nil
                continue
            }
            if CJK.isIdeograph(scalars[index]) { characters[scalars[index], default: 0] += 1 }
            if let previous { bigrams["\(previous)\(scalars[index])", default: 0] += 1 }
            previous = scalars[index]
            index += 1
        }
        for scalar in "海口谑?x".unicodeScalars {
            #expect(frequency.count(scalar) == characters[scalar, default: 0])
            for second in "海口谑?x".unicodeScalars {
                #expect(frequency.count(scalar, second) == bigrams["\(scalar)\(second)", default: 0])
            }
        }
        #expect(frequency.count("海") == 2)
    }

    @Test("tone-mark range check agrees with the set for every BMP scalar") func toneMarks() {
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(PinyinAnnotationStripper.isToneMarked(scalar) == PinyinAnnotationStripper.toneMarked.contains(scalar))
        }
    }

    @Test("script detection counts Traditional-only and Simplified-only characters") func script() {
        #expect(ChineseScriptConverter.isTraditional("營商環境：們這個"))
        #expect(!ChineseScriptConverter.isTraditional("們這"))
        #expect(!ChineseScriptConverter.isTraditional("們這個们这个"))
        #expect(ChineseScriptConverter.isTraditional("們這個们这"))
        #expect(!ChineseScriptConverter.isTraditional("营商环境"))
        #expect(ChineseScriptConverter.scriptMarkers["與"] == true)
        #expect(ChineseScriptConverter.scriptMarkers["与"] == false)
        #expect(ChineseScriptConverter.scriptMarkers["海"] == nil)
    }
}
