import Foundation

extension TextSpans {
    /// Whether the scalars `range` of ``text`` are exactly `value`'s, compared as UTF-8 bytes (the same scalars
    /// are the same bytes, and the other way round); nil when either String's UTF-8 is not contiguous. Decoding
    /// `value`'s scalars to compare them one by one cost about 600 instructions a metric in ``OffsetsRule``.
    /// `range` must lie within the scalars (or end at their end).
    func hasScalars(of value: String, at range: Range<Int>) -> Bool? {
        let utf8 = text.utf8
        let lower = utf8.distance(from: utf8.startIndex, to: index(ofScalar: range.lowerBound))
        let upper = utf8.distance(from: utf8.startIndex, to: index(ofScalar: range.upperBound))
        let same = utf8.withContiguousStorageIfAvailable { textBytes in
            value.utf8.withContiguousStorageIfAvailable { valueBytes in
                valueBytes.count == upper - lower
                    && (valueBytes.isEmpty || memcmp(valueBytes.baseAddress!, textBytes.baseAddress! + lower, valueBytes.count) == 0)
            }
        }
        return same ?? nil
    }
}
