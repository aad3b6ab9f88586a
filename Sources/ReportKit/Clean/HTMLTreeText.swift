/// The finishing steps of an ``HTMLTree`` built from SAX events: text nodes made what `String(cString:)` of
/// libxml2's node content gives, and each element's subtree and text ranges closed.
enum HTMLTreeText {
    /// Whether `bytes` are well-formed UTF-8 (as ``UTF8Scalars/isValid(_:)``) without a NUL: then every text
    /// node that starts on a scalar boundary is already what `String(cString:)` would give.
    static func isCleanUTF8(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { UTF8Validation.scan($0, rejectingNUL: true) != nil }
    }

    /// `tree` with each text node cut at its first NUL and repaired when not valid UTF-8, and the text nodes
    /// that are then empty left out (libxml2's copy skipped empty content). Subtree ranges are left open.
    static func repaired(_ tree: HTMLTree) -> HTMLTree {
        var result = HTMLTree()
        result.tags = tree.tags
        result.attributes = tree.attributes
        var newIndex = [Int](repeating: -1, count: tree.nodes.count)
        for (index, old) in tree.nodes.enumerated() {
            var node = old
            node.parent = old.parent < 0 ? -1 : newIndex[old.parent]
            node.end = result.nodes.count + 1
            node.textStart = result.text.count
            if old.isText {
                var bytes = Array(tree.text[old.textStart..<old.textEnd])
                if let nul = bytes.firstIndex(of: 0) { bytes.removeSubrange(nul...) }
                guard !bytes.isEmpty else { continue }
                if !bytes.withUnsafeBufferPointer(UTF8Scalars.isValid) { bytes = Array(String(decoding: bytes, as: UTF8.self).utf8) }
                result.text.append(contentsOf: bytes)
            }
            node.textEnd = result.text.count
            newIndex[index] = result.nodes.count
            result.nodes.append(node)
        }
        return result
    }

    /// Extends each node's `end` and `textEnd` over its subtree (children come after their parent).
    static func closeSubtrees(_ tree: inout HTMLTree) {
        tree.nodes.withUnsafeMutableBufferPointer { nodes in
            for index in nodes.indices.dropFirst().reversed() {
                let parent = nodes[index].parent
                nodes[parent].end = max(nodes[parent].end, nodes[index].end)
                nodes[parent].textEnd = max(nodes[parent].textEnd, nodes[index].textEnd)
            }
        }
    }
}
