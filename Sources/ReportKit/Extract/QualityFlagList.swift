/// A cleaned document's repairs as the reports table writes them: `name=count` pairs joined by `;`.
enum QualityFlagList {
    /// `flags.map { "\($0.name)=\($0.count)" }.joined(separator: ";")`, written into one buffer: the interpolations
    /// and the join built and copied a String per flag.
    static func joined(_ flags: [(name: String, count: Int)]) -> String {
        guard !flags.isEmpty else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(flags.reduce(0) { $0 + $1.name.utf8.count + 22 })  // name, `=`, an Int's digits, `;`
        for (index, flag) in flags.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ";")) }
            bytes.append(contentsOf: flag.name.utf8)
            bytes.append(UInt8(ascii: "="))
            RowBytes.appendDecimal(Int64(flag.count), to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The list as first written: what ``joined(_:)`` must equal.
    static func reference(_ flags: [(name: String, count: Int)]) -> String {
        flags.map { "\($0.name)=\($0.count)" }.joined(separator: ";")
    }
}
