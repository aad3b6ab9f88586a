import Foundation

/// One input as text, before cleaning: the decoded characters and how they were decoded.
public struct DecodedDocument: Sendable {
    public enum Format: String, Sendable, Codable { case text, html }

    public let source: SourceReference
    public let sha256: String
    public let byteCount: Int
    public let format: Format
    public let encoding: DetectedEncoding
    public let text: String
    /// How the document was fetched, for web sources.
    public var fetch: FetchRecord? = nil
}

/// Decides whether a document is HTML or plain text and decodes its bytes (see ``EncodingDetector``).
public struct DocumentDecoder: Stage {
    public var name: String { "clean.decode" }

    public init() {}

    public func process(_ raw: RawDocument) throws -> StageOutcome<DecodedDocument> {
        let isHTML = Self.looksLikeHTML(raw)
        let (text, encoding, facts) = try EncodingDetector().decodeCounting(
            raw.bytes, path: raw.source.displayPath, isHTML: isHTML, declaredCharset: raw.declaredCharset)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            throw FetchError.whitespaceOnly(raw.source.displayPath)
        }
        if Self.controlCharacterShare(text, counted: facts) > 0.05 {
            throw FetchError.binary(raw.source.displayPath, kind: "more than 5% control characters")
        }
        return .keep(
            DecodedDocument(
                source: raw.source, sha256: raw.sha256, byteCount: raw.bytes.count,
                format: isHTML ? .html : .text, encoding: encoding, text: text, fetch: raw.fetch))
    }

    /// HTML by extension, or by markup at the start of the file.
    static func looksLikeHTML(_ raw: RawDocument) -> Bool {
        let lowered = raw.source.displayPath.lowercased()
        if [".html", ".htm", ".shtml", ".xhtml"].contains(where: lowered.hasSuffix) { return true }
        // Every marker starts with `<`, and no other byte decodes or lowercases to it: without one, no markup. Found
        // with `memchr` (reads many bytes per step): the generic `contains` of the head cost about five instructions a byte.
        let headLength = min(raw.bytes.count, 1024)
        guard raw.bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0x3C, headLength) != nil } ?? false }) else {
            return false
        }
        let head = String(decoding: raw.bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body")
    }

    /// ``controlCharacterShare(_:)`` from the counts the UTF-8 validation of `text`'s bytes made, when it made
    /// them and they cover the scalars the share is taken over (a text of at most 65,536).
    static func controlCharacterShare(_ text: String, counted facts: UTF8Validation?) -> Double {
        guard let facts, facts.scalars <= 65536 else { return controlCharacterShare(text) }
        return facts.scalars == 0 ? 0 : Double(facts.controls) / Double(facts.scalars)
    }

    /// The share of control characters among the first 65,536 scalars. Counted on UTF-8 bytes: every byte
    /// that is not a continuation byte starts a scalar, and a control character is always one byte. Eight bytes
    /// at a time (``ControlCharacterCount``) while the limit cannot be reached within the word, then byte by byte.
    static func controlCharacterShare(_ text: String) -> Double {
        var text = text
        let (control, total) = text.withUTF8 { bytes in
            var control = 0
            var total = 0
            var index = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= bytes.count, total + 8 <= 65536 {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    control += ControlCharacterCount.controls(in: word)
                    total += ControlCharacterCount.scalarStarts(in: word)
                    index += 8
                }
            }
            while index < bytes.count, total < 65536 {
                let byte = bytes[index]
                index += 1
                guard byte & 0xC0 != 0x80 else { continue }
                total += 1
                if byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 { control += 1 }
            }
            return (control, total)
        }
        return total == 0 ? 0 : Double(control) / Double(total)
    }
}

/// Per-byte masks of a UInt64 of UTF-8 (bit 7 of each byte lane), exact for every byte: no carry crosses a lane.
enum ControlCharacterCount {
    static let highs = ByteScan.highs
    static let lows: UInt64 = ~ByteScan.highs

    /// Lanes whose byte is zero.
    @inline(__always) static func zeroLanes(_ word: UInt64) -> UInt64 { ~(((word & lows) &+ lows) | word) & highs }

    /// Lanes whose byte equals `byte`.
    @inline(__always) static func lanes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        zeroLanes(word ^ (ByteScan.ones &* UInt64(byte)))
    }

    /// Control characters other than tab, line feed and carriage return: bytes below 0x20 but those three.
    @inline(__always) static func controls(in word: UInt64) -> Int {
        // (b & 0x7F) + 0x60 reaches bit 7 exactly when b & 0x7F >= 0x20; with b's own bit 7, lanes of b >= 0x20.
        let below20 = ~(((word & lows) &+ 0x6060_6060_6060_6060) | word) & highs
        guard below20 != 0 else { return 0 }
        let allowed = lanes(equalTo: 0x09, in: word) | lanes(equalTo: 0x0A, in: word) | lanes(equalTo: 0x0D, in: word)
        return (below20 & ~allowed).nonzeroBitCount
    }

    /// Bytes that start a scalar: all but continuation bytes (10xxxxxx).
    @inline(__always) static func scalarStarts(in word: UInt64) -> Int {
        8 - (word & ~(word << 1) & highs).nonzeroBitCount
    }
}
