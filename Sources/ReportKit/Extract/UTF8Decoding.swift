import CKernels

/// The scalars of a String decoded straight from its UTF-8 (which Swift keeps valid), for the extract and
/// validate stages. `String.UnicodeScalarView`'s iterator costs about 40 instructions per scalar here; the
/// byte loop below a fraction of that, and it can note each scalar's UTF-8 offset on the way.
extension ScalarText {
    /// `Array(text.unicodeScalars)`, decoded from the UTF-8 in one pass by ``rk_utf8_decode_avx2`` (eight three-byte
    /// scalars per step; ``rk_utf8_decode_portable`` without AVX2): the clean stage's mojibake repair decodes most
    /// documents whole.
    static func decodedScalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            // A scalar takes at least one byte: the UTF-8 length is never too small a capacity.
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                guard let source = bytes.baseAddress, let target = buffer.baseAddress else {
                    count = 0
                    return
                }
                count = UnsafeMutableRawPointer(target).withMemoryRebound(to: UInt32.self, capacity: bytes.count) { values in
                    UTF8Validation.avx2Available
                        ? rk_utf8_decode_avx2(source, bytes.count, values) : rk_utf8_decode_portable(source, bytes.count, values)
                }
            }
        }
    }

    /// `Array(text.unicodeScalars)` and where each scalar starts in the UTF-8, followed by the UTF-8 length
    /// (so `utf8Offsets` has one entry more than `scalars`).
    static func decodedScalarsWithOffsets(_ text: String) -> (scalars: [Unicode.Scalar], utf8Offsets: [Int32]) {
        decode(text) { bytes, scalarBuffer, offsetBuffer in decodeLoop(bytes, into: scalarBuffer, offsets: offsetBuffer) }
    }

    /// ``decodedScalarsWithOffsets(_:)`` and each scalar's byte of `flagTable` (one per BMP scalar; `astralFlags`
    /// answers for the others), looked up as the scalar is decoded and stored one per scalar: a caller that
    /// classifies every scalar reads those bytes instead of walking the scalars again.
    ///
    /// `kept` collects the scalars whose flag byte has a bit of `keptFlags`, as code points and as UTF-8, from the decoded
    /// scalars, flags and offsets: dedup's normalised text (``MinHasher/normalized(_:)``) without decoding the text again.
    static func decodedScalarsWithOffsets(
        _ text: String, flagTable: UnsafeBufferPointer<UInt8>, astralFlags: (Unicode.Scalar) -> UInt8, keeping keptFlags: UInt8 = 0
    ) -> (scalars: [Unicode.Scalar], utf8Offsets: [Int32], flags: [UInt8], kept: (utf8: [UInt8], values: [UInt32])) {
        var flags: [UInt8] = []
        var keptUTF8: [UInt8] = []
        var keptValues: [UInt32] = []
        let (scalars, offsets) = decode(text) { bytes, scalarBuffer, offsetBuffer in
            var written = 0
            // Each kept scalar is a scalar of the text and its UTF-8 a piece of the text's: the text's length bounds both
            // (and the UTF-8 gets three bytes to spare for the four-byte stores of ``collectKept``).
            keptUTF8 = [UInt8](unsafeUninitializedCapacity: bytes.count + 3) { keptBytes, keptByteCount in
                keptValues = [UInt32](unsafeUninitializedCapacity: bytes.count) { keptScalars, keptCount in
                    flags = [UInt8](unsafeUninitializedCapacity: bytes.count) { flagBuffer, flagCount in
                        guard bytes.count > 0 else { return }
                        let counts = decodeFlagged(
                            bytes, into: scalarBuffer, offsets: offsetBuffer, flags: flagBuffer, flagTable: flagTable, astralFlags: astralFlags,
                            keeping: keptFlags, values: keptScalars, utf8: keptBytes)
                        written = counts.scalars
                        flagCount = written
                        keptCount = counts.kept
                        keptByteCount = counts.keptBytes
                    }
                }
            }
            return written
        }
        return (scalars, offsets, flags, (keptUTF8, keptValues))
    }

    /// Decodes `bytes` (not empty) into the scalars, their offsets and their flags, and collects the kept scalars
    /// (``rk_utf8_decode_flagged_avx2``, eight three-byte scalars per step; ``rk_utf8_decode_flagged_portable`` without
    /// AVX2). The kernels leave the astral scalars' flags to `astralFlags`: when the text has any, their flags are looked
    /// up here and the kept scalars collected again (``collectKept``).
    @inline(__always)
    private static func decodeFlagged(
        _ bytes: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutableBufferPointer<Unicode.Scalar>,
        offsets: UnsafeMutableBufferPointer<Int32>, flags: UnsafeMutableBufferPointer<UInt8>, flagTable: UnsafeBufferPointer<UInt8>,
        astralFlags: (Unicode.Scalar) -> UInt8, keeping keptFlags: UInt8, values: UnsafeMutableBufferPointer<UInt32>,
        utf8: UnsafeMutableBufferPointer<UInt8>
    ) -> (scalars: Int, kept: Int, keptBytes: Int) {
        precondition(flagTable.count == 0x10000, "one flag byte per BMP scalar")
        let decoded = UnsafeMutableRawPointer(scalars.baseAddress!).withMemoryRebound(to: UInt32.self, capacity: bytes.count) { scalarValues in
            var out = rk_flagged_decode(
                values: scalarValues, offsets: offsets.baseAddress!, flags: flags.baseAddress!, kept_values: values.baseAddress!,
                kept_utf8: utf8.baseAddress!, astral: 0, kept_count: 0, kept_bytes: 0)
            let written = UTF8Validation.avx2Available
                ? rk_utf8_decode_flagged_avx2(bytes.baseAddress!, bytes.count, flagTable.baseAddress!, keptFlags, &out)
                : rk_utf8_decode_flagged_portable(bytes.baseAddress!, bytes.count, flagTable.baseAddress!, keptFlags, &out)
            return (scalars: written, astral: out.astral, kept: out.kept_count, keptBytes: out.kept_bytes)
        }
        guard decoded.astral > 0 else { return (decoded.scalars, decoded.kept, decoded.keptBytes) }
        for index in 0..<decoded.scalars where scalars[index].value >= 0x10000 { flags[index] = astralFlags(scalars[index]) }
        offsets[decoded.scalars] = Int32(truncatingIfNeeded: bytes.count)
        let counts = collectKept(
            bytes, scalars: scalars.baseAddress!, offsets: offsets.baseAddress!, flags: flags.baseAddress!, count: decoded.scalars,
            keeping: keptFlags, values: values.baseAddress!, utf8: utf8.baseAddress!)
        return (decoded.scalars, counts.kept, counts.keptBytes)
    }

    /// The scalars (of `count` decoded from `bytes`, starting at `offsets`, which holds the end too) whose flag has a bit
    /// of `keptFlags`, stored as code points in `values` and as UTF-8 in `utf8` (which has three bytes to spare).
    ///
    /// The pass for a text with astral scalars, whose flags the kernels leave to Swift (the kernels collect the kept
    /// scalars in their decoding loop otherwise). As a second pass in Swift: with all seven outputs in one loop the
    /// compiler ran out of registers and reloaded half of them for every scalar. Without a branch on whether a scalar is kept (which follows the
    /// text: ideographs, punctuation, digits): every scalar is stored at the outputs' ends, and the ends move only for
    /// a kept one. Its UTF-8 is copied from the text in one four-byte load and store. The last few scalars, where four
    /// bytes would read past the text, are copied byte by byte in a loop of their own: with that branch and its loop
    /// inside, the main loop kept its output pointers and the kept mask on the stack.
    @inline(__always)
    private static func collectKept(
        _ bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafePointer<Unicode.Scalar>, offsets: UnsafePointer<Int32>,
        flags: UnsafePointer<UInt8>, count: Int, keeping keptFlags: UInt8,
        values: UnsafeMutablePointer<UInt32>, utf8: UnsafeMutablePointer<UInt8>
    ) -> (kept: Int, keptBytes: Int) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        // The scalars before `wide` start at least four bytes before the end: a scalar takes at least one byte, so
        // only the last four can start later.
        let lastWideStart = bytes.count &- 4
        var wide = count
        while wide > 0, Int(offsets[wide &- 1]) > lastWideStart { wide &-= 1 }
        var valueEnd = values
        var utf8End = utf8
        var start = Int(offsets[0])
        for index in 0..<wide {
            let next = Int(offsets[index &+ 1])
            let packed = UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self)
            valueEnd.pointee = scalars[index].value
            UnsafeMutableRawPointer(utf8End).storeBytes(of: packed, as: UInt32.self)
            let keep = flags[index] & keptFlags == 0 ? 0 : -1
            valueEnd += keep & 1
            utf8End += keep & (next &- start)
            start = next
        }
        for index in wide..<count {
            let next = Int(offsets[index &+ 1])
            if flags[index] & keptFlags != 0 {
                valueEnd.pointee = scalars[index].value
                valueEnd += 1
                for byte in start..<next {
                    utf8End.pointee = base[byte]
                    utf8End += 1
                }
            }
            start = next
        }
        return (valueEnd - values, utf8End - utf8)
    }

    /// The text's UTF-8 handed to `fill` with room for its scalars and their offsets; `fill` gives the number of
    /// scalars it wrote, and the UTF-8 length is written after their offsets here.
    @inline(__always)
    private static func decode(
        _ text: String,
        fill: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Unicode.Scalar>, UnsafeMutableBufferPointer<Int32>) -> Int
    ) -> (scalars: [Unicode.Scalar], utf8Offsets: [Int32]) {
        var text = text
        return text.withUTF8 { bytes in
            let end = bytes.count
            var scalars: [Unicode.Scalar] = []
            // A scalar takes at least one byte: the UTF-8 length is never too small a capacity. The offsets are
            // written in the same loop (the end too, so one more).
            let offsets = [Int32](unsafeUninitializedCapacity: end + 1) { offsetBuffer, offsetCount in
                scalars = [Unicode.Scalar](unsafeUninitializedCapacity: end) { buffer, count in
                    count = fill(bytes, buffer, offsetBuffer)
                }
                offsetBuffer[scalars.count] = Int32(truncatingIfNeeded: end)
                offsetCount = scalars.count + 1
            }
            return (scalars, offsets)
        }
    }

    /// Decodes `bytes` into `buffer` and each scalar's offset into `offsets`; gives the number of scalars.
    @inline(__always)
    private static func decodeLoop(
        _ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<Unicode.Scalar>,
        offsets offsetBuffer: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        let end = bytes.count
        var written = 0
        var offset = 0
        while offset < end {
            offsetBuffer[written] = Int32(truncatingIfNeeded: offset)
            let lead = bytes[offset]
            let scalar: Unicode.Scalar
            if lead < 0x80 {
                scalar = Unicode.Scalar(validValue: UInt32(lead))
                offset &+= 1
            } else if lead & 0xF0 == 0xE0 {
                // Three bytes (all of CJK) first, and without overflow checks: the string's UTF-8 is valid.
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset &+ 1] & 0x3F) << 6
                    | UInt32(bytes[offset &+ 2] & 0x3F)
                scalar = Unicode.Scalar(validValue: value)
                offset &+= 3
            } else {
                let (value, length) = UTF8Scalars.decode(bytes, at: offset)
                scalar = Unicode.Scalar(validValue: value)
                offset &+= length
            }
            buffer[written] = scalar
            written &+= 1
        }
        return written
    }
}

extension Unicode.Scalar {
    /// A scalar from a value known to be one (decoded from valid UTF-8), without the failable check.
    @inline(__always)
    init(validValue value: UInt32) {
        self = unsafeBitCast(value, to: Unicode.Scalar.self)
    }
}
