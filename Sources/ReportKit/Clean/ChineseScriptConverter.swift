internal import COpenCC
import Foundation
import Synchronization

/// Converts between Traditional and Simplified Chinese with OpenCC's phrase-level configurations
/// (`t2s` for cleaning, `s2t` for the synthetic benchmark corpus), and detects whether a text is written
/// in Traditional script at all (cleaning converts only when it is).
///
/// ```swift
/// try ChineseScriptConverter.shared.toSimplified("營商環境")               // "营商环境"
/// try ChineseScriptConverter.simplifiedToTraditional.convert("营商环境")  // "營商環境"
/// ```
public final class ChineseScriptConverter: Sendable {
    public enum ConverterError: Error, CustomStringConvertible {
        case unavailable(String)
        case conversionFailed(String)
        public var description: String {
            switch self {
            case .unavailable(let reason):
                "OpenCC could not be loaded (\(reason)). Install `libopencc-dev` and `libopencc-data` (make does this)."
            case .conversionFailed(let reason): "OpenCC could not convert the text: \(reason)"
            }
        }
    }

    /// Traditional to Simplified, one converter for the process; OpenCC's dictionaries take a while to load.
    /// It runs OpenCC's `t2s` conversion chain without its segmentation pass (``unsegmentedConfiguration``),
    /// which gives the same text for about three quarters of the work; stock `t2s.json` when that file is missing.
    /// That pass runs from tables read out of OpenCC's dictionaries (``ScriptConversionTable``), not in OpenCC.
    public static let shared = ChineseScriptConverter(configurations: [unsegmentedConfiguration, "t2s.json"].compactMap { $0 })
    /// OpenCC's stock `t2s.json`, the definition ``shared`` is checked against.
    static let stockTraditionalToSimplified = ChineseScriptConverter(configuration: "t2s.json")
    /// Simplified to Traditional.
    public static let simplifiedToTraditional = ChineseScriptConverter(configuration: "s2t.json")

    /// The configuration file OpenCC loaded (the first of those given that opened).
    let configuration: String
    /// Loaded converters not in use. A thread that finds none opens its own, so conversions on different
    /// threads never wait for each other; there are never more than the threads that convert at once.
    private let idle: Mutex<[Handle]>
    /// The configuration's conversion from tables in memory, when it is one longest-match pass (as ``shared``'s
    /// is): the same text for a small part of OpenCC's work. OpenCC converts when this is nil, and the rare text
    /// the tables leave to it.
    private let table: ScriptConversionTable?
    /// Whether conversions run from ``table``.
    var readsTables: Bool { table != nil }

