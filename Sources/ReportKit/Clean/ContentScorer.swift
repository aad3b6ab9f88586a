/// Text and link lengths per element, and the readability-style content score.
///
/// The facts are kept in arrays indexed by node (a node the scorer never visits reads 0).
final class ContentScorer {
    let tree: HTMLTree
    private var textLengths: [Int]
    private var linkLengths: [Int]
    private var scores: [Double]
    private var candidates: [Int]
    /// ``HTMLContentExtractor/classWeight(words:name:)`` per element, worked out on first use (NaN: not yet).
    private var classWeights: [Double]

    init(tree: HTMLTree) {
        self.tree = tree
        let size = tree.nodes.count
        var textLengths = [Int](repeating: 0, count: size)
        var linkLengths = [Int](repeating: 0, count: size)
        var punctuation = [Int](repeating: 0, count: size)
        // The visited nodes, and the walk's stack: each node is pushed at most once, so `size` holds either.
        var visited = [Int](repeating: 0, count: size)
        var visitedCount = 0
        var stack = [Int](repeating: 0, count: size)
        tree.nodes.withUnsafeBufferPointer { nodes in
            tree.text.withUnsafeBufferPointer { text in
                visited.withUnsafeMutableBufferPointer { visited in
                    stack.withUnsafeMutableBufferPointer { stack in
                        // Depth-first pass, skipping elements that never hold content. Children are pushed in document
                        // order (so the last comes off first): this order decides which of two equal scores wins, and
                        // the order in which the scores are summed.
                        var top = 1  // stack[0] is the root, 0
                        while top > 0 {
                            top -= 1
                            let node = stack[top]
                            let tag = nodes[node].tag
                            if tag >= 0, tree.tags[tag].isSkipped || HTMLContentExtractor.isHidden(node, in: tree) { continue }
                            visited[visitedCount] = node
                            visitedCount += 1
                            var child = node + 1
                            while child < nodes[node].end {
                                stack[top] = child
                                top += 1
                                child = nodes[child].end
                            }
                        }
                    }
                }
                let order = visited[..<visitedCount]
                // Children before their parents: text and link lengths.
                for node in order.reversed() {
                    let tag = nodes[node].tag
                    guard tag >= 0 else {
                        let counts = Self.visibleAndPunctuationCounts(UnsafeBufferPointer(rebasing: text[nodes[node].textStart..<nodes[node].textEnd]))
                        textLengths[node] = counts.visible
                        punctuation[node] = counts.punctuation
                        continue
                    }
                    var length = 0
                    var links = 0
                    var child = node + 1
                    while child < nodes[node].end {
                        length += textLengths[child]
                        links += linkLengths[child]
                        child = nodes[child].end
                    }
                    textLengths[node] = length
                    linkLengths[node] = tree.tags[tag].isLink ? length : links
                }
            }
        }
        self.textLengths = textLengths
        self.linkLengths = linkLengths
        classWeights = Array(repeating: .nan, count: size)
        // Paragraph scores flow to the container and, halved, to its parent.
        var scores = [Double](repeating: 0, count: size)
        var isCandidate = [Bool](repeating: false, count: size)
        var candidates: [Int] = []
        func add(_ score: Double, to node: Int) {
            // A container is an ancestor of a visited text node, so it was visited.
            if !isCandidate[node] {
                isCandidate[node] = true
                candidates.append(node)
            }
            scores[node] += score
        }
        for node in visited[..<visitedCount] where tree.isText(node) {
            let length = textLengths[node]
            guard length >= 8, let parent = tree.parent(node), !tree.tag(parent)!.isLink else { continue }
            var paragraph = parent  // the enclosing block
            while !tree.tag(paragraph)!.isBlock, let up = tree.parent(paragraph) { paragraph = up }
            let score = 1 + Double(punctuation[node]) + min(Double(length) / 50, 3)
            let container = tree.tag(paragraph)!.scoresParent ? (tree.parent(paragraph) ?? paragraph) : paragraph
            add(score, to: container)
            if let grand = tree.parent(container) { add(score / 2, to: grand) }
        }
        self.scores = scores
        self.candidates = candidates
    }

