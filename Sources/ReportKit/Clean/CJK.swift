/// Character classes used throughout cleaning and extraction.
enum CJK {
    /// A Han ideograph (CJK Unified Ideographs, extension A, compatibility ideographs).
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { isIdeograph(value: scalar.value) }

    /// ``isIdeograph(_:)`` of a scalar value, for decoders that have the value and not yet a `Unicode.Scalar`.
    @inline(__always)
    static func isIdeograph(value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// CJK punctuation and full-width forms (、。“”《》（）：，；！？ and friends).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x2014...0x201F,
            0x2026, 0x00B7:
            true
        default: false
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool { isIdeograph(scalar) || isPunctuation(scalar) }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x80 && isASCIIDigit(byte: UInt8(scalar.value)) }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x80 && isASCIILetter(byte: UInt8(scalar.value)) }

    /// ``isASCIIDigit(_:)`` of a byte, for the scanners that read UTF-8 (a byte below 0x80 is its own scalar).
    @inline(__always) static func isASCIIDigit(byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// ``isASCIILetter(_:)`` of a byte: setting bit 5 lowercases exactly the capitals, and nothing else lands in a…z.
    @inline(__always) static func isASCIILetter(byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{00A0}" || scalar == "\u{2002}"
            || scalar == "\u{2003}" || scalar == "\u{2009}" || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }
}
