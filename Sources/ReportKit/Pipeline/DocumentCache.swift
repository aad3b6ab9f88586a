import Crypto
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A content-addressed cache of per-document results. The key is the SHA-256 of the source bytes, its path,
/// the toolkit's build and every option that changes the result, so an edited report, a new toolkit or a
/// changed option misses. Each entry carries a checksum of its payload (XXH64): a corrupt or truncated entry is
/// detected, ignored and recomputed, never trusted.
///
/// Entries live in packs, not one file each: `<directory>/results/<namespace>/<n>.pack` holds the entries one
/// build appended and `<n>.index` (``CachePackIndex``), written when that build finished, says where each
/// lies. Creating twenty thousand small files made a cold build with the cache about 40% slower than one
/// without; appending to one pack costs what the spool did. A cached report's rows stay in its pack and emit
/// reads them from there.
///
/// A build holds the namespace's lock from ``init(directory:configuration:namespace:)`` to ``finishBuild(collecting:)``;
/// a second build of the same pipeline meanwhile runs without the cache. ``finishBuild(collecting:)`` also drops what
/// this build did not use (``CachePackPlanner``), so the cache does not grow with every edit.
public final class DocumentCache: Sendable {
    public let directory: URL
    /// Everything besides the document that changes its result, hashed into every key.
    public let configuration: String
    /// This pipeline's packs: `<directory>/results/<digest of the namespace>`. The configuration (the toolkit's
    /// build among it) is in every key, not in the folder: after a toolkit change the old entries are simply
    /// unused, and the first build collects them, instead of a folder per toolkit build piling up for ever.
    let folder: URL
    /// Every valid index's entries, sorted by key (a sorted array, not a dictionary: a third of the memory at a
    /// million entries); for a key in several packs, the newest pack's copy.
    private let index: [IndexedEntry]
    /// Open descriptors of every pack read from the index and of this build's pack. They stay open until the
    /// cache goes away, so rows can be read at emit even after a pack has been collected.
    private let descriptors: [UInt32: Int32]
    private let packBytes: [UInt32: UInt64]
    /// Files no valid index accounts for: packs of builds that crashed, unreadable indexes, temporary files.
    private let strays: [String]
    private let currentPack: UInt32
    private let lock: Mutex<Int32?>
    private let writer: Mutex<Writer>
    /// Which entries of `index` this build hit, one bit each. With the entries it wrote (in the writer's
    /// records) they are what the build used.
    private let hits: Mutex<[UInt64]>
    private let counters: Mutex<(hits: Int, misses: Int, corrupt: Int)>

    private struct Writer {
        var offset: UInt64 = 0
        var records: [CachePackIndex.Record] = []
        var failed = false
        var finished = false
    }

    /// Why a build runs without its cache.
    public enum Unavailable: Error, CustomStringConvertible {
        case cannotCreate(String, reason: String)
        case busy(String)
        public var description: String {
            switch self {
            case .cannotCreate(let path, let reason): "cannot use the cache folder '\(path)': \(reason)"
            case .busy(let path): "another reportkit build is using the cache '\(path)'"
            }
        }
    }

