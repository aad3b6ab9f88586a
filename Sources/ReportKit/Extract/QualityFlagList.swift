/// A cleaned document's repairs as the reports table writes them: `name=count` pairs joined by `;`.
enum QualityFlagList {
    /// `flags.map { "\($0.name)=\($0.count)" }.joined(separator: ";")`, written into one buffer: the interpolations
    /// and the join built and copied a String per flag.
    static func joined(_ flags: [(name: String, count: Int)]) -> String {
        guard !flags.isEmpty else { return "" }
        guard flags.allSatisfy({ $0.count >= 0 }) else { return reference(flags) }
        var capacity = 0
        for flag in flags { capacity += flag.name.utf8.count + 1 + 20 + 1 }  // name, `=`, the digits of an Int, `;`
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var written = 0
            for (index, flag) in flags.enumerated() {
                if index > 0 {
                    buffer[written] = UInt8(ascii: ";")
                    written += 1
                }
                for byte in flag.name.utf8 {
                    buffer[written] = byte
                    written += 1
                }
                buffer[written] = UInt8(ascii: "=")
                written += 1
                var digits = 1
                var rest = flag.count / 10
                while rest > 0 {
                    digits += 1
                    rest /= 10
                }
                var value = flag.count
                for position in stride(from: written + digits - 1, through: written, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                written += digits
            }
            return written
        }
    }

    /// The list as first written: what ``joined(_:)`` must equal.
    static func reference(_ flags: [(name: String, count: Int)]) -> String {
        flags.map { "\($0.name)=\($0.count)" }.joined(separator: ";")
    }
}
