import CKernels

/// Finding one scalar in an array of scalars with the C library's `wmemchr` (``rk_find_u32``): a `Unicode.Scalar`
/// is a 32-bit value, and `wmemchr` compares many of them per step where a Swift loop compares one.
enum ScalarMemchr {
    /// The first index in `range` of `scalars` holding `scalar`, or nil.
    @inline(__always)
    static func firstIndex(of scalar: Unicode.Scalar, in scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = scalars.baseAddress else { return nil }
        return UnsafeRawPointer(base + range.lowerBound).withMemoryRebound(to: UInt32.self, capacity: range.count) { values in
            let offset = rk_find_u32(values, range.count, scalar.value)
            return offset < range.count ? range.lowerBound + offset : nil
        }
    }

    /// Calls `body` with every index in `range` of `scalars` holding `scalar`, in order.
    @inline(__always)
    static func forEachIndex(of scalar: Unicode.Scalar, in scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>, _ body: (Int) -> Void) {
        var start = range.lowerBound
        while let index = firstIndex(of: scalar, in: scalars, range: start..<range.upperBound) {
            body(index)
            start = index + 1
        }
    }
}
