/// Text and link lengths per element, and the readability-style content score.
///
/// The facts are kept in arrays indexed by node (a node the scorer never visits reads 0).
final class ContentScorer {
    let tree: HTMLTree
    private var textLengths: [Int]
    private var linkLengths: [Int]
    private var scores: [Double]
    private var isCandidate: [Bool]
    private var candidates: [Int] = []
    /// ``HTMLContentExtractor/classWeight(words:name:)`` per element, worked out on first use (NaN: not yet).
    private var classWeights: [Double]

    init(tree: HTMLTree) {
        self.tree = tree
        let size = tree.nodes.count
        textLengths = Array(repeating: 0, count: size)
        linkLengths = Array(repeating: 0, count: size)
        scores = Array(repeating: 0, count: size)
        isCandidate = Array(repeating: false, count: size)
        classWeights = Array(repeating: .nan, count: size)
        // Depth-first pass, skipping elements that never hold content. Children are pushed in document order
        // (so the last comes off first): this order decides which of two equal scores wins, and the order in
        // which the scores are summed.
        var order: [Int] = []
        var stack: [Int] = [0]
        while let node = stack.popLast() {
            if let tag = tree.tag(node), tag.isSkipped || HTMLContentExtractor.isHidden(node, in: tree) { continue }
            order.append(node)
            stack.append(contentsOf: tree.children(node))
        }
        // Children before their parents: text and link lengths.
        for node in order.reversed() {
            guard let tag = tree.tag(node) else {
                textLengths[node] = tree.withText(node, Self.visibleScalarCount)
                continue
            }
            var text = 0
            var links = 0
            for child in tree.children(node) {
                text += textLengths[child]
                links += linkLengths[child]
            }
            textLengths[node] = text
            linkLengths[node] = tag.name == "a" ? text : links
        }
        // Paragraph scores flow to the container and, halved, to its parent.
        for node in order where tree.isText(node) {
            let length = textLengths[node]
            guard length >= 8, let parent = tree.parent(node), tree.name(parent) != "a" else { continue }
            let paragraph = enclosingBlock(parent)
            let punctuation = tree.withText(node, Self.punctuationCount)
            let score = 1 + Double(punctuation) + min(Double(length) / 50, 3)
            let container = tree.tag(paragraph)!.scoresParent ? (tree.parent(paragraph) ?? paragraph) : paragraph
            add(score, to: container)
            if let grand = tree.parent(container) { add(score / 2, to: grand) }
        }
    }

    /// Scalars that are not Unicode `White_Space`, without building an array.
    static func visibleScalarCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !isWhiteSpaceProperty(scalar) { count += 1 }
        return count
    }

    /// The same count, read from UTF-8.
    static func visibleScalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        scalarCount(bytes) { !isWhiteSpaceProperty($0) }
    }

    /// The scalars of UTF-8 `bytes` whose value passes `test`.
    @inline(__always)
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, where test: (UInt32) -> Bool) -> Int {
        var count = 0
        var offset = 0
        while offset < bytes.count {
            let (value, length) = UTF8Scalars.decode(bytes, at: offset)
            if test(value) { count += 1 }
            offset += length
        }
        return count
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

    /// Scalars among `，。、；！？,;`.
    static func punctuationCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where isPunctuation(scalar.value) { count += 1 }
        return count
    }

    /// The same count, read from UTF-8.
    static func punctuationCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        scalarCount(bytes, where: isPunctuation)
    }

    @inline(__always)
    private static func isPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF01, 0xFF1F, 0x2C, 0x3B: true  // ，。、；！？,;
        default: false
        }
    }

    private func enclosingBlock(_ node: Int) -> Int {
        var current = node
        while !tree.tag(current)!.isBlock, let parent = tree.parent(current) { current = parent }
        return current
    }

    private func add(_ score: Double, to node: Int) {
        // A container is an ancestor of a visited text node, so it was visited.
        if !isCandidate[node] {
            isCandidate[node] = true
            candidates.append(node)
        }
        scores[node] += score
    }

    func textLength(of node: Int) -> Int { textLengths[node] }

    func linkDensity(of node: Int) -> Double {
        let text = textLengths[node]
        return text == 0 ? 0 : Double(linkLengths[node]) / Double(text)
    }

    func classWeight(_ node: Int) -> Double {
        if classWeights[node].isNaN { classWeights[node] = HTMLContentExtractor.classWeight(words: tree.classAndID(node), name: tree.name(node)) }
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
