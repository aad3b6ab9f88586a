internal import COpenCC
import Foundation
import Synchronization

/// Converts Simplified Chinese to Traditional with OpenCC's `s2t` configuration, for the synthetic
/// corpus's Traditional-script reports (the clean stage converts them back with `t2s`).
///
/// ```swift
/// try TraditionalScriptConverter.shared.toTraditional("营商环境")  // "營商環境"
/// ```
final class TraditionalScriptConverter: Sendable {
    /// One converter for the process; OpenCC's dictionaries take a while to load.
    static let shared = TraditionalScriptConverter()

    private let handle: Mutex<UnsafeMutableRawPointer?>
    private let loadError: String?

    private init() {
        let opened = opencc_open("s2t.json")
        if let opened, Int(bitPattern: opened) != -1 {
            handle = Mutex(opened)
            loadError = nil
        } else {
            handle = Mutex(nil)
            loadError = opencc_error().map { String(cString: $0) } ?? "s2t.json not found"
        }
    }

    /// - Throws: ``SyntheticCorpusError/conversionFailed(_:)`` when OpenCC is missing or fails.
    func toTraditional(_ text: String) throws -> String {
        try handle.withLock { handle in
            guard let handle else {
                throw SyntheticCorpusError.conversionFailed(
                    "OpenCC could not be loaded (\(loadError ?? "unknown error")). Install `libopencc-dev` and `libopencc-data` (make does this)."
                )
            }
            let utf8 = Array(text.utf8)
            let converted = utf8.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    opencc_convert_utf8(handle, chars.baseAddress, chars.count)
                }
            }
            guard let converted else {
                throw SyntheticCorpusError.conversionFailed(
                    "OpenCC could not convert the text: \(opencc_error().map { String(cString: $0) } ?? "unknown error")"
                )
            }
            defer { opencc_convert_utf8_free(converted) }
            return String(cString: converted)
        }
    }
}
