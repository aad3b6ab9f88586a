import Foundation

/// The character encoding of a document and how it was decided.
public struct DetectedEncoding: Sendable, Equatable, Codable {
    /// A canonical name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `BIG5`.
    public let name: String
    /// How it was found: `bom`, `http-header`, `meta-charset`, `valid-utf8`, `detected`.
    public let evidence: String
}

/// Decides the encoding of raw bytes and decodes them: BOM, then a declared charset (HTTP header or
/// HTML `<meta>`), then valid UTF-8, else GB18030 (a superset of GB2312 and GBK).
///
/// ```swift
/// let (text, encoding) = try EncodingDetector().decode(bytes, path: "a.html", isHTML: true)
/// encoding  // DetectedEncoding(name: "GB18030", evidence: "meta-charset")
/// ```
public struct EncodingDetector: Sendable {
    public init() {}

    /// - Throws: ``FetchError/binary(_:kind:)`` for images, archives and other binary data, and
    ///   ``FetchError/undecodable(_:reason:)`` when no supported encoding fits the bytes.
    public func decode(_ bytes: [UInt8], path: String, isHTML: Bool, declaredCharset: String? = nil) throws -> (
        String, DetectedEncoding
    ) {
        let decoded = try decodeCounting(bytes, path: path, isHTML: isHTML, declaredCharset: declaredCharset)
        return (decoded.text, decoded.encoding)
    }

    /// ``decode(_:path:isHTML:declaredCharset:)`` and, when the text is the bytes (or all but a byte-order mark)
    /// read as UTF-8, the facts the validation counted on them (``UTF8Validation``).
    func decodeCounting(_ bytes: [UInt8], path: String, isHTML: Bool, declaredCharset: String? = nil) throws -> (
        text: String, encoding: DetectedEncoding, facts: UTF8Validation?
    ) {
        if let kind = Self.binaryKind(bytes) { throw FetchError.binary(path, kind: kind) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let (text, facts) = try utf8(Array(bytes.dropFirst(3)), path: path)
            return (text, DetectedEncoding(name: "UTF-8", evidence: "bom"), facts)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            do {
                let text = try IconvDecoder.decode(Array(bytes.dropFirst(2)), from: name)
                return (text, DetectedEncoding(name: name, evidence: "bom"), nil)
            } catch {
                throw FetchError.undecodable(path, reason: "\(error)")
            }
        }
        if Self.containsNUL(bytes) { throw FetchError.binary(path, kind: "contains NUL bytes") }
        if let declared = declaredCharset.flatMap(Self.canonicalName) {
            let (text, facts) = try legacyOrUTF8(bytes, encoding: declared, path: path)
            return (text, DetectedEncoding(name: declared, evidence: "http-header"), facts)
        }
        // Read once: the `<meta>` charset's UTF-8 case and the plain one ask the same question.
        var validated: (String, UTF8Validation)??
        func validatedUTF8() -> (String, UTF8Validation)? {
            if let validated { return validated }
            let result = KnownValidUTF8.validating(bytes)
            validated = .some(result)
            return result
        }
        if isHTML, let declared = Self.metaCharset(in: bytes).flatMap(Self.canonicalName) {
            if declared == "UTF-8" {
                if let (text, facts) = validatedUTF8() { return (text, DetectedEncoding(name: "UTF-8", evidence: "meta-charset"), facts) }
                if let text = Self.truncatedUTF8(bytes) { return (text, DetectedEncoding(name: "UTF-8", evidence: "meta-charset"), nil) }
            } else {
                let (text, facts) = try legacyOrUTF8(bytes, encoding: declared, path: path)
                return (text, DetectedEncoding(name: declared, evidence: "meta-charset"), facts)
            }
        }
        if let (text, facts) = validatedUTF8() {
            return (text, DetectedEncoding(name: "UTF-8", evidence: "valid-utf8"), facts)
        }
        if let text = Self.truncatedUTF8(bytes) {
            // A download cut inside a character: UTF-8 up to the last few bytes.
            return (text, DetectedEncoding(name: "UTF-8", evidence: "valid-utf8-truncated"), nil)
        }
        let text: String
        do {
            text = try IconvDecoder.decode(bytes, from: "GB18030")
        } catch {
            throw FetchError.undecodable(path, reason: "not UTF-8, and as GB18030 \(error)")
        }
        guard Self.looksLikeGBText(bytes) else {
            throw FetchError.undecodable(
                path, reason: "not UTF-8, and as GB18030 it would be mostly rare characters, so it is probably binary or another encoding")
        }
        return (text, DetectedEncoding(name: "GB18030", evidence: "detected"), nil)
    }

