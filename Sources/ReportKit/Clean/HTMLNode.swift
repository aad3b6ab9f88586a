/// A small, Swift-owned snapshot of a parsed HTML element, so no libxml2 pointer outlives parsing.
final class HTMLNode {
    /// Lower-case tag name, or `#text` for text.
    let name: String
    /// The `class` and `id` attributes joined, lower-cased: used for the content/boilerplate hints.
    let classAndID: String
    let attributes: [String: String]
    var text: String
    var children: [HTMLNode] = []
    weak var parent: HTMLNode?

    init(name: String, classAndID: String = "", attributes: [String: String] = [:], text: String = "") {
        self.name = name
        self.classAndID = classAndID
        self.attributes = attributes
        self.text = text
    }

    var isText: Bool { name == "#text" }

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
