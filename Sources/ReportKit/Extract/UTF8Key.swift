/// A String hashed and compared by its UTF-8 bytes, for sets of terms from plain text (``TextSpans/isPlain``):
/// there every scalar is a Character of its own without a canonical equivalent, so byte equality is exactly
/// String's equality, while String's own hashing would normalise non-ASCII text first.
struct UTF8Key: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (left: UTF8Key, right: UTF8Key) -> Bool { left.string.utf8.elementsEqual(right.string.utf8) }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in string.utf8 { hasher.combine(byte) }
        }
        hasher.combine(0xFF as UInt8)  // no UTF-8 byte: ends the string, as String's hashing does
    }
}
