internal import CLibXML2
import Foundation

/// Parses HTML with libxml2's HTML parser (recover mode, network off) into an ``HTMLTree``.
///
/// Broken, truncated and deeply nested markup never crashes: libxml2 recovers what it can (it stops
/// nesting at its depth limit) and the tree is built from its events, without recursion.
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

    /// Parses `html` into a tree (comments and doctype left out): libxml2's parser with a SAX handler that
    /// builds the tree libxml2's own tree builder would have built (see ``HTMLTreeBuilder``).
    static func parse(_ html: String, path: String) throws -> HTMLTree {
        reportkit_silenceLibXMLErrors()
        var html = html.isEmpty ? "<html></html>" : html
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        var builder = HTMLTreeBuilder(pageBytes: html.utf8.count)
        var handler = saxHandler()
        withUnsafeMutablePointer(to: &builder) { builder in
            html.withUTF8 { page in  // libxml2 copies the bytes into its own input buffer
                let read = { (bytes: UnsafeBufferPointer<UInt8>) in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        reportkit_htmlSAXParseMemory(chars.baseAddress, Int32(chars.count), "UTF-8", options, &handler, builder)
                    }
                }
                guard var filtered = UnreadAttributeFilter.filtered(page) else { return read(page) }
                if let close = filtered.lastEndTagClose { EndTagPadding.pad(&filtered.bytes, before: close) }
                // The stood-in runs are read from `page`, valid only in this closure.
                builder.pointee.standIns = TextStandIns.Runs(
                    page: page, ranges: filtered.standIns, values: filtered.valueStandIns, elements: filtered.elementStandIns)
                filtered.bytes.withUnsafeBufferPointer(read)
                builder.pointee.standIns = nil
            }
        }
        guard let tree = builder.finish() else { throw Failure.unparsable(path) }
        return tree
    }

    /// The events the tree needs; the others (entities, DTD details) the HTML parser never sends or the
    /// tree does not keep.
    private static func saxHandler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.initialized = 1  // a SAX1 handler, as libxml2's own HTML one
        handler.internalSubset = { context, _, _, _ in treeBuilder(context).pointee.doctype() }
        handler.startElement = { context, name, attributes in
            if !treeBuilder(context).pointee.startElement(name!, attributes: UnsafePointer(attributes)) {
                xmlStopParser(context!.assumingMemoryBound(to: xmlParserCtxt.self))
            }
        }
        handler.endElement = { context, _ in treeBuilder(context).pointee.endElement() }
        handler.characters = { context, characters, length in
            if !treeBuilder(context).pointee.text(UnsafeBufferPointer(start: characters, count: Int(length)), cdata: false) {
                stopAsOutOfMemory(context)
            }
        }
        handler.cdataBlock = { context, characters, length in
            if !treeBuilder(context).pointee.text(UnsafeBufferPointer(start: characters, count: Int(length)), cdata: true) {
                stopAsOutOfMemory(context)
            }
        }
        handler.comment = { context, content in
            if !treeBuilder(context).pointee.comment(content!) {
                xmlStopParser(context!.assumingMemoryBound(to: xmlParserCtxt.self))
            }
        }
        handler.processingInstruction = { context, _, _ in treeBuilder(context).pointee.otherNode() }
        return handler
    }
}

/// The builder a SAX callback's context (the parser context) carries in `_private`.
private func treeBuilder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLTreeBuilder> {
    context!.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private.assumingMemoryBound(to: HTMLTreeBuilder.self)
}

/// What `xmlSAX2Characters` does to the parser when it refuses to join more text (`xmlSAX2ErrMemory`).
private func stopAsOutOfMemory(_ context: UnsafeMutableRawPointer?) {
    let parser = context!.assumingMemoryBound(to: xmlParserCtxt.self)
    parser.pointee.errNo = Int32(XML_ERR_NO_MEMORY.rawValue)
    parser.pointee.instate = XML_PARSER_EOF
    parser.pointee.disableSAX = 1
}
