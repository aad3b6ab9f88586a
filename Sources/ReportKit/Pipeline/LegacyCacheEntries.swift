import Foundation

/// Cache entries in the layout before packs: one `<key>.bin` file per document under a folder named by the
/// key's first two hex digits. No build reads them any more, so the first build that opens the cache folder
/// deletes them instead of leaving hundreds of megabytes behind. Only such files go; a folder that holds
/// anything else is left as it is.
enum LegacyCacheEntries {
    static func remove(in directory: URL) {
        let hexDigits = Set("0123456789abcdef")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.count == 2 && name.allSatisfy(hexDigits.contains) {
            let folder = directory.appendingPathComponent(name)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
                files.allSatisfy({ $0.hasSuffix(".bin") || $0.hasPrefix(".tmp-") })
            else { continue }
            for file in files { try? FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