    /// Opens (creating when needed) the cache of one pipeline and configuration, and takes its lock.
    public init(directory: URL, configuration: String, namespace: String = "") throws(Unavailable) {
        self.directory = directory
        self.configuration = configuration
        let name = String(SHA256Hex.digest("namespace|\(namespace)").prefix(16))
        folder = directory.appendingPathComponent("results").appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(folder.path, reason: "\(error.localizedDescription)")
        }
        let lockDescriptor = open(folder.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else { throw .cannotCreate(folder.path, reason: String(cString: strerror(errno))) }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(lockDescriptor)
            throw .busy(folder.path)
        }
        LegacyCacheEntries.remove(in: directory)
        let loaded = CachePackFolder.load(folder)
        let number = (loaded.numbers.max() ?? 0) + 1
        let packPath = folder.appendingPathComponent("\(number).pack").path
        let packDescriptor = open(packPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard packDescriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            loaded.descriptors.values.forEach { _ = close($0) }
            close(lockDescriptor)
            throw .cannotCreate(packPath, reason: reason)
        }
        index = loaded.index
        hits = Mutex([UInt64](repeating: 0, count: (loaded.index.count + 63) / 64))
        descriptors = loaded.descriptors.merging([number: packDescriptor]) { $1 }
        packBytes = loaded.packBytes
        strays = loaded.strays
        currentPack = number
        lock = Mutex(lockDescriptor)
        writer = Mutex(Writer())
        counters = Mutex((0, 0, loaded.corruptIndexes))
    }

    deinit {
        finishBuild(collecting: false)
        descriptors.values.forEach { _ = close($0) }
    }

    /// Hits, misses and corrupt entries (an unreadable index counts once).
    public var stats: (hits: Int, misses: Int, corrupt: Int) { counters.withLock { $0 } }

    /// The final URL is part of the key because a web report's rows carry it: the same bytes served from
    /// another address are another result.
    func key(for raw: RawDocument) -> CacheKey {
        CacheKey(digest: Array(SHA256.hash(data: Array("\(raw.sha256)|\(raw.source.displayPath)|\(raw.fetch?.finalURL ?? "")|\(configuration)".utf8))))
    }

    /// An open descriptor of pack `number`, for reading rows at emit.
    func descriptor(forPack number: UInt32) -> Int32? { descriptors[number] }

    /// The cached outcome, or nil (and a miss) when absent, corrupt or written for another document.
    func lookup(_ raw: RawDocument, key: CacheKey) -> CachedOutcome? {
        guard let position = index.position(of: key), case let place = index[position].place, let descriptor = descriptors[place.pack]
        else {
            counters.withLock { $0.misses += 1 }
            return nil
        }
        // Layout: the payload's checksum (``EntryChecksum``, 8 bytes), then the payload (``CachedOutcome/serialized()``).
        let header = EntryChecksum.size
        guard let bytes = FileDescriptorIO.read(descriptor, count: Int(place.length), at: place.offset), bytes.count > header,
            EntryChecksum.matches(bytes),
            var outcome = CachedOutcome(serialized: bytes[header...], withRows: false), outcome.belongs(to: raw)
        else {
            counters.withLock {
                $0.corrupt += 1
                $0.misses += 1
            }
            return nil
        }
        if case .kept(var result) = outcome, let rows = result.cached {
            result.fetch = raw.fetch
            // The rows stay in the pack (the store reads them from there at emit); only their place is kept.
            result.cached = RecordLocation(pack: place.pack, offset: place.offset + UInt64(header) + rows.offset, length: rows.length)
            outcome = .kept(result)
        }
        hits.withLock { $0[position / 64] |= 1 << UInt64(position % 64) }
        counters.withLock { $0.hits += 1 }
        return outcome
    }

    /// Appends an outcome to this build's pack. Returns where the pack holds the rows, or nil when nothing
    /// was written: a failure to write only costs a future miss.
    @discardableResult
    func store(_ outcome: CachedOutcome, key: CacheKey) -> RecordLocation? {
        let payload = outcome.serialized()
        // Checksum and payload go out in one pwritev, without joining them into one more copy.
        let entry = [EntryChecksum.header(for: payload), payload]
        let entryCount = EntryChecksum.size + payload.count
        guard let descriptor = descriptors[currentPack], entryCount <= UInt32.max else { return nil }
        let offset: UInt64? = writer.withLock { writer in
            guard !writer.failed, !writer.finished else { return nil }
            let offset = writer.offset
            guard FileDescriptorIO.write(entry, to: descriptor, at: offset) else {
                writer.failed = true
                return nil
            }
            writer.offset += UInt64(entryCount)
            writer.records.append(CachePackIndex.Record(key: key, offset: offset, length: UInt32(entryCount)))
            return offset
        }
        guard let offset else { return nil }
        guard case .kept(let result) = outcome else { return nil }
        // The rows are the entry's last part: their record (UInt32 length and bytes) ends it.
        return RecordLocation(pack: currentPack, offset: offset + UInt64(entryCount - result.record.count), length: result.record.count)
    }

    /// Seals this build's pack with its index and releases the lock; with `collecting`, also drops what this
    /// build did not use. Called once the per-document stages are done; later calls do nothing. Rows stay
    /// readable afterwards. A build that is torn down early (an error) seals but collects nothing.
    func finishBuild(collecting: Bool = true) {
        guard let lockDescriptor = lock.withLock({ descriptor -> Int32? in
            defer { descriptor = nil }
            return descriptor
        })
        else { return }
        defer { close(lockDescriptor) }
        let (records, failed, written) = writer.withLock { writer in
            writer.finished = true
            return (writer.records, writer.failed, writer.offset)
        }
        let sealed = !records.isEmpty && !failed
            && AtomicFile.save(CachePackIndex.serialized(records), to: URL(fileURLWithPath: path(currentPack, "index")))
        // A pack with nothing in it, or one that cannot be trusted, leaves no trace.
        if !sealed { unlink(path(currentPack, "pack")) }
        // A build that used nothing (every source failed, say) is no guide to what the next one needs.
        let used = usedEntries(written: sealed ? records : [])
        guard collecting, !used.isEmpty else { return }
        collect(used, currentBytes: sealed ? written : nil)
    }

    /// The entries this build hit or wrote, with where they lie.
    private func usedEntries(written: [CachePackIndex.Record]) -> [(key: CacheKey, value: PackLocation)] {
        let bits = hits.withLock { $0 }
        var used: [(key: CacheKey, value: PackLocation)] = []
        for (word, value) in bits.enumerated() where value != 0 {
            for bit in 0..<64 where value & (1 << UInt64(bit)) != 0 { used.append((index[word * 64 + bit].key, index[word * 64 + bit].place)) }
        }
        for record in written { used.append((record.key, PackLocation(pack: currentPack, offset: record.offset, length: record.length))) }
        return used
    }

    private func path(_ number: UInt32, _ suffix: String) -> String {
        folder.appendingPathComponent("\(number).\(suffix)").path
    }

    /// Applies ``CachePackPlanner`` to the packs, with this build's use as what is live.
    private func collect(_ used: [(key: CacheKey, value: PackLocation)], currentBytes: UInt64?) {
        var live: [UInt32: UInt64] = [:]
        for (_, place) in used { live[place.pack, default: 0] += UInt64(place.length) }
        var packs = packBytes.map { CachePackPlanner.Pack(number: $0.key, bytes: $0.value, liveBytes: live[$0.key] ?? 0) }
        if let currentBytes {
            packs.append(CachePackPlanner.Pack(number: currentPack, bytes: currentBytes, liveBytes: live[currentPack] ?? 0))
        }
        let plan = CachePackPlanner.plan(packs)
        if !plan.merge.isEmpty {
            let merging = Set(plan.merge)
            let moving = used.filter { merging.contains($0.value.pack) }.sorted { ($0.value.pack, $0.value.offset) < ($1.value.pack, $1.value.offset) }
            // If the copy fails, the old packs stay: nothing is lost but space.
            guard copy(moving, into: currentPack + 1) else { return remove(plan.delete) }
        }
        remove(plan.delete + plan.merge)
        strays.forEach { unlink($0) }
    }

    /// Copies entries into a new pack `number` and writes its index; false (and no new pack) on any failure.
    private func copy(_ entries: [(key: CacheKey, value: PackLocation)], into number: UInt32) -> Bool {
        let target = open(path(number, "pack"), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard target >= 0 else { return false }
        var records: [CachePackIndex.Record] = []
        var offset: UInt64 = 0
        var complete = true
        for (key, place) in entries {
            guard let source = descriptors[place.pack], let bytes = FileDescriptorIO.read(source, count: Int(place.length), at: place.offset),
                FileDescriptorIO.write(bytes, to: target, at: offset)
            else {
                complete = false
                break
            }
            records.append(CachePackIndex.Record(key: key, offset: offset, length: place.length))
            offset += UInt64(place.length)
        }
        close(target)
        guard complete, AtomicFile.save(CachePackIndex.serialized(records), to: URL(fileURLWithPath: path(number, "index"))) else {
            unlink(path(number, "pack"))
            return false
        }
        return true
    }

    /// Deletes packs, index first, so a pack is never indexed without its bytes.
    private func remove(_ numbers: [UInt32]) {
        for number in numbers {
            unlink(path(number, "index"))
            unlink(path(number, "pack"))
        }
    }
}

