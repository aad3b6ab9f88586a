/// ``TextNormalizer/isNFCStable(_:)`` decided scalar by scalar, so the normaliser's one pass can answer it.
///
/// A text passes when all its scalars are classic (``TextNormalizer/isClassicNFCStable(_:)``) or all are
/// inert (``TextNormalizer/isNFCInert(_:)``). The classic scalars that are not inert are exactly U+2000,
/// U+2001 and U+302A…U+302F; every other classic scalar is inert. So the text passes unless some scalar
/// is neither, or it holds one of those exceptions and also a scalar outside the classic ranges.
struct NFCStability {
    private var sawException = false
    private var sawOutsideClassic = false

    /// False as soon as the text read so far (ending in `value`) can no longer pass.
    @inline(__always)
    mutating func admits(_ value: UInt32) -> Bool {
        switch value {
        case 0x2000, 0x2001, 0x302A...0x302F:
            sawException = true
            return !sawOutsideClassic
        case 0...0x2FF, 0x2002...0x206F, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF:
            return true
        default:
            // Outside the classic ranges, so inert means plain and not U+2ADC.
            guard value != 0x2ADC, let scalar = Unicode.Scalar(value), TextSpans.isPlain(scalar) else { return false }
            sawOutsideClassic = true
            return !sawException
        }
    }
}
