/// A parsed page as flat arrays in document (pre-order) order, so no libxml2 pointer outlives parsing and
/// no object is allocated per node: a node's subtree is the index range `index..<end`, and the text below it
/// is one byte range of ``text`` (text nodes are stored in document order too).
struct HTMLTree {
    struct Node {
        /// Index into ``tags``, or -1 for a text node.
        var tag: Int
        /// The parent's index; -1 for the root.
        var parent: Int
        /// One past the last node of the subtree: the children are `index + 1`, then each child's `end`.
        var end: Int
        /// The subtree's text: a text node's own bytes, an element's ``innerText(_:)``.
        var textStart: Int
        var textEnd: Int
        /// This element's attributes in ``attributes``.
        var attributeStart: Int
        var attributeEnd: Int

        var isText: Bool { tag < 0 }
    }

    /// An element name with the facts the extractor asks about it, decided once per distinct name.
    struct Tag {
        let name: String
        let isSkipped: Bool
        let isBlock: Bool
        /// `p`, `h…` and `span`: a paragraph scores the block above it.
        let scoresParent: Bool
        /// `a`: its text is link text.
        let isLink: Bool
        /// What ``HTMLMetadataReader`` reads from an element of this name, if anything.
        let metadata: HTMLMetadataReader.Element?

        init(name: String) {
            self.name = name
            isSkipped = HTMLContentExtractor.skippedElements.contains(name)
            isBlock = HTMLContentExtractor.blockElements.contains(name)
            scoresParent = name == "p" || name.hasPrefix("h") || name == "span"
            isLink = name == "a"
            metadata = HTMLMetadataReader.Element(rawValue: name)
        }
    }

    struct Attribute {
        /// Lower-cased.
        let name: String
        let value: String
    }

    /// Node 0 is the synthetic `#root` above the document element.
    var nodes: [Node] = []
    var tags: [Tag] = []
    var attributes: [Attribute] = []
    /// The UTF-8 of every text node, in document order.
    var text: [UInt8] = []

    /// The lower-case tag name, or `#text`.
    func name(_ node: Int) -> String {
        let tag = nodes[node].tag
        return tag < 0 ? "#text" : tags[tag].name
    }

    func tag(_ node: Int) -> Tag? {
        let tag = nodes[node].tag
        return tag < 0 ? nil : tags[tag]
    }

    func isText(_ node: Int) -> Bool { nodes[node].tag < 0 }

    func parent(_ node: Int) -> Int? {
        let parent = nodes[node].parent
        return parent < 0 ? nil : parent
    }

    /// The value of attribute `name` (lower-case); the last one wins when a name repeats.
    func attribute(_ name: String, of node: Int) -> String? {
        let range = nodes[node].attributeStart..<nodes[node].attributeEnd
        for index in range.reversed() where attributes[index].name == name { return attributes[index].value }
        return nil
    }

    /// The children's indices, in document order.
    func children(_ node: Int) -> Children { Children(nodes: nodes, node: node) }

    struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        var cursor: Int
        let end: Int

        init(nodes: [Node], node: Int) {
            self.nodes = nodes
            cursor = node + 1
            end = nodes[node].end
        }

        mutating func next() -> Int? {
            guard cursor < end else { return nil }
            defer { cursor = nodes[cursor].end }
            return cursor
        }
    }

    /// The bytes of a text node, or of all text below an element.
    func withText<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = nodes[node].textStart..<nodes[node].textEnd
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// All text below `node`, whitespace as in the source.
    func innerText(_ node: Int) -> String { withText(node) { String(decoding: $0, as: UTF8.self) } }

    /// The `class` and `id` attributes joined, lower-cased: used for the content/boilerplate hints.
    func classAndID(_ node: Int) -> String {
        ((attribute("class", of: node) ?? "") + " " + (attribute("id", of: node) ?? "")).lowercased()
    }
}
