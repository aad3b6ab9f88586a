import Foundation

/// A page's UTF-8 with the start-tag attributes nothing reads (`href`, `src`, `target`, … : every name not in
/// ``HTMLParser/readAttributes``) cut out, so libxml2 does not copy their values character by character (about
/// two thirds of the attribute bytes of a news page are links). The tree built from the result is the tree of
/// the page: libxml2 reads those attributes only to hand them to the SAX handler, which drops them (their
/// names decide nothing else: `http-equiv` and `charset` could switch the encoding, but the parse has its
/// encoding set, see `reportkit_htmlSAXParseMemory`).
///
/// The page is cut only where it is sure to be read as libxml2 2.9's HTML parser reads it: text up to `<`,
/// start tags `<name attr="v" attr='v' attr=v attr>` (or `/>`) with ASCII-letter names, end tags `</name>`,
/// comments `<!-- … -->` of printable text, `<!DOCTYPE html>`, and `script`/`style` content up to its
/// `</script>`/`</style>`. Anything else (a NUL, `<?`, `<![CDATA[`, a bare `<`, odd names, control
/// characters in a comment or tag, an unclosed construct, a `script` or `style` content that starts with another
/// end tag) and the page is handed over as it is: nil.
///
/// On the way it puts ``TextStandIns`` in place of the runs of text libxml2 need not read.
enum UnreadAttributeFilter {
    /// What libxml2 is given in place of the page.
    struct Filtered {
        var bytes: [UInt8]
        /// The page's byte ranges that ``TextStandIns/bytes`` stand in for in ``bytes``, in page order.
        var standIns: [Range<Int>]
        /// The page's byte ranges of the attribute values that numbered stand-ins (``TextStandIns/appendValueStandIn(_:to:)``)
        /// stand in for, by number.
        var valueStandIns: [Range<Int>]
        /// The offset in ``bytes`` of the `>` of the page's last end tag, when only blanks follow it and libxml2 reads
        /// every end tag as one (no misplaced doctype): blanks may go before that `>` (see ``EndTagPadding``).
        var lastEndTagClose: Int?
        /// The elements that ``ElementStandIns`` comments stand in for in ``bytes``, by number.
        var elementStandIns: [ElementStandIns.Element]
    }

    /// The page without its unread attributes and with stand-ins for its text, or nil when there is nothing to
    /// cut or stand in for, or the page is not plain enough.
    static func filtered(_ page: UnsafeBufferPointer<UInt8>) -> Filtered? {
        guard let base = page.baseAddress, !page.isEmpty, memchr(base, 0, page.count) == nil else { return nil }
        let standingIn = TextStandIns.pageAllows(page)
        var scanner = Scanner(page: page, standingIn: standingIn, valuesStandingIn: standingIn && TextStandIns.pageAllowsValueStandIns(page))
        guard scanner.run() else { return nil }
        return Filtered(
            bytes: scanner.output, standIns: scanner.standIns, valueStandIns: scanner.valueStandIns, lastEndTagClose: scanner.lastEndTagClose,
            elementStandIns: scanner.elementStandIns)
    }

    private struct Scanner {
        let page: UnsafeBufferPointer<UInt8>
        let bytes: UnsafePointer<UInt8>
        let count: Int
        var output: [UInt8] = []
        /// Bytes before this offset are in ``output`` already (or cut, or stood in for).
        var copied = 0
        var position = 0
        /// Whether text may be stood in for: the page allows it (``TextStandIns/pageAllows(_:)``) and a tag was read.
        var standingIn: Bool
        private var pageAllowsStandIns: Bool
        var standIns: [Range<Int>] = []
        /// Whether the values of attributes that are read may be stood in for (``TextStandIns/pageAllowsValueStandIns(_:)``).
        let valuesStandingIn: Bool
        var valueStandIns: [Range<Int>] = []
        /// The page offset of the last end tag's `>` (read by ``endTag()``), then its offset in ``output``.
        var lastEndTagClose: Int?
        /// False once a misplaced doctype was read: libxml2 may then read a `</` as text.
        private var endTagsAreMarkup = true
        var elementStandIns: [ElementStandIns.Element] = []
        /// What ``ElementStandIns`` asks of libxml2's state: a `<body>` start tag read, a `</body>` or `</html>` end tag
        /// read, the ``ElementStandIns/blockerNames`` read as start tags (not stood in for).
        private var bodyRead = false
        private var bodyClosed = false
        private var blockersRead: UInt32 = 0
        /// Where the last ``ElementStandIns`` comment ends: its length of ``output`` and the page offset after the end
        /// tag it stands in for. The next stood-in element joins that comment when only text lies between.
        private var lastElementComment: (outputEnd: Int, pageEnd: Int)?