    /// The scalars of valid UTF-8 `bytes` that are not Unicode `White_Space`, and those among `，。、；！？,;`,
    /// in one pass that decodes only the lead bytes such whitespace or punctuation can start with.
    static func visibleAndPunctuationCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (visible: Int, punctuation: Int) {
        var visible = 0
        var punctuation = 0
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            if lead >= 0xE4 && lead <= 0xE9 {  // U+4000…U+9FFF, CJK ideographs: neither whitespace nor punctuation
                visible += 1
                offset += 3
                continue
            }
            switch lead {
            case 0x00..<0x80:
                if !isWhiteSpaceProperty(UInt32(lead)) { visible += 1 }
                if lead == 0x2C || lead == 0x3B { punctuation += 1 }
                offset += 1
            case 0xE1...0xE3, 0xEF:  // U+1000…U+3FFF and U+F000…U+FFFF hold the three-byte whitespace and punctuation
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
                if !isWhiteSpaceProperty(value) { visible += 1 }
                if isPunctuation(value) { punctuation += 1 }
                offset += 3
            case 0xE0...0xEF:
                visible += 1
                offset += 3
            case 0xC2:  // U+0080…U+00BF: U+0085 and U+00A0 are whitespace
                if bytes[offset + 1] != 0x85 && bytes[offset + 1] != 0xA0 { visible += 1 }
                offset += 2
            case 0xC3...0xDF:
                visible += 1
                offset += 2
            default:  // four-byte scalars (valid text has no other lead bytes)
                visible += 1
                offset += 4
            }
        }
        return (visible, punctuation)
    }

    /// `scalar.properties.isWhitespace` for the Unicode `White_Space` list, without asking the property
    /// database (U+3000 is the list's last entry; a unit test compares every scalar).
    @inline(__always)
    static func isWhiteSpaceProperty(_ scalar: Unicode.Scalar) -> Bool { isWhiteSpaceProperty(scalar.value) }

    @inline(__always)
    static func isWhiteSpaceProperty(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    @inline(__always)
    private static func isPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF01, 0xFF1F, 0x2C, 0x3B: true  // ，。、；！？,;
        default: false
        }
    }

    func textLength(of node: Int) -> Int { textLengths[node] }

    func linkDensity(of node: Int) -> Double {
        let text = textLengths[node]
        return text == 0 ? 0 : Double(linkLengths[node]) / Double(text)
    }

    func classWeight(_ node: Int) -> Double {
        if classWeights[node].isNaN {
            // Without a read attribute the class and id words are one blank, which weighs nothing: the name alone counts.
            classWeights[node] =
                tree.nodes[node].attributeStart == tree.nodes[node].attributeEnd
                ? HTMLContentExtractor.nameWeight(tree.name(node))
                : HTMLContentExtractor.classWeight(words: tree.classAndID(node), name: tree.name(node))
        }
        return classWeights[node]
    }

    func bestCandidate() -> Int? {
        var best: (Int, Double)?
        for node in candidates {
            let score = (scores[node] + classWeight(node)) * (1 - linkDensity(of: node))
            if best == nil || score > best!.1 { best = (node, score) }
        }
        return best?.0
    }

    /// Blocks inside the content that are page chrome: link lists, share bars, comment and related blocks.
    func isChrome(_ node: Int) -> Bool {
        guard let tag = tree.tag(node), tag.isBlock || tag.name == "span" else { return false }
        let density = linkDensity(of: node)
        if density > 0.5 && textLength(of: node) > 0 { return true }
        return classWeight(node) < 0 && density > 0.2 || (classWeight(node) < 0 && scores[node] < 5)
    }
}
