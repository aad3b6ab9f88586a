import Foundation

/// Writes the text of the content block into lines, leaving out chrome inside it: one line per block
/// element or `<br>`, line feeds inside text read as spaces, the first `<h1>` kept aside as the headline.
///
/// The lines are byte ranges of one UTF-8 buffer (the tree's text is valid UTF-8, so the bytes of strings
/// joined are the strings' bytes joined): no String per line.
struct HTMLRenderer {
    let tree: HTMLTree
    let scorer: ContentScorer
    private(set) var lines = RenderedLines()
    private(set) var headline: String?

    init(tree: HTMLTree, scorer: ContentScorer) {
        self.tree = tree
        self.scorer = scorer
    }

    mutating func render(_ block: Int) {
        var stack: [(Int, Bool)] = [(block, false)]  // (node, isClosingMarker)
        while let (item, closing) = stack.popLast() {
            guard let tag = tree.tag(item) else {
                appendText(item)
                continue
            }
            if closing {
                if tag.isBlock { breakLine() }
                continue
            }
            if tag.name == "br" {
                breakLine()
                continue
            }
            if tag.isSkipped || HTMLContentExtractor.isHidden(item, in: tree) { continue }
            if item != block, scorer.isChrome(item) { continue }
            if tag.name == "h1" {
                if headline == nil { headline = HTMLContentExtractor.trimmingWhitespaceAndNewlines(tree.innerText(item)) }
                continue
            }
            if tag.isBlock { breakLine() }
            stack.append((item, true))
            let first = stack.count
            stack.append(contentsOf: tree.children(item).lazy.map { ($0, false) })
            stack[first...].reverse()
        }
        breakLine()
    }

    private mutating func breakLine() {
        lines.ends.append(lines.text.count)
    }

    /// `text.replacingOccurrences(of: "\n", with: " ")` appended: byte by byte unless a carriage return (which
    /// joins a following line feed into one Character) is there, when Foundation decides as before.
    private mutating func appendText(_ node: Int) {
        tree.withText(node) { bytes in
            guard let base = bytes.baseAddress, memchr(base, 0x0A, bytes.count) != nil else { return lines.text.append(contentsOf: bytes) }
            if memchr(base, 0x0D, bytes.count) != nil {
                lines.text.append(contentsOf: String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: " ").utf8)
            } else {
                for byte in bytes { lines.text.append(byte == 0x0A ? 0x20 : byte) }
            }
        }
    }
}