    /// A loaded OpenCC converter. The pool hands each one to a single thread at a time, which is what makes
    /// moving it between threads safe.
    private struct Handle: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }
    private let loadError: String?

    private convenience init(configuration: String) {
        self.init(configurations: [configuration], readsTables: false)
    }

    /// Opens the first of `configurations` that OpenCC can load; with `readsTables`, as tables when it can
    /// (``ScriptConversionTable``; OpenCC itself is then opened only if a text needs it).
    init(configurations: [String], readsTables: Bool = true) {
        var error: String?
        for configuration in configurations {
            if readsTables, let table = ScriptConversionTable.load(configuration: configuration) {
                self.configuration = configuration
                idle = Mutex([])
                self.table = table
                loadError = nil
                return
            }
            if let opened = Self.open(configuration) {
                self.configuration = configuration
                idle = Mutex([opened])
                table = nil
                loadError = nil
                return
            }
            error = error ?? opencc_error().map { String(cString: $0) }
        }
        configuration = configurations.last ?? ""
        idle = Mutex([])
        table = nil
        loadError = error ?? "\(configuration) not found"
    }

    /// `Resources/opencc/t2s-unsegmented.json`: stock `t2s` with an empty segmentation dictionary, so the text is
    /// one segment. The same text comes out because every `TSPhrases` key is two characters or more and every
    /// `TSCharacters` key is one: longest match over the group stops where the segmentation would have cut
    /// (Resources/README.md has the check). Its dictionary paths are found next to it, then in OpenCC's data folder.
    static let unsegmentedConfiguration: String? = {
        let url = Bundle.module.url(forResource: "t2s-unsegmented", withExtension: "json", subdirectory: "Resources/opencc")
            ?? Bundle.module.url(forResource: "t2s-unsegmented", withExtension: "json", subdirectory: "opencc")
        return url?.path
    }()

    private static func open(_ configuration: String) -> Handle? {
        guard let opened = opencc_open(configuration), Int(bitPattern: opened) != -1 else { return nil }
        return Handle(pointer: opened)
    }

    public func toSimplified(_ text: String) throws -> String { try convert(text) }

    /// Converts `text` with this converter's configuration.
    public func convert(_ text: String) throws -> String {
        if let converted = table?.convert(text) { return converted }
        guard loadError == nil, let handle = idle.withLock({ $0.popLast() }) ?? Self.open(configuration) else {
            throw ConverterError.unavailable(loadError ?? "\(configuration) could not be opened again")
        }
        defer { idle.withLock { $0.append(handle) } }
        let utf8 = Array(text.utf8)
        let converted = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                opencc_convert_utf8(handle.pointer, chars.baseAddress, chars.count)
            }
        }
        guard let converted else {
            throw ConverterError.conversionFailed(opencc_error().map { String(cString: $0) } ?? "unknown error")
        }
        defer { opencc_convert_utf8_free(converted) }
        return String(cString: converted)
    }

    /// Common characters that exist only in Traditional script; a text with several is Traditional.
    private static let traditionalOnly = "們這個來說對會為時國與發經實現務開關過還從點體進辦動區應環營業產華當歲將專務與東車門問長電無鄉縣機構"
    private static let simplifiedOnly = "们这个来说对会为时国与发经实现务开关过还从点体进办动区应环营业产华当岁将专东车门问长电无乡县机构"

    /// 2 for the Traditional-only characters, 1 for the Simplified-only ones, 0 for the rest of the Basic
    /// Multilingual Plane (every marker is a BMP ideograph): two bits per scalar, 32 to a word
    /// (``scriptMarker(_:in:)``). A character in both lists counts as Traditional, as it always has. The 16 KB
    /// stay in the first-level cache while a text is read, where a byte per scalar (64 KB) missed it on most
    /// characters.
    static let scriptMarkers: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 0x10000 / 32)
        func set(_ text: String, _ marker: UInt64) {
            for scalar in text.unicodeScalars {
                let value = Int(scalar.value)
                table[value >> 5] = table[value >> 5] & ~(3 << UInt64((value & 31) << 1)) | marker << UInt64((value & 31) << 1)
            }
        }
        set(simplifiedOnly, 1)
        set(traditionalOnly, 2)
        return table
    }()

    /// The marker of the BMP scalar value `value` in ``scriptMarkers``.
    @inline(__always)
    static func scriptMarker(_ value: Int, in markers: UnsafeBufferPointer<UInt64>) -> UInt64 {
        (markers[value >> 5] >> UInt64((value & 31) << 1)) & 3
    }

    /// True when Traditional-only characters outnumber Simplified-only ones (and there are at least three).
    /// Read from the UTF-8 bytes: every marker is a three-byte scalar, and only a scalar's first byte has the
    /// form `1110xxxx`.
    public static func isTraditional(_ text: String) -> Bool { scriptMarkerTally(text).isTraditional }

    /// The counts behind ``isTraditional(_:)``.
    static func scriptMarkerTally(_ text: String) -> ScriptMarkerTally {
        var text = text
        return scriptMarkers.withUnsafeBufferPointer { markers in
            text.withUTF8 { bytes in
                var tally = ScriptMarkerTally()
                var index = 0
                let end = bytes.count - 2
                while index < end {
                    if bytes[index] & 0xF0 == 0xE0 {
                        tally.add(threeByteScalarAt: index, of: bytes, markers: markers)
                        index += 3
                    } else {
                        index += 1
                    }
                }
                return tally
            }
        }
    }
}

/// The counts behind ``ChineseScriptConverter/isTraditional(_:)``, fed one three-byte scalar at a time, so a pass
/// that reads every scalar of the text anyway (``UTF8Normalizer``) can answer it without a pass of its own.
struct ScriptMarkerTally: Sendable, Equatable {
    private var traditional = 0
    private var simplified = 0

    /// Counts the three-byte scalar at `offset` (its lead byte is E0…EF); `markers` is
    /// ``ChineseScriptConverter/scriptMarkers``.
    @inline(__always)
    mutating func add(threeByteScalarAt offset: Int, of bytes: UnsafeBufferPointer<UInt8>, markers: UnsafeBufferPointer<UInt64>) {
        let value = Int(bytes[offset] & 0x0F) << 12 | Int(bytes[offset + 1] & 0x3F) << 6 | Int(bytes[offset + 2] & 0x3F)
        // Without branches (2 counts as Traditional, 1 as Simplified): markers are rare, and a branch on every
        // character of a text cost more than the two additions.
        let marker = Int(ChineseScriptConverter.scriptMarker(value, in: markers))
        traditional &+= marker >> 1
        simplified &+= marker & 1
    }

    /// Counts markers found elsewhere (``CJKRun``).
    @inline(__always)
    mutating func add(traditional: Int, simplified: Int) {
        self.traditional &+= traditional
        self.simplified &+= simplified
    }

    /// ``ChineseScriptConverter/isTraditional(_:)`` of the scalars counted.
    var isTraditional: Bool { traditional >= 3 && traditional > simplified }

    /// Counts `scalar` `weight` times (-1 takes a counted one away).
    mutating func add(_ scalar: Unicode.Scalar, weight: Int = 1) {
        guard scalar.value < 0x10000 else { return }  // every marker is in the Basic Multilingual Plane
        let marker = ChineseScriptConverter.scriptMarkers.withUnsafeBufferPointer {
            ChineseScriptConverter.scriptMarker(Int(scalar.value), in: $0)
        }
        switch marker {
        case 2: traditional += weight
        case 1: simplified += weight
        default: break
        }
    }

    /// Adds the counts of `other` (which may be a change, with negative counts).
    mutating func add(_ other: ScriptMarkerTally) {
        traditional += other.traditional
        simplified += other.simplified
    }
}
