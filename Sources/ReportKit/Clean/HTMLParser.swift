internal import CLibXML2
import Foundation

/// Parses HTML with libxml2's HTML parser (recover mode, network off) into an ``HTMLTree``.
///
/// Broken, truncated and deeply nested markup never crashes: libxml2 recovers what it can (it stops
/// nesting at its depth limit) and the tree is copied iteratively.
enum HTMLParser {
    enum Failure: Error, CustomStringConvertible {
        case unparsable(String)
        var description: String {
            switch self {
            case .unparsable(let path): "libxml2 could not parse '\(path)' as HTML (no document came out, even in recover mode)"
            }
        }
    }

    /// Elements whose content is never article text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "iframe", "form", "button", "select", "input", "textarea", "svg", "canvas",
        "object", "embed", "template", "head", "video", "audio", "map",
    ]

    /// The only attributes anything reads; the others (`href`, `src`, …) are not copied.
    static let readAttributes: Set<String> = [
        "class", "id", "hidden", "aria-hidden", "style", "property", "name", "itemprop", "content", "type",
    ]

    /// Parses `html` and returns a copy of the whole tree (comments and doctype left out).
    static func parse(_ html: String, path: String) throws -> HTMLTree {
        reportkit_silenceLibXMLErrors()
        var bytes = Array(html.utf8)
        if bytes.isEmpty { bytes = Array("<html></html>".utf8) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let document else { throw Failure.unparsable(path) }
        defer { xmlFreeDoc(document) }
        guard let rootElement = xmlDocGetRootElement(document) else { throw Failure.unparsable(path) }
        var builder = Builder()
        builder.tree.tags.append(HTMLTree.Tag(name: "#root"))
        builder.tree.nodes.append(HTMLTree.Node(tag: 0, parent: -1, end: 1, textStart: 0, textEnd: 0, attributeStart: 0, attributeEnd: 0))
        // Iterative copy, so a page nested thousands of levels deep cannot overflow the stack. Nodes are
        // created in document order: children are pushed last first, so they come off the stack in order.
        var stack: [(UnsafeMutablePointer<xmlNode>, Int)] = [(rootElement, 0)]
        while let (node, parent) = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                builder.addText(node.pointee.content, parent: parent)
            case XML_ELEMENT_NODE:
                let element = builder.addElement(node, parent: parent)
                var child = node.pointee.last
                while let current = child {
                    stack.append((current, element))
                    child = current.pointee.prev
                }
            default:
                continue  // comments, processing instructions, DTD
            }
        }
        builder.closeSubtrees()
        return builder.tree
    }

    /// Fills an ``HTMLTree`` node by node, decoding each distinct libxml2 name once.
    private struct Builder {
        var tree = HTMLTree()
        /// Tag index and lower-cased attribute name (nil: not read) per name, keyed by the name's bytes:
        /// libxml2's HTML parser gives every element its own copy of its name, so the address says nothing.
        /// A page's few dozen distinct names are decoded once.
        private var tagIndices: [UInt64: Int] = [:]
        private var longTagIndices: [String: Int] = [:]
        private var attributeNames: [UInt64: String?] = [:]

        /// A text node with the bytes `String(cString:)` would give: up to the first NUL, repaired only
        /// when they are not valid UTF-8. Empty text makes no node.
        mutating func addText(_ raw: UnsafeMutablePointer<xmlChar>?, parent: Int) {
            guard let raw, raw.pointee != 0 else { return }
            let start = tree.text.count
            let bytes = UnsafeBufferPointer(start: raw, count: strlen(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self)))
            if UTF8Scalars.isValid(bytes) {
                tree.text.append(contentsOf: bytes)
            } else {
                tree.text.append(contentsOf: String(cString: raw).utf8)
            }
            let attributes = tree.attributes.count
            tree.nodes.append(
                HTMLTree.Node(
                    tag: -1, parent: parent, end: tree.nodes.count + 1, textStart: start, textEnd: tree.text.count,
                    attributeStart: attributes, attributeEnd: attributes))
        }

        /// An element with the attributes anything reads, each valued as `xmlGetProp` gives it.
        mutating func addElement(_ node: UnsafeMutablePointer<xmlNode>, parent: Int) -> Int {
            let tag = tagIndex(node.pointee.name)
            let attributeStart = tree.attributes.count
            var attribute = node.pointee.properties
            while let current = attribute {
                if let name = attributeName(current.pointee.name), let value = xmlGetProp(node, current.pointee.name) {
                    tree.attributes.append(HTMLTree.Attribute(name: name, value: String(cString: value)))
                    reportkit_xmlFree(value)
                }
                attribute = current.pointee.next
            }
            let index = tree.nodes.count
            tree.nodes.append(
                HTMLTree.Node(
                    tag: tag, parent: parent, end: index + 1, textStart: tree.text.count, textEnd: tree.text.count,
                    attributeStart: attributeStart, attributeEnd: tree.attributes.count))
            return index
        }

        /// Extends each node's `end` and `textEnd` over its subtree (children come after their parent).
        mutating func closeSubtrees() {
            tree.nodes.withUnsafeMutableBufferPointer { nodes in
                for index in nodes.indices.dropFirst().reversed() {
                    let parent = nodes[index].parent
                    nodes[parent].end = max(nodes[parent].end, nodes[index].end)
                    nodes[parent].textEnd = max(nodes[parent].textEnd, nodes[index].textEnd)
                }
            }
        }

        private mutating func tagIndex(_ name: UnsafePointer<xmlChar>) -> Int {
            let key = Self.packed(name)
            if let key, let known = tagIndices[key] { return known }
            let lowered = String(cString: name).lowercased()
            if key == nil, let known = longTagIndices[lowered] { return known }
            tree.tags.append(HTMLTree.Tag(name: lowered))
            if let key { tagIndices[key] = tree.tags.count - 1 } else { longTagIndices[lowered] = tree.tags.count - 1 }
            return tree.tags.count - 1
        }

        private mutating func attributeName(_ name: UnsafePointer<xmlChar>) -> String? {
            let key = Self.packed(name)
            if let key, let known = attributeNames[key] { return known }
            let lowered = String(cString: name).lowercased()
            let kept = HTMLParser.readAttributes.contains(lowered) ? lowered : nil
            if let key { attributeNames[key] = .some(kept) }
            return kept
        }

        /// A name of at most eight bytes packed into one integer (the bytes are never NUL, so no two names
        /// share a key); nil for a longer name.
        private static func packed(_ name: UnsafePointer<xmlChar>) -> UInt64? {
            var key: UInt64 = 0
            for offset in 0..<8 {
                let byte = name[offset]
                if byte == 0 { return key }
                key |= UInt64(byte) << (8 * offset)
            }
            return name[8] == 0 ? key : nil
        }
    }
}
