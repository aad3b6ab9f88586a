extension MetricExtractor {
    /// `"\(reportID)-\(start)"`, written into one buffer: string interpolation appends three pieces to a growing
    /// String and formats the number through `description`, about a thousand instructions per metric.
    static func metricID(_ reportID: String, _ start: Int) -> String {
        guard start >= 0 else { return "\(reportID)-\(start)" }
        var digits = 1
        var rest = start / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var reportID = reportID
        return reportID.withUTF8 { prefix in
            String(unsafeUninitializedCapacity: prefix.count + 1 + digits) { buffer in
                _ = buffer.initialize(from: prefix)
                buffer[prefix.count] = UInt8(ascii: "-")
                var value = start
                for position in stride(from: prefix.count + digits, to: prefix.count, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                return prefix.count + 1 + digits
            }
        }
    }
}
