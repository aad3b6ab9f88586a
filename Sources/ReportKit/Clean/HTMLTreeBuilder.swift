/// Builds an ``HTMLTree`` from libxml2's SAX events, putting every node where libxml2's own tree builder
/// (`xmlSAX2StartElement`, `xmlSAX2Characters`, `xmlSAX2CDataBlock`) would have put it, so the tree equals a
/// copy of `htmlReadMemory`'s document without libxml2 allocating a node, a name or a property per element.
///
/// What the tree builder does that is not obvious from the events:
/// - adjacent text of one kind (text, or a script's CDATA) under one element is one node; a comment or
///   processing instruction between them keeps them apart, an ignored end tag does not;
/// - an element name `prefix:local` keeps only `local` (`xmlSplitQName`);
/// - text outside every element is dropped; an element started outside the document element goes inside it
///   when the document's first child is that element, and beside it (out of the copied tree) when a doctype,
///   comment or processing instruction came first;
/// - beyond 257 open elements, or ten million bytes in one text node, libxml2 stops the parse.
struct HTMLTreeBuilder {
    private var tree = HTMLTree()
    /// The open elements, innermost last, as libxml2's node stack: node indices, ``detached`` for an
    /// element outside the document element.
    private var open: [Int] = []
    private var documentElement: Int?
    private var documentChildren = DocumentChildren.none
    /// The kind of the current element's last child when that child is text; text of the same kind joins it.
    private var openText: TextKind?
    /// Tag index per element name and read-attribute index (-1: not read) per attribute name, as the SAX
    /// events give them, for names of at most eight bytes; the common ones are known up front.
    private var tagIndices = Self.knownTagIndices
    private var longTagIndices: [String: Int] = [:]
    private var attributeIndices = Self.knownAttributeIndices
    /// The page's runs that the text events' ``TextStandIns`` stand for, while libxml2 reads a filtered page.
    var standIns: TextStandIns.Runs?

    private static let detached = -1
    /// libxml2's `xmlParserMaxDepth`: with more elements than this open, `nodePush` refuses the next one and
    /// halts the parser (without `XML_PARSE_HUGE`).
    static let maximumDepth = 256
    /// libxml2's `XML_MAX_TEXT_LENGTH`: `xmlSAX2Characters` will not join text beyond it (without
    /// `XML_PARSE_HUGE`), and ends the parse as if out of memory.
    static let maximumTextLength = 10_000_000

    private enum DocumentChildren { case none, documentElementFirst, otherFirst }
    private enum TextKind { case text, cdata }

    /// A builder for a page of `pageBytes` bytes of UTF-8: its text (not longer than the page, as character
    /// references are longer than what they stand for) is given room up front, and its nodes about as many
    /// as a news page has per byte, so the arrays are rarely copied while they grow.
    init(pageBytes: Int = 0) {
        tree.text.reserveCapacity(pageBytes)
        tree.nodes.reserveCapacity(pageBytes / 64)
        tree.tags = Self.knownTags
        tree.nodes.append(HTMLTree.Node(tag: 0, parent: -1, end: 1, textStart: 0, textEnd: 0, attributeStart: 0, attributeEnd: 0))
    }

    /// `startElement`: `attributes` is libxml2's NULL-terminated name/value list (a NULL value: no value).
    /// False when the element is one level deeper than libxml2's tree builder goes (``maximumDepth``): it
    /// is not added, and the caller must stop the parser, as libxml2 does there.
    mutating func startElement(_ name: UnsafePointer<UInt8>, attributes: UnsafePointer<UnsafePointer<UInt8>?>?) -> Bool {
        guard open.count <= Self.maximumDepth else { return false }
        openText = nil
        let parent: Int
        if let current = open.last {
            parent = current
        } else {
            switch documentChildren {
            case .none:
                parent = 0
                documentChildren = .documentElementFirst
            case .documentElementFirst:
                parent = documentElement!
            case .otherFirst:
                parent = documentElement == nil ? 0 : Self.detached
            }
        }
        guard parent != Self.detached else {
            open.append(Self.detached)
            return true
        }
        let index = addElement(name, attributes: attributes, parent: parent)
        if parent == 0 { documentElement = index }
        open.append(index)
        return true
    }

