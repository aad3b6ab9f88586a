import CKernels

/// One pass over UTF-8 bytes that checks they are well-formed exactly as `String(validating:as:)` does (Unicode
/// Table 3-7: no overlong forms, surrogates, values above U+10FFFF or cut sequences) and counts, on the way,
/// what the decode stage asks about a text: its scalars, its control characters, whether it is all ASCII.
///
/// With AVX2 the C kernel `rk_utf8_scan_avx2` checks 32 bytes per step; elsewhere ``portableScan(_:rejectingNUL:)``
/// takes eight ASCII bytes at a time and checks a multi-byte scalar from one load of the word it starts. Either
/// costs a fraction of the loop the standard library runs per byte of Chinese text.
struct UTF8Validation: Equatable {
    /// The number of scalars.
    var scalars = 0
    /// Scalars below U+0020 other than tab, line feed and carriage return (NUL among them).
    var controls = 0
    var isASCII = true

    /// Whether this CPU runs the AVX2 kernel.
    static let avx2Available = rk_utf8_has_avx2() != 0

    /// The facts of `bytes`, or nil when they are not well-formed UTF-8 (or, with `rejectingNUL`, hold a NUL).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, rejectingNUL: Bool) -> UTF8Validation? {
        guard avx2Available, let base = bytes.baseAddress else { return portableScan(bytes, rejectingNUL: rejectingNUL) }
        var facts = rk_utf8_facts()
        guard rk_utf8_scan_avx2(base, bytes.count, rejectingNUL ? 1 : 0, &facts) == 1 else { return nil }
        return UTF8Validation(scalars: facts.scalars, controls: facts.controls, isASCII: facts.is_ascii != 0)
    }

    /// ``scan(_:rejectingNUL:)`` in portable Swift.
    static func portableScan(_ bytes: UnsafeBufferPointer<UInt8>, rejectingNUL: Bool) -> UTF8Validation? {
        var facts = UTF8Validation()
        guard let base = bytes.baseAddress else { return facts }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = 0
        var nonASCII = false
        while index < count {
            // The eight bytes from `index`, the missing ones zero near the end: a scalar cut short by the end of
            // the text then fails the continuation-byte test as one cut short by any other byte does.
            var word: UInt64 = 0
            if index + 8 <= count {
                word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & ControlCharacterCount.highs == 0 {
                    if rejectingNUL && ControlCharacterCount.zeroLanes(word) != 0 { return nil }
                    facts.controls += ControlCharacterCount.controls(in: word)
                    facts.scalars += 8
                    index += 8
                    continue
                }
            } else {
                for offset in 0..<(count - index) { word |= UInt64(base[index + offset]) << (8 * offset) }
            }
            let lead = UInt8(truncatingIfNeeded: word)
            facts.scalars += 1
            if lead < 0x80 {
                guard facts.countASCII(lead, rejectingNUL: rejectingNUL) else { return nil }
                index += 1
                continue
            }
            nonASCII = true
            let second = UInt8(truncatingIfNeeded: word >> 8)
            if word & 0xC0_C0F0 == 0x80_80E0 {  // 1110xxxx 10xxxxxx 10xxxxxx
                // E0 needs A0…BF next (shorter forms are overlong), ED 80…9F (the rest are surrogates).
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return nil }
                index += 3
            } else if word & 0xC0E0 == 0x80C0 {  // 110xxxxx 10xxxxxx; C0 and C1 only make overlong forms
                if lead < 0xC2 { return nil }
                index += 2
            } else if word & 0xC0C0_C0F8 == 0x8080_80F0 {  // 11110xxx and three continuation bytes
                // F0 needs 90…BF next (overlong below), F4 80…8F (above U+10FFFF beyond), F5…F7 nothing.
                if lead > 0xF4 || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return nil }
                index += 4
            } else {
                return nil
            }
        }
        facts.isASCII = !nonASCII
        return facts
    }

    /// Counts the ASCII `byte` if it is a control character other than tab, line feed and carriage return;
    /// false for a NUL that is rejected.
    @inline(__always)
    private mutating func countASCII(_ byte: UInt8, rejectingNUL: Bool) -> Bool {
        guard byte < 0x20 else { return true }
        if rejectingNUL && byte == 0 { return false }
        if byte != 0x09 && byte != 0x0A && byte != 0x0D { controls += 1 }
        return true
    }
}

extension KnownValidUTF8 {
    /// `String(validating: bytes, as: UTF8.self)` and the facts of the bytes, from one pass (``UTF8Validation``).
    static func validating(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, UTF8Validation)? {
        guard let facts = UTF8Validation.scan(bytes, rejectingNUL: false) else { return nil }
        return (string(bytes, isASCII: facts.isASCII), facts)
    }

    static func validating(_ bytes: [UInt8]) -> (String, UTF8Validation)? { bytes.withUnsafeBufferPointer(validating) }
}
