internal import COpenCCLexicon

#if canImport(Glibc)
    import Glibc
#endif

/// OpenCC's conversion pass, run from tables in memory, for a configuration whose conversion is one longest-match
/// pass over a list of dictionaries (``load(configuration:)`` asks OpenCC for their entries).
///
/// OpenCC (`Conversion::Convert`) walks the text: at each character it asks the dictionaries in order for the
/// longest key that starts there; the first dictionary with one wins, its default value is written and the walk
/// skips the key; with no match the character is copied. That costs two marisa-trie searches per character, which
/// made conversion the clean stage's largest cost. Here every key is filed under its first scalar, in the order
/// the dictionaries answer (dictionary, then longer keys first), so the first entry whose key starts at a position
/// is OpenCC's answer, found with one table look-up and a few byte compares.
struct ScriptConversionTable: Sendable {
    /// One key and its value: the key's bytes after its first scalar and the value's bytes, as ranges of `bytes`.
    private struct Entry {
        let rest: Range<Int>
        let value: Range<Int>
    }

    private let bytes: [UInt8]
    /// The entries grouped by their key's first scalar, each group in the order OpenCC would match them.
    private let entries: [Entry]
    /// For a BMP scalar `s`, its group is `entries[starts[s]..<starts[s + 1]]`.
    private let starts: [Int32]
    /// The groups of scalars above the BMP.
    private let astral: [UInt32: Range<Int>]

    /// One dictionary entry as OpenCC hands it over.
    struct Source {
        var dictionary: Int
        var key: [UInt8]
        var value: [UInt8]
    }

    /// The tables for an OpenCC configuration; nil when its conversion is of another shape (a segmentation
    /// dictionary, several conversions, a dictionary other than OCD2 files) or it cannot be loaded.
    static func load(configuration: String) -> ScriptConversionTable? {
        final class Collected {
            var entries: [Source] = []
        }
        let collected = Collected()
        let dictionaries = withExtendedLifetime(collected) {
            rk_opencc_conversion_lexicons(
                configuration,
                { context, dictionary, key, keyLength, value, valueLength in
                    let collected = Unmanaged<Collected>.fromOpaque(context!).takeUnretainedValue()
                    collected.entries.append(
                        Source(
                            dictionary: Int(dictionary), key: Array(UnsafeRawBufferPointer(start: key, count: keyLength)),
                            value: Array(UnsafeRawBufferPointer(start: value, count: valueLength))))
                }, Unmanaged.passUnretained(collected).toOpaque())
        }
        guard dictionaries >= 0 else { return nil }
        return ScriptConversionTable(collected.entries)
    }

    /// Nil unless every key is non-empty well-formed UTF-8 and unique in its dictionary, and every value is
    /// well-formed UTF-8, neither holding a NUL byte (OpenCC stops at one): then matching by bytes from a
    /// scalar boundary ends on one, and the output needs no repair.
    init?(_ sources: [Source]) {
        struct DictionaryKey: Hashable {
            let dictionary: Int
            let key: [UInt8]
        }
        var seen = Set<DictionaryKey>()
        var keyed: [(first: UInt32, firstLength: Int, source: Source)] = []
        for source in sources {
            let wellFormed = source.key.withUnsafeBufferPointer(UTF8Scalars.isValid)
                && source.value.withUnsafeBufferPointer(UTF8Scalars.isValid)
            guard !source.key.isEmpty, wellFormed, !source.key.contains(0), !source.value.contains(0),
                seen.insert(DictionaryKey(dictionary: source.dictionary, key: source.key)).inserted
            else { return nil }
            let (first, length) = source.key.withUnsafeBufferPointer { UTF8Scalars.decode($0, at: 0) }
            keyed.append((first, length, source))
        }
        keyed.sort {
            ($0.first, $0.source.dictionary, -$0.source.key.count) < ($1.first, $1.source.dictionary, -$1.source.key.count)
        }
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        var starts = [Int32](repeating: 0, count: 0x10001)
        var astral: [UInt32: Range<Int>] = [:]
        for (first, firstLength, source) in keyed {
            let restStart = bytes.count
            bytes += source.key[firstLength...]
            let valueStart = bytes.count
            bytes += source.value
            entries.append(Entry(rest: restStart..<valueStart, value: valueStart..<bytes.count))
            if first < 0x10000 {
                starts[Int(first) + 1] += 1
            } else {
                let group = astral[first] ?? (entries.count - 1)..<(entries.count - 1)
                astral[first] = group.lowerBound..<entries.count
            }
        }
        // Counts to starts: BMP entries come first in the sorted list, so their groups begin at 0.
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        self.bytes = bytes
        self.entries = entries
        self.starts = starts
        self.astral = astral
    }

    /// `text` converted as OpenCC converts it; nil when it holds a NUL byte (OpenCC stops there: ask it).
    func convert(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { input -> String? in
            guard let base = input.baseAddress, !input.isEmpty else { return "" }
            guard memchr(base, 0, input.count) == nil else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            bytes.withUnsafeBufferPointer { pool in
                entries.withUnsafeBufferPointer { entries in
                    starts.withUnsafeBufferPointer { starts in
                        var copied = 0  // input before this offset is in `out` or converted
                        var index = 0
                        while index < input.count {
                            let (value, length) = UTF8Scalars.decode(input, at: index)
                            let group =
                                value < 0x10000 ? Int(starts[Int(value)])..<Int(starts[Int(value) + 1]) : astral[value] ?? 0..<0
                            var matched = false
                            for entry in entries[group] {
                                let keyEnd = index + length + entry.rest.count
                                // The first bytes are compared here: most phrases of a character differ there, and
                                // a memcmp call for each cost more than the conversion's other work.
                                guard keyEnd <= input.count,
                                    entry.rest.isEmpty
                                        || (pool[entry.rest.lowerBound] == input[index + length]
                                            && memcmp(base + index + length, pool.baseAddress! + entry.rest.lowerBound, entry.rest.count) == 0)
                                else { continue }
                                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<index]))
                                out.append(contentsOf: UnsafeBufferPointer(rebasing: pool[entry.value]))
                                index = keyEnd
                                copied = keyEnd
                                matched = true
                                break
                            }
                            if !matched { index += length }
                        }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied...]))
                    }
                }
            }
            return KnownValidUTF8.string(out)  // whole scalars of the text and well-formed values (see `init`)
        }
    }
}