        init(page: UnsafeBufferPointer<UInt8>, standingIn: Bool, valuesStandingIn: Bool) {
            self.valuesStandingIn = valuesStandingIn
            self.page = page
            bytes = page.baseAddress!
            count = page.count
            pageAllowsStandIns = standingIn
            self.standingIn = false
            output.reserveCapacity(page.count + EndTagPadding.count)
            elementStandIns.reserveCapacity(page.count / 256)
        }

        /// Scans the whole page; false when it is not plain enough, or nothing was cut.
        mutating func run() -> Bool {
            while let lessThan = find(0x3C, from: position) {
                if !bodyRead { noteTextBeforeBody(position..<lessThan) }
                if standingIn { standIn(textFrom: position, to: lessThan) }
                position = lessThan
                guard lessThan + 1 < count else { return false }
                let next = bytes[lessThan + 1]
                let ok: Bool
                if isLetter(next) {
                    ok = startTag()
                    standingIn = pageAllowsStandIns
                } else if next == 0x2F {
                    position += 2
                    ok = endTag()
                    standingIn = pageAllowsStandIns
                } else if next == 0x21 {
                    ok = comment() || misplacedDoctype(doctype(), at: lessThan)
                } else {
                    ok = false
                }
                guard ok else { return false }
            }
            if standingIn { standIn(textFrom: position, to: count) }
            guard copied > 0 else { return false }
            // Blanks after the last end tag are neither cut nor stood in for, so `copied` is not past its `>`.
            if let close = lastEndTagClose, endTagsAreMarkup, skipBlanks(from: close + 1) == count {
                lastEndTagClose = output.count + close - copied
            } else {
                lastEndTagClose = nil
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied...]))
            return true
        }

        /// Text before the `<body>` start tag that is not blank may make libxml2 imply a `<p>` (`htmlCheckParagraph`,
        /// when the current element is `html`, `head` or none), which the body start tag does not always close: a
        /// `p` then counts as read, so no `p` or heading is stood in for. Text inside `title` counts too; that only
        /// stands in for fewer elements.
        private mutating func noteTextBeforeBody(_ text: Range<Int>) {
            if text.contains(where: { !isBlank(bytes[$0]) }) { blockersRead |= ElementStandIns.paragraphBit }
        }

        /// The text run `start..<end` (content, from the end of a tag) stood in for, when ``TextStandIns`` allows.
        private mutating func standIn(textFrom start: Int, to end: Int) {
            guard let runEnd = TextStandIns.textRunEnd(page, from: start, to: end) else { return }
            standIn(start..<runEnd)
        }

        private mutating func standIn(_ run: Range<Int>) {
            output.append(contentsOf: UnsafeBufferPointer(start: bytes + copied, count: run.lowerBound - copied))
            output.append(TextStandIns.byte)
            output.append(TextStandIns.byte)
            copied = run.upperBound
            standIns.append(run)
        }

        private func find(_ byte: UInt8, from offset: Int) -> Int? {
            guard offset < count, let found = memchr(bytes + offset, Int32(byte), count - offset) else { return nil }
            return bytes.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        @inline(__always) private func isLetter(_ byte: UInt8) -> Bool { CJK.isASCIILetter(byte: byte) }
        @inline(__always) private func isLetterOrDigit(_ byte: UInt8) -> Bool { isLetter(byte) || CJK.isASCIIDigit(byte: byte) }
        @inline(__always) private func isBlank(_ byte: UInt8) -> Bool { TextStandIns.isBlank(byte) }
        /// What `htmlParseHTMLName` reads after an attribute name's first letter.
        @inline(__always) private func isNameByte(_ byte: UInt8) -> Bool {
            isLetterOrDigit(byte) || byte == 0x2D || byte == 0x3A || byte == 0x5F || byte == 0x2E
        }

        @inline(__always)
        private func skipBlanks(from offset: Int) -> Int {
            var offset = offset
            while offset < count && isBlank(bytes[offset]) { offset += 1 }
            return offset
        }

        private mutating func skipBlanks() { position = skipBlanks(from: position) }

        /// `<name` at `position` (a letter follows `<`): through the closing `>`, unread attributes cut, and
        /// through the content and end tag of a `script` or `style`.
        private mutating func startTag() -> Bool {
            let tagStart = position
            let nameStart = position + 1
            position = nameStart
            while position < count && isLetterOrDigit(bytes[position]) { position += 1 }
            let name = UnsafeBufferPointer(start: bytes + nameStart, count: position - nameStart)
            guard name.count < 90 else { return false }
            let key = ElementStandIns.key(name)
            // A name that may be stood in for: first the attributes are only read (none cut), so that nothing is
            // cut and then dropped with the element; when it is not stood in for, they are read again and cut.
            if let tag = key.flatMap(ElementStandIns.Tag.init(key:)), pageAllowsStandIns, bodyRead, !bodyClosed, tag.blockers & blockersRead == 0 {
                let afterName = position
                if attributes(cutting: false) == .plain, standInElement(tag, from: tagStart) {
                    return true
                }
                position = afterName
            }
            let end = attributes(cutting: true)
            guard end != .broken else { return false }
            blockersRead |= key.map(ElementStandIns.blockerBit(key:)) ?? 0
            if key == ElementStandIns.bodyKey { bodyRead = true }
            guard end == .plain, let rawEnd = Self.rawTextElement(name) else { return true }
            return rawText(rawEnd)
        }

        /// How a start tag's attributes end.
        private enum TagEnd { case plain, selfClosing, broken }

        /// The attributes after a start tag's name at `position`, through the tag's `>` (each after blanks: `>`, `/>`
        /// or the next attribute); `.broken` when the tag is not plain enough. Unread attributes are cut when `cutting`;
        /// else nothing is written and an attribute the tree reads ends the pass as `.broken` (the tag is then read
        /// again, cutting).
        private mutating func attributes(cutting: Bool) -> TagEnd {
            while true {
                skipBlanks()
                guard position < count else { return .broken }
                let byte = bytes[position]
                if byte == 0x3E {
                    position += 1
                    return .plain
                }
                if byte == 0x2F {
                    guard position + 1 < count, bytes[position + 1] == 0x3E else { return .broken }
                    position += 2
                    return .selfClosing
                }
                guard isLetter(byte), attribute(cutting: cutting) else { return .broken }
            }
        }

        /// The element whose start tag `tagStart..<position` was just read (nothing of it written), put in ``output`` as
        /// an ``ElementStandIns`` comment through its end tag, when the conditions there not checked before hold: its
        /// content is text without `&` up to its end tag.
        private mutating func standInElement(_ tag: ElementStandIns.Tag, from tagStart: Int) -> Bool {
            guard let lessThan = find(0x3C, from: position), memchr(bytes + position, 0x26, lessThan - position) == nil
            else { return false }
            // `</name`, then a byte that ends the name, blanks and `>`.
            let name = tag.name
            var end = lessThan + 2 + name.utf8CodeUnitCount
            guard end < count, bytes[lessThan + 1] == 0x2F,
                (0..<name.utf8CodeUnitCount).allSatisfy({ bytes[lessThan + 2 + $0] | 0x20 == name.utf8Start[$0] }), !isNameByte(bytes[end])
            else { return false }
            end = skipBlanks(from: end)
            guard end < count, bytes[end] == 0x3E else { return false }
            if let last = lastElementComment, isPlainText(last.pageEnd..<tagStart) {
                // Joins the last comment: the text between (copied or stood in for) is put back by the builder.
                output.removeLast(output.count - last.outputEnd)
                if let run = standIns.last, run.lowerBound >= last.pageEnd { standIns.removeLast() }
                elementStandIns[elementStandIns.count - 1].following = last.pageEnd..<tagStart
            } else {
                output.append(contentsOf: UnsafeBufferPointer(start: bytes + copied, count: tagStart - copied))
                ElementStandIns.appendComment(elementStandIns.count, to: &output)
            }
            elementStandIns.append(ElementStandIns.Element(tag: tag, text: position..<lessThan))
            copied = end + 1
            position = end + 1
            lastElementComment = (output.count, copied)
            return true
        }

        /// Whether `range` of the page is text without `<` or `&`: nothing but one text run for libxml2.
        private func isPlainText(_ range: Range<Int>) -> Bool {
            range.isEmpty
                || (memchr(bytes + range.lowerBound, 0x3C, range.count) == nil && memchr(bytes + range.lowerBound, 0x26, range.count) == nil)
        }

        /// One attribute at `position` (a letter): `name`, then optionally `= value`; cut when not read and `cutting`.
        /// Without `cutting`, false for an attribute the tree reads.
        private mutating func attribute(cutting: Bool) -> Bool {
            let start = position
            var offset = start
            while offset < count && isNameByte(bytes[offset]) { offset += 1 }
            let name = UnsafeBufferPointer(start: bytes + start, count: offset - start)
            guard name.count < 90, offset < count else { return false }
            var end = offset
            var quotedValue: Range<Int>?
            offset = skipBlanks(from: offset)
            if offset < count && bytes[offset] == 0x3D {
                offset = skipBlanks(from: offset + 1)
                guard offset < count else { return false }
                let quote = bytes[offset]
                if quote == 0x22 || quote == 0x27 {
                    guard let close = find(quote, from: offset + 1) else { return false }
                    quotedValue = (offset + 1)..<close
                    offset = close + 1
                } else {
                    while offset < count && !isBlank(bytes[offset]) && bytes[offset] != 0x3E { offset += 1 }
                }
                end = offset
            } else {
                guard isBlank(bytes[end]) || bytes[end] == 0x3E || bytes[end] == 0x2F else { return false }
            }
            position = offset
            let read = Self.isRead(name)
            guard cutting else { return !read }
            if !read {
                output.append(contentsOf: UnsafeBufferPointer(start: bytes + copied, count: start - copied))
                copied = end
            } else if valuesStandingIn, let value = quotedValue, value.count > TextStandIns.shortestStoodInValue,
                memchr(bytes + value.lowerBound, 0x26, value.count) == nil
            {
                output.append(contentsOf: UnsafeBufferPointer(start: bytes + copied, count: value.lowerBound - copied))
                TextStandIns.appendValueStandIn(valueStandIns.count, to: &output)
                copied = value.upperBound
                valueStandIns.append(value)
            }
            return true
        }

        /// The content of a `script` or `style` (`closing` is `script` or `style`): libxml2 reads it as raw text
        /// up to the first `</` followed by the element's name in any case, then the end tag.
        private mutating func rawText(_ closing: [UInt8]) -> Bool {
            let contentStart = position
            while let lessThan = find(0x3C, from: position) {
                position = lessThan + 1
                guard lessThan + 1 < page.count, page[lessThan + 1] == 0x2F else { continue }
                guard lessThan + 2 + closing.count < page.count,
                    zip(page[(lessThan + 2)...], closing).allSatisfy({ $0 | 0x20 == $1 })
                else {
                    // At the start of the content libxml2 reads `</x` as an end tag, after which it reads on as raw text.
                    if lessThan == contentStart { return false }
                    continue
                }
                // `</scripts>` ends the raw text too, but libxml2 then ignores that end tag and reads on as raw text.
                position = lessThan + 2 + closing.count
                guard position < page.count, !isNameByte(page[position]) else { return false }
                skipBlanks()
                guard position < page.count, page[position] == 0x3E else { return false }
                position += 1
                // libxml2 reads a content that starts with `<` as markup first (`</x` as an end tag).
                if pageAllowsStandIns && lessThan - contentStart > TextStandIns.bytes.count && page[contentStart] != 0x3C {
                    standIn(contentStart..<lessThan)
                }
                return true
            }
            return false
        }

        /// After `</`: a name of letters and digits, blanks, `>`.
        private mutating func endTag() -> Bool {
            guard position < page.count, isLetter(page[position]) else { return false }
            let nameStart = position
            while position < count && isLetterOrDigit(bytes[position]) { position += 1 }
            let key = ElementStandIns.key(UnsafeBufferPointer(start: bytes + nameStart, count: position - nameStart))
            if key == ElementStandIns.bodyKey || key == ElementStandIns.htmlKey { bodyClosed = true }
            skipBlanks()
            guard position < page.count, page[position] == 0x3E else { return false }
            lastEndTagClose = position
            position += 1
            return true
        }

        /// `<!--` at `position`: through the first `-->`, when the comment is printable text that neither closes
        /// early (`<!-->`, `<!--->`) nor holds `--!`.
        private mutating func comment() -> Bool {
            let bodyStart = position + 4
            guard bodyStart + 2 < page.count, page[position + 2] == 0x2D, page[position + 3] == 0x2D,
                page[bodyStart] != 0x3E, !(page[bodyStart] == 0x2D && page[bodyStart + 1] == 0x3E)
            else { return false }
            var offset = bodyStart
            while offset + 2 < page.count {
                let byte = page[offset]
                if byte == 0x2D && page[offset + 1] == 0x2D {
                    if page[offset + 2] == 0x3E {
                        position = offset + 3
                        return true
                    }
                    if page[offset + 2] == 0x21 { return false }
                }
                guard byte >= 0x20 || isBlank(byte), !isNonCharacter(at: offset) else { return false }
                offset += 1
            }
            return false
        }

        /// U+FFFE or U+FFFF (libxml2's comment loop stops there).
        private func isNonCharacter(at offset: Int) -> Bool { TextStandIns.isNonCharacter(page, at: offset) }

        /// `read`, a doctype at `offset` having been read: when something other than blanks came before it, libxml2
        /// reads it in the content, and then takes a `</` right after it for text that runs into the text after
        /// it, so no text is stood in for from there on.
        private mutating func misplacedDoctype(_ read: Bool, at offset: Int) -> Bool {
            if read && skipBlanks(from: 0) != offset {
                endTagsAreMarkup = false
                pageAllowsStandIns = false
                standingIn = false
            }
            return read
        }

        /// `<!DOCTYPE name>` (any case, `name` of letters) at `position`: libxml2 reads other doctypes (a public
        /// or system identifier, bogus content) in ways not worth following here.
        private mutating func doctype() -> Bool {
            let keyword = Array("doctype".utf8)
            guard position + 2 + keyword.count < page.count,
                zip(page[(position + 2)...], keyword).allSatisfy({ $0 | 0x20 == $1 })
            else { return false }
            position += 2 + keyword.count
            guard position < page.count, isBlank(page[position]) else { return false }
            skipBlanks()
            guard position < page.count, isLetter(page[position]) else { return false }
            while position < page.count && isLetter(page[position]) { position += 1 }
            skipBlanks()
            guard position < page.count, page[position] == 0x3E else { return false }
            position += 1
            return true
        }

        /// `script` or `style` for those names (any case), lower-cased; nil for other elements.
        private static func rawTextElement(_ name: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            guard name.count == 5 || name.count == 6, name[0] | 0x20 == 0x73 else { return nil }
            for element in rawTextElements where name.count == element.count && zip(name, element).allSatisfy({ $0 | 0x20 == $1 }) {
                return element
            }
            return nil
        }

        private static let rawTextElements = [Array("script".utf8), Array("style".utf8)]

        /// Whether the tree keeps an attribute of this name (any case): up to eight bytes lower-cased and packed
        /// into a word (name bytes are letters, digits and `:-_.`; `|0x20` makes `_` 0x7F, in no read name).
        private static func isRead(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let key = ElementStandIns.key(name) else {
                return longReadNames.contains { $0.count == name.count && zip(name, $0).allSatisfy { $0 | 0x20 == $1 } }
            }
            return shortReadNames.contains(key)
        }

        /// The read names as ``PackedNameTable`` keys (the ones of up to eight bytes), and the longer ones as bytes.
        private static let shortReadNames = HTMLParser.readAttributes.compactMap(PackedNameTable.packed)
        private static let longReadNames = HTMLParser.readAttributes.filter { $0.utf8.count > 8 }.map { Array($0.utf8) }
    }
}
