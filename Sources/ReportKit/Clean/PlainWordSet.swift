/// A fixed set of plain words (``ScalarText/isPlain(_:)``) searched for in a plain text in one pass.
///
/// In plain text a plain word occurs (as Characters) exactly where its bytes do, and its bytes can only start
/// where a scalar starts. So the text's scalars are walked once: a 64-bit mask of the words' first scalars
/// (value mod 64) turns most of them away, and only the words whose first scalar it is are compared there.
/// Searching each word on its own cost a call and a pass over the text per word.
struct PlainWordSet: Sendable {
    private let words: [(first: UInt32, bytes: [UInt8])]
    private let firstScalarMask: UInt64

    /// `words` must be non-empty and plain.
    init(_ words: [String]) {
        self.words = words.map { ($0.unicodeScalars.first!.value, Array($0.utf8)) }
        firstScalarMask = self.words.reduce(0) { $0 | 1 << ($1.first & 63) }
    }

    /// Whether any of the words occurs in `text`, which must be plain.
    func anyOccurs(inPlain text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: offset)
                if firstScalarMask & 1 << (value & 63) != 0 {
                    for word in words where word.first == value && offset + word.bytes.count <= bytes.count {
                        if UnsafeBufferPointer(rebasing: bytes[offset..<(offset + word.bytes.count)]).elementsEqual(word.bytes) {
                            return true
                        }
                    }
                }
                offset += length
            }
            return false
        }
    }
}
