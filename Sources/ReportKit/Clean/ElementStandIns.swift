/// Elements libxml2 need not read: ``UnreadAttributeFilter`` puts a comment `<!--` DEL number `-->` in place of an
/// `<a>` or `<span>` that holds only text, and ``HTMLTreeBuilder`` adds the element and its text when that comment
/// comes as the `comment` event, so the tree is the tree of the page while libxml2 parses one comment instead of a
/// start tag, a text run and an end tag (name lookups, auto-close searches, the element stack: about 3,500
/// instructions an element).
///
/// That holds where libxml2 would have sent exactly `startElement(name)`, the text as it is, `endElement` there:
/// - the page allows ``TextStandIns`` (clean UTF-8, no DEL, so no other comment looks like the stand-in);
/// - every attribute of the start tag is cut (none is read), the tag is not `/>`-closed, the content has no `&` and
///   runs to an end tag of the same name (`</a>`, `</SPAN >`);
/// - a `<body>` start tag was read before, so libxml2 has pushed `body` (`htmlCheckImplied` implies nothing), and
///   no `</body>` or `</html>` since: `body` is still open (only those end tags pop it, and a later `<head>` is
///   dropped), so the current element is `body` or one inside it, not `html`, `head` or none;
/// - libxml2's current element is not one a new element closes (`htmlAutoClose`): a new `<span>` closes no element
///   that can be current, a new `<a>` only an open `<a>`, so no `<a>` is stood in for once an `<a>` start tag was
///   read as a tag;
/// - text inside `a` or `span` is never blank to libxml2 (`areBlanks`) nor starts a paragraph (`htmlCheckParagraph`).
/// The element stack is back as it was after the end tag, as after the comment.
enum ElementStandIns {
    /// The elements stood in for, by ``Element/tag``: their names, NUL-terminated, as the builder's events give them.
    enum Tag: Int {
        case a, span

        var name: StaticString {
            switch self {
            case .a: "a"
            case .span: "span"
            }
        }

        /// `a` or `span` for those names in any case.
        init?(_ name: UnsafeBufferPointer<UInt8>) {
            if name.count == 1 && name[0] | 0x20 == 0x61 {
                self = .a
            } else if name.count == 4 && name[0] | 0x20 == 0x73 && name[1] | 0x20 == 0x70 && name[2] | 0x20 == 0x61 && name[3] | 0x20 == 0x6E {
                self = .span
            } else {
                return nil
            }
        }
    }

    /// A stood-in element: its tag and the page's range of its text.
    struct Element {
        let tag: Tag
        let text: Range<Int>
    }

    /// Appends the stand-in for element number `number`: `<!--`, ``TextStandIns/appendValueStandIn(_:to:)``'s DEL and
    /// number, `-->`.
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
