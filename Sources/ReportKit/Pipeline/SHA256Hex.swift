import Crypto
import Foundation

/// SHA-256 digests as lower-case hex strings, the form used in ids, provenance and `SHA256SUMS`.
public enum SHA256Hex {
    public static func digest(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// Hashes the slice in place (the generic form copies it into an array first).
    public static func digest(_ bytes: ArraySlice<UInt8>) -> String {
        hex(SHA256.hash(data: bytes))
    }

    public static func digest(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func digest(_ string: String) -> String {
        digest(Array(string.utf8))
    }

    /// Lower-case hex of `digest`'s bytes.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
