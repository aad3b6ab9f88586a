import Foundation

/// The bytes of one input exactly as read, with the facts that make it traceable.
public struct RawDocument: Sendable {
    public let source: SourceReference
    public let bytes: [UInt8]
    /// Lower-case hex SHA-256 of `bytes`.
    public let sha256: String

    public init(source: SourceReference, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
        self.sha256 = SHA256Hex.digest(bytes)
    }
}
