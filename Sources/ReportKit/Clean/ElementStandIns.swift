/// Elements libxml2 need not read: ``UnreadAttributeFilter`` puts a comment `<!--` DEL number `-->` in place of an
/// element of text only (`a`, `p`, `h1`…`h6`, `span` and other inline elements, see ``names``), and
/// ``HTMLTreeBuilder`` adds the element and its text when that comment comes as the `comment` event, so the tree is
/// the tree of the page while libxml2 parses one comment instead of a start tag, a text run and an end tag (name
/// lookups, auto-close searches, the element stack: about 3,500 instructions an element).
///
/// That holds where libxml2 would have sent exactly `startElement(name)`, the text as it is, `endElement` there:
/// - the page allows ``TextStandIns`` (clean UTF-8, no DEL, so no other comment looks like the stand-in);
/// - every attribute of the start tag is cut (none is read), the tag is not `/>`-closed, the content has no `&` and
///   runs to an end tag of the same name (`</a>`, `</SPAN >`);
/// - a `<body>` start tag was read before, so libxml2 has pushed `body` (`htmlCheckImplied` implies nothing), and
///   no `</body>` or `</html>` since: `body` is still open (only those end tags pop it, and a later `<head>` is
///   dropped), so the current element is `body` or one inside it, not `html`, `head` or none;
/// - libxml2's current element is not one a new element of the name closes (`htmlAutoClose`, ``names``): an element
///   can be current only when its start tag was read as a tag (libxml2 implies only `html`, `head`, `body` and a
///   `p` for text outside them), so an element is not stood in for once a start tag of one it closes was read as a tag;
/// - text inside such an element is never blank to libxml2 (`areBlanks`) nor starts a paragraph (`htmlCheckParagraph`).
/// The element stack is back as it was after the end tag, as after the comment.
enum ElementStandIns {
    /// An element name stood in for: an index into ``names``.
    struct Tag: Equatable {
        let index: Int

        /// The name, lower case and NUL-terminated, as the builder's events give it.
        var name: StaticString { ElementStandIns.names[index].name }
        /// ``blockerNames`` bits: the elements a new element of this name closes when they are current.
        var blockers: UInt32 { ElementStandIns.names[index].blockers }

        /// The tag of the name with ``ElementStandIns/key(_:)`` `key`, if it is stood in for: ``names``' index, by a
        /// switch (every start tag asks; a unit test compares it with ``names``).
        init?(key: UInt64) {
            switch key {
            case 0x61: index = 0  // a
            case 0x6E61_7073: index = 1  // span
            case 0x676E_6F72_7473: index = 2  // strong
            case 0x62: index = 3  // b
            case 0x6D65: index = 4  // em
            case 0x69: index = 5  // i
            case 0x746E_6F66: index = 6  // font
            case 0x70: index = 7  // p
            case 0x3168, 0x3268, 0x3368, 0x3468, 0x3568, 0x3668: index = 8 + Int(key >> 8) - 0x31  // h1…h6
            default: return nil
            }
        }
    }

    /// The names of the elements a new `a`, `p` or `h1`…`h6` closes when current (`htmlAutoClose`, libxml2 2.9.14's
    /// `htmlStartClose`, checked with a new element inside each HTML 4 element): a bit each, by position.
    static let blockerNames: [StaticString] = ["a", "p", "h1", "h2", "h3", "h4", "h5", "h6", "b", "big", "i", "s", "small", "strike", "tt", "u"]

    /// The names stood in for, with the ``blockerNames`` bits of the elements a new one closes: `a` closes `a`, `p`
    /// closes `p`, the headings and the font-style elements, a heading closes `p`, the others close nothing.
    static let names: [(name: StaticString, key: UInt64, blockers: UInt32)] = {
        let table: [(StaticString, UInt32)] = [
            ("a", 1), ("span", 0), ("strong", 0), ("b", 0), ("em", 0), ("i", 0), ("font", 0), ("p", 0xFFFE), ("h1", 2), ("h2", 2),
            ("h3", 2), ("h4", 2), ("h5", 2), ("h6", 2),
        ]
        return table.map { ($0.0, key(UnsafeBufferPointer(start: $0.0.utf8Start, count: $0.0.utf8CodeUnitCount))!, $0.1) }
    }()

    /// The ``blockerNames`` bit of the name with ``key(_:)`` `key`, 0 for other names (a unit test compares the switch
    /// with ``blockerNames``).
    static func blockerBit(key: UInt64) -> UInt32 {
        switch key {
        case 0x61: 1 << 0  // a
        case 0x70: 1 << 1  // p
        case 0x3168, 0x3268, 0x3368, 0x3468, 0x3568, 0x3668: 1 << (2 + UInt32(key >> 8) - 0x31)  // h1…h6
        case 0x62: 1 << 8  // b
        case 0x67_6962: 1 << 9  // big
        case 0x69: 1 << 10  // i
        case 0x73: 1 << 11  // s
        case 0x6C_6C61_6D73: 1 << 12  // small
        case 0x656B_6972_7473: 1 << 13  // strike
        case 0x7474: 1 << 14  // tt
        case 0x75: 1 << 15  // u
        default: 0
        }
    }

    /// The ``blockerNames`` bit of `p`.
    static let paragraphBit = blockerBit(key: 0x70)

    /// ``key(_:)`` of `body` and of `html` (a unit test compares them).
    static let bodyKey: UInt64 = 0x7964_6F62
    static let htmlKey: UInt64 = 0x6C6D_7468

    /// A name of letters and digits of at most eight bytes, lower-cased and packed into an integer (the start tag,
    /// end tag and attribute names of ``UnreadAttributeFilter``: attribute names may hold `:-_.`, which `|0x20` keeps
    /// apart from letters, `_` becoming DEL).
    static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard name.count <= 8 else { return nil }
        var key: UInt64 = 0
        for index in 0..<name.count { key |= UInt64(name[index] | 0x20) << (8 * index) }
        return key
    }

    /// A stood-in element: its tag and the page's range of its text.
    struct Element {
        let tag: Tag
        let text: Range<Int>
        /// When the next element stands in the same comment: the page's text between this element's end tag and that
        /// element's start tag (maybe empty), else nil.
        var following: Range<Int>? = nil
    }
    /// Appends the stand-in for element number `number` (and the elements that follow in the same comment):
    /// `<!--`, ``TextStandIns/appendValueStandIn(_:to:)``'s DEL and number, `-->`.
    ///
    /// Stood-in elements with only text between them (no `<`, no `&`) share one comment: inside an open body libxml2
    /// sends such text as it is in `characters` events (it implies no paragraph there, and with the blanks kept even
    /// blank text goes to `characters`), and the element stack is the same before each of those elements, so the
    /// conditions above hold for each as they would for separate comments.
    static func appendComment(_ number: Int, to output: inout [UInt8]) {
        output.append(0x3C)
        output.append(0x21)
        output.append(0x2D)
        output.append(0x2D)
        TextStandIns.appendValueStandIn(number, to: &output)
        output.append(0x2D)
        output.append(0x2D)
        output.append(0x3E)
    }
}