    /// `endElement`: libxml2 pops its node stack whatever the name.
    mutating func endElement() {
        openText = nil
        _ = open.popLast()
    }

    /// `characters` (`cdata` false) or `cdataBlock` (`cdata` true). False when joining `bytes` would make the
    /// text node longer than libxml2's tree builder allows (``maximumTextLength``): they are not added, and
    /// the caller must stop the parser as libxml2 does there.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) -> Bool {
        let bytes = standIns?.resolve(bytes) ?? bytes  // before the guard: a stand-in is used up even when dropped
        return append(bytes, cdata: cdata)
    }

    /// `comment`: the elements an ``ElementStandIns`` comment stands for, as their `startElement`, `characters` and
    /// `endElement` events and the `characters` of the text between them; any other comment is ``otherNode()``. False
    /// when the caller must stop the parser.
    mutating func comment(_ content: UnsafePointer<UInt8>) -> Bool {
        guard let runs = standIns, var number = runs.firstElement(content) else {
            otherNode()
            return true
        }
        while true {
            let element = runs.elements[number]
            guard startElement(element.tag.name.utf8Start, attributes: nil) else { return false }
            guard append(UnsafeBufferPointer(rebasing: runs.page[element.text]), cdata: false) else { return false }
            endElement()
            guard let following = element.following else { return true }
            guard append(UnsafeBufferPointer(rebasing: runs.page[following]), cdata: false) else { return false }
            number += 1
        }
    }

    /// Text as it is (stand-ins resolved): see ``text(_:cdata:)``.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) -> Bool {
        guard let parent = open.last, parent != Self.detached, !bytes.isEmpty else { return true }
        let kind: TextKind = cdata ? .cdata : .text
        if openText == kind {
            let last = tree.nodes.count - 1
            guard tree.nodes[last].textEnd - tree.nodes[last].textStart + bytes.count <= Self.maximumTextLength else { return false }
            tree.text.append(contentsOf: bytes)
            tree.nodes[last].textEnd = tree.text.count
            return true
        }
        openText = kind
        let start = tree.text.count
        tree.text.append(contentsOf: bytes)
        let attributes = tree.attributes.count
        tree.nodes.append(
            HTMLTree.Node(
                tag: -1, parent: parent, end: tree.nodes.count + 1, textStart: start, textEnd: tree.text.count,
                attributeStart: attributes, attributeEnd: attributes))
        return true
    }

    /// A comment or processing instruction: not copied, but a child of the current element (or of the
    /// document, when no element is open).
    mutating func otherNode() {
        openText = nil
        if open.isEmpty && documentChildren == .none { documentChildren = .otherFirst }
    }

    /// A doctype: libxml2 puts it first among the document's children.
    mutating func doctype() {
        documentChildren = .otherFirst
    }

    /// The finished tree, or nil when libxml2 would have had no document element.
    mutating func finish() -> HTMLTree? {
        guard documentElement != nil else { return nil }
        if !HTMLTreeText.isCleanUTF8(tree.text) || tree.nodes.contains(where: { $0.isText && tree.text[$0.textStart] & 0xC0 == 0x80 }) {
            tree = HTMLTreeText.repaired(tree)
        }
        HTMLTreeText.closeSubtrees(&tree)
        return tree
    }

    /// An element with the attributes anything reads, each valued as `xmlGetProp` gives it ("" for none).
    private mutating func addElement(_ name: UnsafePointer<UInt8>, attributes: UnsafePointer<UnsafePointer<UInt8>?>?, parent: Int) -> Int {
        let tag = tagIndex(name)
        let attributeStart = tree.attributes.count
        if var pair = attributes {
            while let rawName = pair[0] {
                if let kept = attributeName(rawName) {
                    let value = pair[1].map { standIns?.value($0) ?? String(cString: $0) } ?? ""
                    tree.attributes.append(HTMLTree.Attribute(name: kept, value: value))
                }
                pair += 2
            }
        }
        let index = tree.nodes.count
        tree.nodes.append(
            HTMLTree.Node(
                tag: tag, parent: parent, end: index + 1, textStart: tree.text.count, textEnd: tree.text.count,
                attributeStart: attributeStart, attributeEnd: tree.attributes.count))
        return index
    }

    private mutating func tagIndex(_ name: UnsafePointer<UInt8>) -> Int {
        let key = PackedNameTable.packed(name)
        if let key, let known = tagIndices.value(key) { return known }
        let lowered = Self.localName(String(cString: name)).lowercased()
        if key == nil, let known = longTagIndices[lowered] { return known }
        tree.tags.append(HTMLTree.Tag(name: lowered))
        if let key { tagIndices.insert(key, tree.tags.count - 1) } else { longTagIndices[lowered] = tree.tags.count - 1 }
        return tree.tags.count - 1
    }

    private mutating func attributeName(_ name: UnsafePointer<UInt8>) -> String? {
        let key = PackedNameTable.packed(name)
        if let key, let known = attributeIndices.value(key) { return known < 0 ? nil : Self.readAttributes[known] }
        let lowered = String(cString: name).lowercased()
        let kept = Self.readAttributes.firstIndex(of: lowered)
        if let key { attributeIndices.insert(key, kept ?? -1) }
        return kept.map { Self.readAttributes[$0] }
    }

    /// `#root` and the element names most pages use, so their tags are made once, not once per page.
    private static let knownTags: [HTMLTree.Tag] = [
        "#root", "html", "head", "title", "meta", "link", "script", "style", "body", "div", "p", "span", "a", "img", "br",
        "ul", "ol", "li", "table", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em",
        "font", "small", "u", "sup", "sub", "label", "nav", "header", "footer", "aside", "section", "article", "main",
        "form", "input", "button", "select", "option", "textarea", "iframe", "noscript", "center", "hr", "dl", "dt", "dd",
        "pre", "figure", "address", "menu", "dialog", "svg", "canvas", "object", "embed", "template", "video", "audio",
        "map", "area", "source", "thead", "tfoot", "caption", "col", "colgroup", "base", "s", "code", "cite", "q",
    ].map(HTMLTree.Tag.init(name:))

    private static let knownTagIndices: PackedNameTable = {
        var table = PackedNameTable(capacity: 128)
        for (index, tag) in knownTags.enumerated().reversed() {
            if let key = PackedNameTable.packed(tag.name), !tag.name.hasPrefix("#") { table.insert(key, index) }
        }
        return table
    }()

    /// ``HTMLParser/readAttributes`` as a list, for ``knownAttributeIndices``.
    private static let readAttributes = HTMLParser.readAttributes.sorted()

    private static let knownAttributeIndices: PackedNameTable = {
        var table = PackedNameTable(capacity: 64)
        let unread = [
            "href", "src", "alt", "title", "target", "rel", "lang", "width", "height", "charset", "align", "border",
            "onclick", "valign", "colspan", "rowspan", "action", "method", "value", "for", "role", "dir", "media",
        ]
        for name in unread { table.insert(PackedNameTable.packed(name)!, -1) }
        for (index, name) in readAttributes.enumerated() {
            if let key = PackedNameTable.packed(name) { table.insert(key, index) }
        }
        return table
    }()

    /// The element name libxml2's tree builder keeps (`xmlSplitQName`): after the first colon, unless the
    /// colon starts or ends the name.
    static func localName(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < bytes.count - 1 else { return name }
        return String(decoding: bytes[(colon + 1)...], as: UTF8.self)
    }
}
