/// Reads one entry of a report's `quality_flags` (`boilerplate_removed=1;mojibake_unrepaired=3`) for the rules
/// that report it. Splitting the String by Character walks its graphemes; the flags are ASCII, where a
/// Character is a byte (CR LF aside, which neither `;` nor `=` belongs to), so bytes give the same answer.
enum QualityFlagValue {
    /// What ``reference(_:in:)`` gives, byte by byte when `flags` is ASCII.
    static func value(_ name: String, in flags: String) -> String? {
        var key = name + "="
        // No bytes, no entry: nothing is canonically equivalent to ASCII.
        guard ScalarText.containsBytes(flags, key) else { return nil }
        var flags = flags
        // nil: not ASCII, ask the reference; .some(nil): no entry.
        let fast: String?? = flags.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return key.withUTF8 { key in .some(asciiValue(key, in: bytes)) }
        }
        return fast ?? reference(name, in: flags)
    }

    /// The value as the rules first found it: the first `;`-separated entry starting with `name=`, and the last
    /// `=`-separated part of that entry.
    static func reference(_ name: String, in flags: String) -> String? {
        guard let entry = flags.split(separator: ";").first(where: { $0.hasPrefix(name + "=") }) else { return nil }
        return String(entry.split(separator: "=").last ?? "")
    }

    /// ``reference(_:in:)`` on ASCII bytes (`key` is `name=`); empty pieces are skipped as `split` omits them.
    private static func asciiValue(_ key: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
            let entry = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if entry.count >= key.count, entry.prefix(key.count).elementsEqual(key) {
                // The last non-empty piece between `=` signs (the key's name piece at least is non-empty).
                var pieceEnd = entry.count
                while pieceEnd > 0, entry[pieceEnd - 1] == UInt8(ascii: "=") { pieceEnd -= 1 }
                var pieceStart = pieceEnd
                while pieceStart > 0, entry[pieceStart - 1] != UInt8(ascii: "=") { pieceStart -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: entry[pieceStart..<pieceEnd]), as: UTF8.self)
            }
            start = end + 1
        }
        return nil
    }
}
