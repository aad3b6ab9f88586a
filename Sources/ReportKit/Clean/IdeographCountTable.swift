import Synchronization

/// Counts of the Basic Multilingual Plane's ideographs (U+3400…U+9FFF, then U+F900…U+FAFF) in one document,
/// for ``MojibakeRepair``. The 27.5 KB table (a byte per ideograph; counts from 255 on go on in `overflow`) is
/// borrowed from a pool and handed back with only the slots the document touched cleared: zeroing a whole table
/// for every document cost more than the counting itself. A byte per slot keeps the table in the first-level
/// cache, where four bytes (110 KB) made most increments miss it.
final class IdeographCountTable {
    /// Tables not in use, every slot zero. There are never more than the documents counted at once.
    private static let idle = Mutex<[Table]>([])

    /// A pooled table. The pool hands each one to a single owner at a time, which makes moving it between
    /// threads safe.
    private struct Table: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<UInt8>
        let touched: UnsafeMutableBufferPointer<Int32>
    }

    static let slotCount = (0xA000 - 0x3400) + (0xFB00 - 0xF900)

    private let slots: UnsafeMutableBufferPointer<UInt8>
    /// The slots whose count is above zero (the first `touchedCount`): the ones to clear before the table goes
    /// back to the pool. Room for every slot, pooled with the table, so that noting one is a store (an array's
    /// append checked its uniqueness and grew about eight times per document).
    private let touched: UnsafeMutableBufferPointer<Int32>
    private var touchedCount = 0
    /// For a slot that reached 255: the occurrences counted after that.
    private(set) var overflow: [Int32: Int] = [:]

    init() {
        if let table = Self.idle.withLock({ $0.popLast() }) {
            slots = table.slots
            touched = table.touched
        } else {
            slots = .allocate(capacity: Self.slotCount)
            slots.initialize(repeating: 0)
            touched = .allocate(capacity: Self.slotCount)
        }
    }

    deinit {
        for slot in touched[..<touchedCount] { slots[Int(slot)] = 0 }
        let table = Table(slots: slots, touched: touched)
        Self.idle.withLock { $0.append(table) }
    }

    /// The slot of a BMP ideograph's value; `slotCount` (no slot) for other values.
    @inline(__always)
    static func slot(_ value: UInt32) -> Int {
        switch value {
        case 0x3400..<0xA000: Int(value - 0x3400)
        case 0xF900..<0xFB00: 0xA000 - 0x3400 + Int(value - 0xF900)
        default: slotCount
        }
    }

    /// Counts the ideographs among `scalars`: those of the BMP here, the values of those above it appended to `astral`.
    func add(ideographsOf scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>, astral: inout [UInt32]) {
        let slots = self.slots
        let touched = self.touched
        var touchedCount = self.touchedCount
        defer { self.touchedCount = touchedCount }
        for scalar in scalars {
            let value = scalar.value
            let slot: Int
            if value &- 0x4E00 < 0xA000 - 0x4E00 {
                slot = Int(value - 0x3400)  // U+4E00…U+9FFF, most of a Chinese text, with one test
            } else if value < 0x3400 {
                continue  // ASCII, CJK punctuation and the rest below the first ideograph, with one more
            } else if CJK.isIdeograph(scalar) {
                guard value < 0x10000 else {
                    astral.append(value)
                    continue
                }
                slot = Self.slot(value)
            } else {
                continue
            }
            switch slots[slot] {
            case 0:
                touched[touchedCount] = Int32(truncatingIfNeeded: slot)  // each slot once: never past slotCount
                touchedCount &+= 1
                slots[slot] = 1
            case 255: overflow[Int32(slot), default: 0] += 1
            case let count: slots[slot] = count &+ 1
            }
        }
    }

    /// The counts by ``slot(_:)``, valid while the table lives: read through ``count(_:in:)`` by a caller that
    /// keeps the table, so that a read does not retain and release it.
    var counts: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(slots) }

    /// How often the BMP value `value` was counted in a table's `counts` (0 for anything but an ideograph), when
    /// that is below 255; for 255, the table's `overflow` of the slot is to be added.
    @inline(__always)
    static func count(_ value: UInt32, in counts: UnsafeBufferPointer<UInt8>) -> (count: Int, slot: Int32) {
        let slot = slot(value)
        return slot < slotCount ? (Int(counts[slot]), Int32(slot)) : (0, 0)
    }
}