extension CachedOutcome {
    /// Whether the entry was written for this document (guards against a key collision or a swapped file).
    fileprivate func belongs(to raw: RawDocument) -> Bool {
        switch self {
        case .kept(let result): result.facts.sourceSHA256 == raw.sha256 && result.facts.sourcePath == raw.source.displayPath
        case .dropped: true
        }
    }
}

/// Runs `inner` (decode → … → render) only when the cache has no valid entry for the document; drops are
/// cached too, so an unchanged report that yields nothing is not processed again. Errors are not cached.
struct CachedStage<Inner: Stage>: Stage where Inner.Input == RawDocument, Inner.Output == DocumentResult {
    let inner: Inner
    let cache: DocumentCache?

    var name: String { inner.name }

    func process(_ raw: RawDocument) throws -> StageOutcome<DocumentResult> {
        guard let cache else { return try inner.process(raw) }
        // One key per document, for the lookup and, on a miss, the store.
        let key = cache.key(for: raw)
        switch cache.lookup(raw, key: key) {
        case .kept(let result): return .keep(result)
        case .dropped(let reason): return .drop(reason: reason)
        case nil: break
        }
        switch try inner.process(raw) {
        case .keep(var result):
            result.cached = cache.store(.kept(result), key: key)
            return .keep(result)
        case .drop(let reason):
            cache.store(.dropped(reason: reason), key: key)
            return .drop(reason: reason)
        }
    }
}
