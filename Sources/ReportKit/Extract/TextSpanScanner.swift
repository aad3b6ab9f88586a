/// The state of ``TextSpans/init(_:)``'s one pass, fed each scalar as the text is decoded: sentences,
/// plainness and every bracket pair at once, so the scalars are not walked a second time.
struct TextSpanScanner {
    private(set) var isPlain = true
    private(set) var sentences: [Range<Int>] = []
    /// Insides of the pairs, 0 for `《》` and 1... for ``TextSpans/quotePairs``.
    private(set) var spans: [[Range<Int>]] = [[], [], [], [], []]
    private var start = 0
    /// After a sentence ender, over the closers that belong to it.
    private var extending = false
    /// Open positions, indexed like ``spans``.
    private var opened: [Int?] = [nil, nil, nil, nil, nil]

    @inline(__always)
    mutating func visit(_ scalar: Unicode.Scalar, at index: Int, flagTable: UnsafeBufferPointer<UInt8>) {
        let flags = scalar.value < 0x10000 ? flagTable[Int(scalar.value)] : TextSpans.flags(computedFor: scalar)
        if flags == 0 && !extending { return }
        visitMarked(scalar, at: index, flags: flags)
    }

    /// A scalar that is not plain, a closer, structural, or that follows a sentence ender.
    private mutating func visitMarked(_ scalar: Unicode.Scalar, at index: Int, flags: UInt8) {
        if flags & TextSpans.notPlainFlag != 0 { isPlain = false }
        if extending && flags & TextSpans.closerFlag == 0 {
            sentences.append(start..<index)
            start = index
            extending = false
        }
        guard flags & TextSpans.structuralFlag != 0 else { return }
        if !extending && TextSpans.isSentenceEnder(scalar) { extending = true }
        if scalar == "\n" {
            for pair in opened.indices { opened[pair] = nil }
            return
        }
        // The pairs share no scalar, so at most one pair has work here: the one this scalar belongs to.
        let pair: Int
        switch scalar {
        case "《", "》": pair = 0
        case "“", "”": pair = 1
        case "‘", "’": pair = 2
        case "「", "」": pair = 3
        case "\"": pair = 4
        default: return
        }
        let (open, close, maxLength): (Unicode.Scalar, Unicode.Scalar, Int) =
            pair == 0 ? ("《", "》", 80) : (TextSpans.quotePairs[pair - 1].0, TextSpans.quotePairs[pair - 1].1, 400)
        if open == close {
            guard scalar == open else { return }
            if let begin = opened[pair] {
                if index - begin - 1 <= maxLength { spans[pair].append((begin + 1)..<index) }
                opened[pair] = nil
            } else {
                opened[pair] = index
            }
        } else if scalar == open {
            opened[pair] = index
        } else if scalar == close, let begin = opened[pair] {
            if index - begin - 1 <= maxLength { spans[pair].append((begin + 1)..<index) }
            opened[pair] = nil
        }
    }

    /// Closes the last sentence of a text of `count` scalars.
    mutating func finish(count: Int) {
        if start < count { sentences.append(start..<count) }
    }
}
