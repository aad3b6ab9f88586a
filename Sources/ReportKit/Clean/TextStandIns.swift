import Foundation

/// Text that libxml2 need not read: ``UnreadAttributeFilter`` puts a two-byte stand-in (``bytes``, DEL DEL) in
/// place of a run of page text, and ``HTMLTreeBuilder`` puts the run back when the stand-in comes as the
/// `characters` or `cdataBlock` event, so the tree is the tree of the page while libxml2 decodes, checks and
/// copies two characters instead of the run's (about half of its work on a news page is such text).
///
/// That holds where libxml2 would have sent the run's bytes as they are, in events the builder joins into one
/// text node, as it sends the stand-in:
/// - the page is clean (``pageAllows(_:)``): well-formed UTF-8 without a control character other than tab, line
///   feed and carriage return (which libxml2 drops or stops at), without U+FFFE or U+FFFF (not XML characters),
///   without DEL (so the stand-in is nowhere else in it) and shorter than a text node may grow;
/// - a run of text content (``textRunEnd(_:from:to:)``) ends at `<` or at its first `&` (a reference libxml2
///   decodes itself), comes after the first tag (libxml2 skips blanks before it), and has a byte other than a
///   blank within the first 1,000 bytes: libxml2 sends text in chunks of about 1,000 bytes and starts a
///   paragraph (`htmlCheckParagraph`) before the first chunk that is not blank, as before the stand-in;
/// - a `script` or `style` content, up to its end tag, goes to `cdataBlock` in chunks that are joined in any case,
///   unless it starts with `<` (which libxml2 reads as markup first).
///
/// No reference can produce the stand-in: one reference gives one character, and an unknown entity's name
/// (sent after its `&`) has no DEL.
///
/// The quoted value of an attribute the tree reads, without `&` (which libxml2 decodes), is stood in for by DEL
/// and its number in decimal, as libxml2 may drop an attribute or a whole tag (a repeated name, a second
/// `<html>`): libxml2 copies a quoted value as it is, and no other value starts with DEL when the page has no
/// numeric character reference (``pageAllowsValueStandIns(_:)``).
enum TextStandIns {
    /// The stand-in: two DEL characters.
    static let bytes: [UInt8] = [byte, byte]
    static let byte: UInt8 = 0x7F
    /// libxml2's `HTML_PARSER_BIG_BUFFER_SIZE`: text is sent in chunks of at least this many bytes.
    static let chunkBytes = 1000

    /// Whether runs of `page` may be stood in for (the conditions above on the whole page).
    static func pageAllows(_ page: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = page.baseAddress, page.count < HTMLTreeBuilder.maximumTextLength, memchr(base, Int32(byte), page.count) == nil,
            let facts = UTF8Validation.scan(page, rejectingNUL: true), facts.controls == 0
        else { return false }
        var offset = 0
        while offset + 2 < page.count, let found = memchr(base + offset, 0xEF, page.count - offset - 2) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if isNonCharacter(page, at: index) { return false }
            offset = index + 1
        }
        return true
    }

    /// U+FFFE or U+FFFF (EF BF BE, EF BF BF) at `offset`: not XML characters, so libxml2 stops or drops there.
    @inline(__always) static func isNonCharacter(_ page: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        page[offset] == 0xEF && offset + 2 < page.count && page[offset + 1] == 0xBF && page[offset + 2] >= 0xBE
    }

    /// Values of at most this many bytes keep their bytes: the stand-in would not be much shorter.
    static let shortestStoodInValue = 6

    /// Whether attribute values of `page` (which ``pageAllows(_:)``) may be stood in for: it has no `&#`.
    static func pageAllowsValueStandIns(_ page: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = page.baseAddress else { return false }
        var offset = 0
        while offset + 1 < page.count, let found = memchr(base + offset, 0x26, page.count - offset - 1) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if base[index + 1] == 0x23 { return false }
            offset = index + 1
        }
        return true
    }

    /// Appends the stand-in for attribute value number `number`: DEL, then the number in decimal.
    static func appendValueStandIn(_ number: Int, to output: inout [UInt8]) {
        output.append(byte)
        RowBytes.appendDecimal(Int64(number), to: &output)
    }

    /// Where the stand-in for the text run `start..<end` of `page` (from the end of a tag to the next `<`) ends,
    /// or nil when the run keeps its bytes: the run up to its first `&`, when that is longer than the stand-in
    /// and has a byte other than a blank within its first chunk.
    static func textRunEnd(_ page: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard end - start > bytes.count, let base = page.baseAddress else { return nil }
        var runEnd = end
        if let ampersand = memchr(base + start, 0x26, end - start) {
            runEnd = base.distance(to: ampersand.assumingMemoryBound(to: UInt8.self))
            guard runEnd - start > bytes.count else { return nil }
        }
        var first = start
        while first < runEnd && isBlank(base[first]) { first += 1 }
        guard first < runEnd, first - start < chunkBytes else { return nil }
        return runEnd
    }

    /// libxml2's `IS_BLANK_CH`.
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// The builder's side: the page and its stood-in text runs, handed back in page order, and attribute values.
    struct Runs {
        let page: UnsafeBufferPointer<UInt8>
        let ranges: [Range<Int>]
        /// The attribute values' ranges, by number.
        let values: [Range<Int>]
        /// The elements stood in for by comments (``ElementStandIns``), by number.
        let elements: [ElementStandIns.Element]
        private var next = 0

        init(page: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], values: [Range<Int>], elements: [ElementStandIns.Element] = []) {
            self.page = page
            self.ranges = ranges
            self.values = values
            self.elements = elements
        }

        /// The page's value when the NUL-terminated attribute value `value` is a stand-in for one, else nil. (A value
        /// of the page may start with DEL only by a numeric reference, and then ``values`` is empty.)
        func value(_ value: UnsafePointer<UInt8>) -> String? {
            guard let number = Self.number(value, below: values.count) else { return nil }
            return KnownValidUTF8.string(UnsafeBufferPointer(rebasing: page[values[number]]))
        }

        /// The number of the first element when the NUL-terminated comment `content` is the stand-in for elements
        /// (``ElementStandIns/Element/following`` links the others), else nil. (A comment of a page that allows
        /// stand-ins has no DEL.)
        func firstElement(_ content: UnsafePointer<UInt8>) -> Int? {
            Self.number(content, below: elements.count)
        }

        /// The number of the stand-in `text` (DEL, then the number in decimal, then NUL) when it is below `limit`.
        private static func number(_ text: UnsafePointer<UInt8>, below limit: Int) -> Int? {
            guard text[0] == byte, text[1] != 0 else { return nil }
            var number = 0
            var offset = 1
            while text[offset] != 0 {
                let digit = Int(text[offset]) - 0x30
                guard digit >= 0 && digit <= 9 && number < limit else { return nil }
                number = number * 10 + digit
                offset += 1
            }
            return number < limit ? number : nil
        }

        /// The page's run when `text` is the stand-in for it, else `text`.
        @inline(__always)
        mutating func resolve(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            guard text.count == 2, text[0] == byte, text[1] == byte, next < ranges.count else { return text }
            defer { next += 1 }
            return UnsafeBufferPointer(rebasing: page[ranges[next]])
        }
    }
}