    /// `bytes.contains(0)`, with `memchr` (which reads many bytes per step).
    static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, buffer.count) != nil
        }
    }

    private func utf8(_ bytes: [UInt8], path: String) throws -> (String, UTF8Validation) {
        guard let decoded = KnownValidUTF8.validating(bytes) else {
            throw FetchError.undecodable(path, reason: "it starts with a UTF-8 byte-order mark but holds invalid UTF-8")
        }
        return decoded
    }

    private func legacyOrUTF8(_ bytes: [UInt8], encoding: String, path: String) throws -> (String, UTF8Validation?) {
        if encoding == "UTF-8" {
            let (text, facts) = try utf8(bytes, path: path)
            return (text, facts)
        }
        do {
            return (try IconvDecoder.decode(bytes, from: encoding), nil)
        } catch {
            // Sites declare gb2312 and serve UTF-8 more often than one would think.
            if let (text, facts) = KnownValidUTF8.validating(bytes) { return (text, facts) }
            throw FetchError.undecodable(path, reason: "declared \(encoding), but \(error)")
        }
    }

    /// The text when `bytes` is valid UTF-8 except for an incomplete character in its last three bytes.
    static func truncatedUTF8(_ bytes: [UInt8]) -> String? {
        for cut in 1...3 where bytes.count > cut {
            if let text = String(validating: bytes.dropLast(cut), as: UTF8.self) { return text }
        }
        return nil
    }

    /// True when most double-byte characters fall in GB2312's first level (the 3,755 most common
    /// characters) or its punctuation rows, as real Chinese text does; random bytes land there about 20% of the time.
    static func looksLikeGBText(_ bytes: [UInt8]) -> Bool {
        var pairs = 0
        var common = 0
        var index = 0
        while index + 1 < bytes.count {
            let lead = bytes[index]
            guard lead >= 0x81 else {
                index += 1
                continue
            }
            let trail = bytes[index + 1]
            pairs += 1
            if (0xB0...0xD7).contains(lead) && trail >= 0xA1 || (0xA1...0xA3).contains(lead) && trail >= 0xA1 { common += 1 }
            index += 2
        }
        return pairs == 0 || Double(common) / Double(pairs) >= 0.6
    }

    /// Maps charset labels to the names iconv knows; GB2312 and GBK decode as their superset GB18030.
    static func canonicalName(_ label: String) -> String? {
        switch asciiFolded(label) ?? label.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8": "UTF-8"
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "gb_2312-80", "hz-gb-2312": "GB18030"
        case "big5", "big5-hkscs", "x-x-big5": "BIG5"
        case "utf-16le": "UTF-16LE"
        case "utf-16be", "utf-16": "UTF-16BE"
        case "iso-8859-1", "latin1", "windows-1252", "us-ascii", "ascii": "WINDOWS-1252"
        default: nil
        }
    }

    /// `label.lowercased().trimmingCharacters(in: .whitespaces)` for an ASCII label, read from its bytes (Foundation's
    /// calls cost about 8,000 instructions a label): ASCII lower-cases to ASCII, and the only ASCII scalars of
    /// `.whitespaces` are the space and the tab. Nil for a label with any other byte.
    static func asciiFolded(_ label: String) -> String? {
        var label = label
        return label.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for offset in start..<end {
                    let byte = bytes[offset]
                    out[offset - start] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return end - start
            }
        }
    }

    /// The charset named by `<meta charset=…>` or `<meta http-equiv … content="…; charset=…">` in the first 4 KB.
    static func metaCharset(in bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 4096)
        guard let start = firstCharsetLabel(in: bytes, limit: limit) else { return nil }
        if let label = asciiLabel(in: bytes, from: start, limit: limit) { return label.isEmpty ? nil : label }
        return metaCharsetReadingCharacters(in: bytes)
    }

    /// ``metaCharset(in:)`` read from the lower-cased text, Character by Character: the general path, for
    /// heads that are not ASCII around the label.
    static func metaCharsetReadingCharacters(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        var label = ""
        for character in head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " }) {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                label.append(character)
            } else {
                break
            }
        }
        return label.isEmpty ? nil : label
    }

    /// The offset just after the first `charset=` (ASCII letters in any case) in `bytes[..<limit]`. Without
    /// one the lower-cased text cannot hold `charset=` either: only U+0130 and U+212A lower-case to ASCII
    /// (`i`, `k`), and neither letter is in the word.
    static func firstCharsetLabel(in bytes: [UInt8], limit: Int) -> Int? {
        let word = Array("charset=".utf8)
        guard limit >= word.count else { return nil }
        for offset in 0...(limit - word.count) {
            var index = 0
            while index < word.count, (bytes[offset + index] | (index < 7 ? 0x20 : 0)) == word[index] { index += 1 }
            if index == word.count { return offset + word.count }
        }
        return nil
    }

    /// The label after `charset=` read from bytes, when everything from the start of the file to one byte past
    /// the label's end is ASCII (so characters are bytes and lower-casing is ASCII's); nil means "ask the
    /// general path". Quotes and spaces before the label are skipped, as there.
    static func asciiLabel(in bytes: [UInt8], from start: Int, limit: Int) -> String? {
        var index = start
        while index < limit, bytes[index] == 0x22 || bytes[index] == 0x27 || bytes[index] == 0x20 { index += 1 }
        var label: [UInt8] = []
        while index < limit {
            let byte = bytes[index] | (bytes[index] >= 0x41 && bytes[index] <= 0x5A ? 0x20 : 0)
            let isLabel = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
            if !isLabel { break }
            label.append(byte)
            index += 1
        }
        // The byte that ends the label and the one after it must be ASCII and inside the head.
        guard index + 1 < limit, bytes[..<(index + 2)].allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(decoding: label, as: UTF8.self)
    }

    /// Recognises common binary formats by their magic numbers.
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        for (magic, kind) in binarySignatures where bytes.starts(with: magic) { return kind }
        return nil
    }

    /// The magic numbers ``binaryKind(_:)`` knows, built once (not for every document).
    private static let binarySignatures: [([UInt8], String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "GIF image"), ([0x25, 0x50, 0x44, 0x46], "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive or Office document"), ([0x1F, 0x8B], "gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"), ([0x52, 0x49, 0x46, 0x46], "RIFF media file"),
        ([0xD0, 0xCF, 0x11, 0xE0], "legacy Office document"),
    ]
}
