internal import CLibXML2

/// libxml2's own document for `html`, parsed with the options the extractor used before it built its tree from
/// SAX events: the reference both ``HTMLSAXTreeTests`` and ``ReferenceHTMLExtraction`` copy from. An empty page
/// is read as `<html></html>`, as the parser does. The caller frees the document with `xmlFreeDoc`.
enum LibXMLDocument {
    static func read(_ html: String) -> htmlDocPtr? {
        reportkit_silenceLibXMLErrors()
        var bytes = Array(html.utf8)
        if bytes.isEmpty { bytes = Array("<html></html>".utf8) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }
    }

    /// Calls `body` with each child of `node`, last first: pushed on a stack, they pop in document order.
    static func forEachChildLastFirst(of node: UnsafeMutablePointer<xmlNode>, _ body: (UnsafeMutablePointer<xmlNode>) -> Void) {
        var child = node.pointee.last
        while let current = child {
            body(current)
            child = current.pointee.prev
        }
    }
}
