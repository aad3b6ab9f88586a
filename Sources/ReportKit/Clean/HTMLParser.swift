internal import CLibXML2
import Foundation

/// Parses HTML with libxml2's HTML parser (recover mode, network off) into an ``HTMLNode`` tree.
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

    /// Parses `html` and returns a copy of the whole tree (comments and doctype left out).
    static func parse(_ html: String, path: String) throws -> HTMLNode {
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
        let root = HTMLNode(name: "#root", index: 0)
        var nodeCount = 1
        var names = NameCache()
        // Iterative copy, so a page nested thousands of levels deep cannot overflow the stack.
        var stack: [(UnsafeMutablePointer<xmlNode>, HTMLNode)] = [(rootElement, root)]
        while let (node, parent) = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = content(of: node)
                if !text.isEmpty {
                    let child = HTMLNode(name: "#text", index: nodeCount, text: text)
                    nodeCount += 1
                    child.parent = parent
                    parent.children.append(child)
                }
            case XML_ELEMENT_NODE:
                let name = names.lowercased(node.pointee.name)
                var attributes: [String: String] = [:]
                var attribute = node.pointee.properties
                while let current = attribute {
                    if let value = xmlGetProp(node, current.pointee.name) {
                        attributes[names.lowercased(current.pointee.name)] = String(cString: value)
                        reportkit_xmlFree(value)
                    }
                    attribute = current.pointee.next
                }
                let element = HTMLNode(
                    name: name, index: nodeCount,
                    classAndID: ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased(),
                    attributes: attributes)
                nodeCount += 1
                element.parent = parent
                parent.children.append(element)
                // Children pushed last first, so they come off the stack in document order.
                var child = node.pointee.last
                while let current = child {
                    stack.append((current, element))
                    child = current.pointee.prev
                }
            default:
                continue  // comments, processing instructions, DTD
            }
        }
        return root
    }

    /// Lower-cased Swift strings of libxml2's element and attribute names, by address. The parser keeps its
    /// names in a dictionary, so a page's few dozen distinct names are decoded once, not once per node; an
    /// address not seen before is simply decoded (names are not freed while the tree is copied).
    private struct NameCache {
        private var strings: [UnsafePointer<xmlChar>: String] = [:]

        mutating func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
            if let known = strings[name] { return known }
            let decoded = String(cString: name).lowercased()
            strings[name] = decoded
            return decoded
        }
    }

    /// The text of a text or CDATA node: what `xmlNodeGetContent` returns for one, read in place instead
    /// of from a fresh copy.
    private static func content(of node: UnsafeMutablePointer<xmlNode>) -> String {
        guard let raw = node.pointee.content else { return "" }
        return String(cString: raw)
    }
}
