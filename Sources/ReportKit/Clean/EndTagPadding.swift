/// Blanks put before the `>` of a page's last end tag (`</html   …   >`), so libxml2 reads the rest of the page
/// more than `INPUT_CHUNK` (250) bytes from the end of its input.
///
/// Within that distance of the end, libxml2 2.9's `GROW` calls `xmlParserInputGrow` before each construct, which
/// (for a memory input with an encoder) asks the read callback and the encoder for more input every time: about
/// 360 instructions a call, about a hundred calls on a news page's tail. The blanks are skipped by `SKIP_BLANKS`
/// in `htmlParseEndTag` (about 10 instructions each) and change nothing else: an end tag may have blanks before
/// its `>`. ``UnreadAttributeFilter`` gives the place (``UnreadAttributeFilter/Filtered/lastEndTagClose``) only
/// where libxml2 reads that tag as an end tag and only blanks follow it.
enum EndTagPadding {
    /// libxml2's `INPUT_CHUNK`.
    static let count = 250

    /// `bytes` with ``count`` blanks inserted at `close`, the offset of an end tag's `>`.
    static func pad(_ bytes: inout [UInt8], before close: Int) {
        bytes.insert(contentsOf: repeatElement(0x20, count: count), at: close)
    }
}
