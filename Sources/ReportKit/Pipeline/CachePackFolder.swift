import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a pipeline's cache folder when a build opens it (``DocumentCache``): the valid pack indexes merged
/// into one sorted index, a descriptor per readable pack, and the files nothing accounts for.
enum CachePackFolder {
    struct Loaded {
        var index: [IndexedEntry]
        var descriptors: [UInt32: Int32]
        /// Each pack's size as its index gives it.
        var packBytes: [UInt32: UInt64]
        /// Every pack and index number seen, so a new pack takes a free one.
        var numbers: [UInt32]
        var strays: [String]
        var corruptIndexes: Int
    }

    /// Reads every valid index in `folder`, oldest first (a later pack's entry for a key wins).
    static func load(_ folder: URL) -> Loaded {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var packs: Set<UInt32> = []
        var indexes: [UInt32] = []
        var strays: [String] = []
        for name in names where name != "lock" {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, let number = UInt32(parts[0]), parts[1] == "pack" {
                packs.insert(number)
            } else if parts.count == 2, let number = UInt32(parts[0]), parts[1] == "index" {
                indexes.append(number)
            } else if name.hasPrefix(".tmp-") {
                strays.append(folder.appendingPathComponent(name).path)
            }
        }
        var entries: [IndexedEntry] = []
        var descriptors: [UInt32: Int32] = [:]
        var packBytes: [UInt32: UInt64] = [:]
        var corrupt = 0
        for number in indexes.sorted() {
            let indexPath = folder.appendingPathComponent("\(number).index").path
            let packPath = folder.appendingPathComponent("\(number).pack").path
            let bytes = FileManager.default.contents(atPath: indexPath).map { [UInt8]($0) } ?? []
            guard let records = CachePackIndex.records(bytes), packs.contains(number) else {
                // A pack of an earlier layout is stale, not damaged: it goes without a word.
                if !CachePackIndex.isEarlierLayout(bytes) { corrupt += 1 }
                strays += [indexPath, packPath]
                continue
            }
            let descriptor = open(packPath, O_RDONLY | O_CLOEXEC)
            var status = stat()
            let end = records.map { $0.offset + UInt64($0.length) }.max() ?? 0
            guard descriptor >= 0, fstat(descriptor, &status) == 0, UInt64(status.st_size) >= end else {
                if descriptor >= 0 { close(descriptor) }
                corrupt += 1
                strays += [indexPath, packPath]
                continue
            }
            descriptors[number] = descriptor
            packBytes[number] = end
            for record in records { entries.append(IndexedEntry(key: record.key, place: PackLocation(pack: number, offset: record.offset, length: record.length))) }
        }
        // A pack without an index belongs to a build that never finished (the lock says none is running).
        for number in packs where descriptors[number] == nil && !indexes.contains(number) {
            strays.append(folder.appendingPathComponent("\(number).pack").path)
        }
        // Sorted by key, newest pack last among equal keys; then only the last of each run of equal keys stays.
        entries.sort { ($0.key, $0.place.pack) < ($1.key, $1.place.pack) }
        var index: [IndexedEntry] = []
        index.reserveCapacity(entries.count)
        for entry in entries {
            if let last = index.last, last.key == entry.key { index[index.count - 1] = entry } else { index.append(entry) }
        }
        return Loaded(
            index: index, descriptors: descriptors, packBytes: packBytes, numbers: Array(packs) + indexes, strays: strays,
            corruptIndexes: corrupt)
    }
}
