import Foundation
import Testing
@testable import ReportKit

/// The fast MinHash, normalisation and claim-collapsing code must give exactly the answers of the plain code.
@Suite("Dedup fast paths") struct DedupFastPathTests {
    /// With both ends of each ideograph range and their neighbours: the normalisation tests the ranges itself.
    static let alphabet = Array(
        "营商环境改革办事项123abcXYZ，。 \n\u{20000}\u{2FA1F}\u{2FA20}é\u{301}ñ€\u{F900}\u{FAFF}\u{3400}\u{9FFF}\u{E000}|"
            + "\u{33FF}\u{4DBF}\u{4DC0}\u{4DFF}\u{4E00}\u{A000}\u{F8FF}\u{FB00}\u{1FFFF}@[`{/:")

    static func randomText(_ random: inout SplitMix64, maxLength: Int) -> String {
        let length = Int(random.next() % UInt64(maxLength + 1))
        return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    @Test("one-pass normalisation equals the scalar filter") func normalisation() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let text = Self.randomText(&random, maxLength: 60)
            let scalars = MinHasher.normalizedScalars(text)
            var bytes: [UInt8] = []
            for scalar in scalars { ScalarText.appendUTF8(scalar, to: &bytes) }
            let fast = MinHasher.normalized(text)
            #expect(fast.utf8 == bytes, "\(text.debugDescription)")
            #expect(fast.values == scalars.map(\.value), "\(text.debugDescription)")
        }
    }

    @Test("signatures equal the shingle-by-shingle reference") func signatures() {
        var random = SplitMix64(seed: 11)
        for (shingleSize, permutations) in [(5, 128), (1, 7), (3, 9), (8, 4), (5, 1), (2, 130)] {
            let hasher = MinHasher(shingleSize: shingleSize, permutations: permutations)
            for _ in 0..<150 {
                let scalars = MinHasher.normalizedScalars(Self.randomText(&random, maxLength: 300))
                #expect(hasher.signature(ofNormalized: scalars) == hasher.referenceSignature(ofNormalized: scalars))
            }
            #expect(hasher.signature(ofNormalized: []) == hasher.referenceSignature(ofNormalized: []))
        }
    }

    /// Every kernel, on every slot count (multiples of 64, of 16, of 8, of 4, and remainders), gives the reference
    /// signature. A kernel the CPU cannot run is skipped; the test records that instead of passing quietly.
    @Test("the AVX-512, AVX2 and portable kernels give the reference signature") func kernels() {
        var random = SplitMix64(seed: 23)
        var kernels: [MinHasher.Kernel] = [.portable]
        if MinHasher.Kernel.avx512Available { kernels.append(.avx512) } else { print("note: no AVX-512 on this CPU; its kernel was not run") }
        if MinHasher.Kernel.avx2Available { kernels.append(.avx2) } else { print("note: no AVX2 on this CPU; its kernel was not run") }
        for permutations in [128, 64, 72, 8, 13, 3, 200, 4, 20, 23, 1] {
            let hasher = MinHasher(shingleSize: 5, permutations: permutations)
            for _ in 0..<60 {
                let values = MinHasher.normalizedScalars(Self.randomText(&random, maxLength: 400)).map(\.value)
                let reference = hasher.referenceSignature(ofNormalized: values.compactMap(Unicode.Scalar.init))
                for kernel in kernels { #expect(hasher.signature(ofValues: values, kernel: kernel) == reference, "\(kernel) at \(permutations)") }
            }
        }
        #expect(MinHasher.Kernel.fastest == (MinHasher.Kernel.avx512Available ? .avx512 : MinHasher.Kernel.avx2Available ? .avx2 : .portable))
    }

    /// The AVX-512 and AVX2 shingle hashes equal the portable ones for every shingle size, on texts shorter than a
    /// shingle, as long as one, and long enough for whole vectors and a tail.
    @Test("AVX-512 and AVX2 shingle hashes equal the portable ones") func shingleKernels() throws {
        var kernels: [MinHasher.Kernel] = []
        if MinHasher.Kernel.avx512Available { kernels.append(.avx512) } else { print("note: no AVX-512 on this CPU; its shingle hashes were not run") }
        if MinHasher.Kernel.avx2Available { kernels.append(.avx2) } else { print("note: no AVX2 on this CPU; its shingle hashes were not run") }
        var random = SplitMix64(seed: 31)
        for size in 1...9 {
            for length in Array(0...40) + [63, 64, 65, 1000] {
                let values = (0..<length).map { _ in
                    random.next() % 4 == 0 ? UInt32.max - UInt32(random.next() % 3) : UInt32(truncatingIfNeeded: random.next() % 0x30000)
                }
                for kernel in kernels {
                    #expect(MinHasher.shingleHashes(values, size: size, kernel: kernel) == MinHasher.shingleHashes(values, size: size),
                            "\(kernel), size \(size), \(length) values")
                }
            }
        }
    }

    @Test("collapsing repeated claims equals the key-string definition") func collapse() {
        var random = SplitMix64(seed: 5)
        let indicators = ["可办率", "事项", "e\u{301}", "é", "a|b", "a", "", "办件量"]
        let periods: [String?] = [nil, "", "今年以来", "a|", "去年"]
        let values: [Double] = [1, 2, 0, -0.0, 24, .nan, 1e16, 0.1 + 0.2, 0.3]
        func pick<T>(_ choices: [T], clean: Bool, _ isClean: (T) -> Bool) -> T {
            let usable = clean ? choices.filter(isClean) : choices
            return usable[Int(random.next() % UInt64(usable.count))]
        }
        func metric(_ index: Int, clean: Bool) -> Metric {
            let noBar: (String?) -> Bool = { !($0 ?? "").contains("|") }
            return Metric(
                metricID: "r-\(index)", reportID: "r", indicator: pick(indicators, clean: clean, noBar), category: "其他",
                value: 1, unit: "项", valueNormalized: pick(values, clean: clean) { !$0.isNaN },
                unitNormalized: pick(["item", "percent", "it|em"], clean: clean, noBar), qualifier: "exact", valueMax: nil,
                baselineValue: nil, kind: pick(["level", "increase"], clean: clean, noBar), period: pick(periods, clean: clean, noBar),
                quote: "", sentence: "", charStart: index, charEnd: index + 1)
        }
        for round in 0..<3000 {
            // Mostly claims the fast path takes (no `|`, no NaN); some that send it to the key strings.
            let count = Int(random.next() % (round < 2900 ? 12 : 300))
            let clean = round % 4 != 0
            let metrics = (0..<count).map { metric($0, clean: clean) }
            let fast = Deduplicator.collapseRepeated(metrics).map(\.metricID)
            #expect(fast == Deduplicator.collapseRepeatedByKey(metrics).map(\.metricID))
        }
    }

    /// The counting pass orders indices as sorting them by (root, index) does: for union-find roots (each the
    /// smallest index of its cluster) and for any roots below the count, including all equal and all distinct.
    @Test("indices by root equal the sort by (root, index)") func indicesByRoot() {
        var random = SplitMix64(seed: 61)
        for trial in 0..<400 {
            let count = Int(random.next() % 60)
            var roots: [Int]
            switch trial % 4 {
            case 0: roots = Array(0..<count)
            case 1: roots = Array(repeating: 0, count: count)
            case 2: roots = (0..<count).map { _ in Int(random.next() % UInt64(max(count, 1))) }
            default:
                roots = Array(0..<count)
                for index in roots.indices where index > 0 && random.next() % 3 == 0 {
                    roots[index] = roots[Int(random.next() % UInt64(index))]  // joins an earlier cluster
                }
            }
            let expected = roots.indices.sorted { (roots[$0], $0) < (roots[$1], $1) }
            #expect(Deduplicator.indicesByRoot(roots) == expected)
        }
    }
}
