#if canImport(Glibc)
    import Glibc
#endif

/// `glob(pattern, GLOB_MARK)` for the common source pattern `folder/*.txt` — wildcards in the last component only —
/// from one directory read, marking folders by the entries' types instead of a `stat` per match.
///
/// glibc's `GLOB_MARK` stats every match to learn whether it is a folder: about 55 ms of CPU for the 20,000
/// reports of the bench corpus, before any report is read, against about 8 ms for reading the folder. The
/// answers are glibc's: names are matched with `fnmatch(FNM_PERIOD)` as glob matches them, entries that are
/// links or of unknown type are still stat'ed (so a link to a folder is marked), and the matches come sorted by
/// their bytes (glob's order in the C locale).
enum FolderGlob {
    /// The matches of `pattern` with folders marked by a trailing `/`, sorted by their bytes; nil when the
    /// pattern is not one this handles (wildcards before the last `/`, no `*` or `?` after it, a backslash, no
    /// folder part), for `glob` to answer.
    static func matches(_ pattern: String) -> [String]? {
        let bytes = Array(pattern.utf8)
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > 0, bytes[slash - 1] != UInt8(ascii: "/"),
            !bytes.contains(UInt8(ascii: "\\")), !bytes.contains(0),
            !bytes[..<slash].contains(where: isWildcard),
            bytes[(slash + 1)...].contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") })
        else { return nil }
        let folder = String(decoding: bytes[..<slash], as: UTF8.self)
        let namePattern = String(decoding: bytes[(slash + 1)...], as: UTF8.self)
        guard let directory = opendir(folder) else { return [] }  // glob without GLOB_ERR: no match
        defer { closedir(directory) }
        let folderPath = bytes[...slash]
        var found: [[UInt8]] = []  // paths, with a `/` after folders
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(directory) {
            guard entry.pointee.d_ino != 0 else { continue }  // glibc's REAL_DIR_ENTRY
            let name = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            guard fnmatch(namePattern, name, FNM_PERIOD) == 0 else { continue }
            var path = Array(folderPath)
            path.append(contentsOf: UnsafeRawBufferPointer(start: name, count: strlen(name)))
            let type = Int(entry.pointee.d_type)
            var isFolder = type == DT_DIR
            if type == DT_LNK || type == DT_UNKNOWN {  // what the link points to, as glob's stat sees it
                var info = stat()
                isFolder = (path + [0]).withUnsafeBufferPointer {
                    stat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &info) == 0
                } && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { path.append(UInt8(ascii: "/")) }
            found.append(path)
        }
        found.sort(by: bytesPrecede)
        return found.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Byte order (strcmp's): glob's order in the C locale.
    private static func bytesPrecede(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                let order = memcmp(left.baseAddress!, right.baseAddress!, min(left.count, right.count))
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }

    private static func isWildcard(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[")
    }
}
