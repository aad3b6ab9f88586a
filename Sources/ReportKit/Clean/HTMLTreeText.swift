/// The finishing steps of an ``HTMLTree`` built from SAX events: text nodes made what `String(cString:)` of
/// libxml2's node content gives, and each element's subtree and text ranges closed.
enum HTMLTreeText {
    /// Whether `bytes` are well-formed UTF-8 (as ``UTF8Scalars/isValid(_:)``) without a NUL: then every text
    /// node that starts on a scalar boundary is already what `String(cString:)` would give. Eight ASCII bytes
    /// are checked at a time, and the three-byte scalars of CJK text without a range lookup.
    static func isCleanUTF8(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return true }
            let count = bytes.count
            var index = 0
            @inline(__always) func isContinuation(_ offset: Int) -> Bool { base[offset] & 0xC0 == 0x80 }
            @inline(__always) func isIn(_ offset: Int, _ low: UInt8, _ high: UInt8) -> Bool { base[offset] >= low && base[offset] <= high }
            while index < count {
                let lead = base[index]
                if lead >= 0xE1 && lead <= 0xEC {  // most CJK text: tested before the switch
                    guard index + 2 < count, isContinuation(index + 1), isContinuation(index + 2) else { return false }
                    index += 3
                    continue
                }
                switch lead {
                case 0x01...0x7F:
                    if index + 8 <= count {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { return false }  // a NUL
                            index += 8
                            continue
                        }
                    }
                    index += 1
                case 0xEE...0xEF:
                    guard index + 2 < count, isContinuation(index + 1), isContinuation(index + 2) else { return false }
                    index += 3
                case 0xC2...0xDF:
                    guard index + 1 < count, isContinuation(index + 1) else { return false }
                    index += 2
                case 0xE0, 0xED:
                    let (low, high): (UInt8, UInt8) = lead == 0xE0 ? (0xA0, 0xBF) : (0x80, 0x9F)
                    guard index + 2 < count, isIn(index + 1, low, high), isContinuation(index + 2) else { return false }
                    index += 3
                case 0xF0...0xF4:
                    let (low, high): (UInt8, UInt8) = lead == 0xF0 ? (0x90, 0xBF) : lead == 0xF4 ? (0x80, 0x8F) : (0x80, 0xBF)
                    guard index + 3 < count, isIn(index + 1, low, high), isContinuation(index + 2), isContinuation(index + 3)
                    else { return false }
                    index += 4
                default:
                    return false  // NUL, a stray continuation byte, C0, C1, F5…FF
                }
            }
            return true
        }
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
