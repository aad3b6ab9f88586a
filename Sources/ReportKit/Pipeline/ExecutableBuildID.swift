#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The GNU build id of an ELF executable (`.note.gnu.build-id`): the hash of the file's contents that the linker
/// writes into it, read from a few hundred bytes of its program headers and notes.
///
/// The cache identifies the toolkit by its executable. Hashing the whole file cost ~55 ms at the start of every
/// cached build once the Swift libraries were linked in (99 MB); the build id names the same bytes for free.
/// nil when the file is not a 64-bit little-endian ELF file or has no build id: the caller then hashes the file.
enum ExecutableBuildID {
    static func read(path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return read(descriptor)
    }

    /// PT_NOTE, and the note type of a build id (NT_GNU_BUILD_ID) with its owner name.
    private static let noteSegment: UInt32 = 4, buildIDNote: UInt32 = 3
    private static let gnuOwner: [UInt8] = Array("GNU".utf8) + [0]

    static func read(_ descriptor: Int32) -> String? {
        guard let header = bytes(descriptor, at: 0, count: 64), header[0..<4].elementsEqual([0x7F, 0x45, 0x4C, 0x46]),
            header[4] == 2, header[5] == 1  // ELFCLASS64, little-endian
        else { return nil }
        let tableOffset = Int(word(header, 0x20, 8)), entrySize = Int(word(header, 0x36, 2)), entries = Int(word(header, 0x38, 2))
        guard entrySize >= 56, entries > 0, entries <= 256, let table = bytes(descriptor, at: tableOffset, count: entrySize * entries)
        else { return nil }
        for entry in 0..<entries {
            let base = entry * entrySize
            guard word(table, base, 4) == UInt64(noteSegment) else { continue }
            let offset = Int(clamping: word(table, base + 0x08, 8)), size = Int(clamping: word(table, base + 0x20, 8))
            guard size <= 1 << 16, let notes = bytes(descriptor, at: offset, count: size) else { continue }
            if let id = buildID(in: notes) { return id }
        }
        return nil
    }

    /// The build id among the notes of one PT_NOTE segment, in lowercase hex.
    static func buildID(in notes: [UInt8]) -> String? {
        var position = 0
        while position + 12 <= notes.count {
            let nameSize = Int(word(notes, position, 4)), descriptionSize = Int(word(notes, position + 4, 4))
            let type = UInt32(word(notes, position + 8, 4))
            let nameStart = position + 12
            let descriptionStart = nameStart + (nameSize + 3) / 4 * 4
            let end = descriptionStart + (descriptionSize + 3) / 4 * 4
            guard descriptionStart + descriptionSize <= notes.count else { return nil }
            if type == buildIDNote, nameSize == gnuOwner.count, notes[nameStart..<(nameStart + nameSize)].elementsEqual(gnuOwner),
                descriptionSize > 0
            {
                return SHA256Hex.hex(notes[descriptionStart..<(descriptionStart + descriptionSize)])
            }
            position = end
        }
        return nil
    }

    /// `count` bytes at `offset`, or nil when the file is shorter.
    private static func bytes(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count > 0 else { return nil }
        return FileDescriptorIO.read(descriptor, count: count, at: UInt64(offset))
    }

    /// The little-endian unsigned integer of `size` bytes at `offset` (0 past the end).
    private static func word(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> UInt64 {
        guard offset >= 0, offset + size <= bytes.count else { return 0 }
        return (0..<size).reversed().reduce(0) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }
}
