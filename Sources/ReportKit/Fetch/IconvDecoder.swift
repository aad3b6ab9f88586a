import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Decodes bytes in a legacy encoding (GB18030, GBK, Big5, …) to a String with the C library's iconv.
///
/// Foundation on Linux does not decode GB18030, and Chinese sites serve it every day, so this wraps
/// glibc's converter. Decoding is strict: an invalid byte sequence throws with its offset rather than
/// being silently replaced.
enum IconvDecoder {
    enum Failure: Error, CustomStringConvertible {
        case unsupported(String)
        case invalidSequence(encoding: String, offset: Int)
        var description: String {
            switch self {
            case .unsupported(let encoding): "the encoding '\(encoding)' is not supported"
            case .invalidSequence(let encoding, let offset): "bytes at offset \(offset) are not valid \(encoding)"
            }
        }
    }

    static func decode(_ bytes: [UInt8], from encoding: String) throws -> String {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { throw Failure.unsupported(encoding) }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        let produced: Int = try input.withUnsafeMutableBufferPointer { inBuffer in
            try output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft > 0 {
                    throw Failure.invalidSequence(encoding: encoding, offset: inBuffer.count - inLeft)
                }
                return outBuffer.count - outLeft
            }
        }
        return String(decoding: output[0..<produced], as: UTF8.self)
    }

    /// Encodes a String into a legacy encoding; returns `nil` when a character has no code there.
    static func encode(_ string: String, to encoding: String) -> [UInt8]? {
        let converter = iconv_open(encoding, "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(string.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft > 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output[0..<produced])
    }
}
