/// What a JSON Lines row writes before each column's value: `{"name":` before the first, `,"name":` before the
/// others. All in one allocation that lives as long as its schema, so that ``TableRowWriter`` reads a
/// column's bytes through two plain pointers: an array of arrays cost a retain and a release per cell.
final class JSONMemberPrefixes: @unchecked Sendable {  // never written after init
    /// The prefixes, one after another.
    let bytes: UnsafeMutablePointer<UInt8>
    /// Where each column's prefix starts in `bytes`, then where the last one ends.
    let starts: UnsafeMutablePointer<Int>
    let count: Int

    /// `keys`: each column's key as a JSON string followed by `:`.
    init(keys: [[UInt8]]) {
        count = keys.count
        let total = keys.reduce(0) { $0 + 1 + $1.count }
        bytes = .allocate(capacity: max(total, 1))
        starts = .allocate(capacity: count + 1)
        var end = 0
        for (column, key) in keys.enumerated() {
            starts[column] = end
            bytes[end] = column == 0 ? 0x7B : 0x2C
            (bytes + end + 1).initialize(from: key, count: key.count)
            end += 1 + key.count
        }
        starts[count] = end
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
    }
}
