/// A small, Swift-owned snapshot of a parsed HTML element, so no libxml2 pointer outlives parsing.
final class HTMLNode {
    /// Lower-case tag name, or `#text` for text.
    let name: String
    /// The `class` and `id` attributes joined, lower-cased: used for the content/boilerplate hints.
    let classAndID: String
    let attributes: [String: String]
    var text: String
    /// Whether this is a `#text` node (stored: it is asked for every node, several times).
    let isText: Bool
    /// The node's position in creation (pre-order) order within its tree, so per-node facts can live in
    /// arrays instead of dictionaries keyed by object identity.
    let index: Int
    var children: [HTMLNode] = []
    /// The tree owns its nodes through `children`; an unowned back reference costs no side table per parent
    /// (as a weak one would) and no node is used after its tree is gone.
    unowned var parent: HTMLNode?

    init(name: String, index: Int = 0, classAndID: String = "", attributes: [String: String] = [:], text: String = "") {
        self.name = name
        self.index = index
        self.classAndID = classAndID
        self.attributes = attributes
        self.text = text
        self.isText = name == "#text"
    }

    /// All text below this node, whitespace as in the source.
    var innerText: String {
        if isText { return text }
        var out = ""
        var stack: [HTMLNode] = [self]
        var ordered: [HTMLNode] = []
        while let node = stack.popLast() {
            ordered.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        for node in ordered where node.isText { out += node.text }
        return out
    }

    /// Elements below this node (pre-order), iteratively so deep pages cannot overflow the stack.
    var descendants: [HTMLNode] {
        var result: [HTMLNode] = []
        var stack: [HTMLNode] = children.reversed()
        while let node = stack.popLast() {
            result.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }
}
