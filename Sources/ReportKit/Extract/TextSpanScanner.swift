/// The state of ``TextSpans/init(_:)``'s pass over the flagged scalars: sentences, plainness and every bracket
/// pair at once.
struct TextSpanScanner {
    private(set) var isPlain = true
    private(set) var sentences: [Range<Int>] = []
    /// Insides of `《》`.
    private(set) var titles: [Range<Int>] = []
    /// Insides of the pairs of ``TextSpans/quotePairs``, one list each: separate stored lists (and open
    /// positions, -1 for none) rather than arrays of them, whose every append checked and copied two levels.
    private var doubleQuoted: [Range<Int>] = []
    private var singleQuoted: [Range<Int>] = []
    private var cornerQuoted: [Range<Int>] = []
    private var straightQuoted: [Range<Int>] = []
    private var openTitle = -1
    private var openDouble = -1
    private var openSingle = -1
    private var openCorner = -1
    private var openStraight = -1
    private var start = 0
    /// After a sentence ender, over the closers that belong to it.
    private var extending = false
    /// While ``extending``: one past the ender or the last closer after it. Only marked scalars are visited and a
    /// closer is marked, so a visit beyond this position means the scalar here was no closer: the sentence ended here.
    private var extendedTo = 0

    /// `utf8Count`, the text's length in bytes, sizes the sentence list (a sentence is rarely under 16 bytes).
    init(utf8Count: Int) {
        sentences.reserveCapacity(utf8Count / 16 + 1)
        // A report names a few titles and a dozen or so quoted slogans: room for them at once instead of growing.
        titles.reserveCapacity(4)
        doubleQuoted.reserveCapacity(16)
    }

    /// The insides of the quotation pairs, in the order of ``TextSpans/quotePairs``.
    var quoted: [[Range<Int>]] { [doubleQuoted, singleQuoted, cornerQuoted, straightQuoted] }

    /// Visits the scalars whose `flags` (``TextSpans/flags(_:)``, one per scalar) hold a ``TextSpans/spanFlags`` bit:
    /// the others change nothing here.
    mutating func scan(_ scalars: [Unicode.Scalar], flags: [UInt8]) {
        scalars.withUnsafeBufferPointer { scalars in
            flags.withUnsafeBufferPointer { flags in
                var index = ScalarFlagSearch.firstIndex(in: flags, matching: TextSpans.spanFlags, from: 0)
                while index < flags.count {
                    visitMarked(scalars[index], at: index, flags: flags[index])
                    index = ScalarFlagSearch.firstIndex(in: flags, matching: TextSpans.spanFlags, from: index + 1)
                }
            }
        }
    }

    /// A scalar that is not plain, a closer or structural.
    private mutating func visitMarked(_ scalar: Unicode.Scalar, at index: Int, flags: UInt8) {
        if flags & TextSpans.notPlainFlag != 0 { isPlain = false }
        if extending {
            if index > extendedTo || flags & TextSpans.closerFlag == 0 {
                // The sentence ends at the first scalar after the ender and its closers: an unvisited one, or this one.
                let end = min(index, extendedTo)
                sentences.append(start..<end)
                start = end
                extending = false
            } else {
                extendedTo = index + 1
            }
        }
        guard flags & TextSpans.structuralFlag != 0 else { return }
        if !extending && TextSpans.isSentenceEnder(scalar) {
            extending = true
            extendedTo = index + 1
        }
        // The pairs share no scalar, so at most one pair has work here: the one this scalar belongs to.
        switch scalar {
        case "\n":
            openTitle = -1
            openDouble = -1
            openSingle = -1
            openCorner = -1
            openStraight = -1
        case "《": openTitle = index
        case "》": Self.close(&titles, &openTitle, at: index, maxLength: 80)
        case "“": openDouble = index
        case "”": Self.close(&doubleQuoted, &openDouble, at: index, maxLength: 400)
        case "‘": openSingle = index
        case "’": Self.close(&singleQuoted, &openSingle, at: index, maxLength: 400)
        case "「": openCorner = index
        case "」": Self.close(&cornerQuoted, &openCorner, at: index, maxLength: 400)
        case "\"":
            // The same mark opens and closes.
            if openStraight >= 0 { Self.close(&straightQuoted, &openStraight, at: index, maxLength: 400) } else { openStraight = index }
        default: return
        }
    }

    /// A closing mark at `index`: the inside of the open pair, when one is open and not longer than `maxLength`.
    @inline(__always)
    private static func close(_ spans: inout [Range<Int>], _ opened: inout Int, at index: Int, maxLength: Int) {
        guard opened >= 0 else { return }
        if index - opened - 1 <= maxLength { spans.append((opened + 1)..<index) }
        opened = -1
    }

    /// Closes the last sentence of a text of `count` scalars.
    mutating func finish(count: Int) {
        if extending && extendedTo < count {
            sentences.append(start..<extendedTo)
            start = extendedTo
        }
        if start < count { sentences.append(start..<count) }
    }
}
