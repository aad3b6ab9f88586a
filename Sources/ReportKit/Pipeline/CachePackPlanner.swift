/// Decides what a finished build leaves of a pipeline's cache packs. An entry is live when this build used it
/// (a hit, or written by it); the cache keeps what the last build needed and nothing else:
/// - a pack with no live entry is deleted;
/// - a pack that is more than half dead has its live entries copied into a new pack, then is deleted;
/// - when more than `maxPacks` would remain (every incremental build adds a small pack), the packs with the
///   fewest live bytes are merged too, so the count stays bounded.
/// Copying costs a read and a write of live bytes only, and a full cold build is never copied.
enum CachePackPlanner {
    struct Pack: Sendable, Equatable {
        var number: UInt32
        var bytes: UInt64
        var liveBytes: UInt64
    }

    struct Plan: Sendable, Equatable {
        /// Packs to delete outright.
        var delete: [UInt32] = []
        /// Packs whose live entries move into one new pack before they are deleted.
        var merge: [UInt32] = []
    }

    static func plan(_ packs: [Pack], maxPacks: Int = 8) -> Plan {
        var plan = Plan()
        var kept: [Pack] = []
        for pack in packs.sorted(by: { $0.number < $1.number }) {
            if pack.liveBytes == 0 {
                plan.delete.append(pack.number)
            } else if pack.liveBytes * 2 < pack.bytes {
                plan.merge.append(pack.number)
            } else {
                kept.append(pack)
            }
        }
        // The merged pack counts as one of those that remain.
        let limit = max(1, maxPacks)
        if kept.count + (plan.merge.isEmpty ? 0 : 1) > limit {
            let bySize = kept.sorted { ($0.liveBytes, $0.number) < ($1.liveBytes, $1.number) }
            // Merging k packs leaves kept.count - k + 1.
            plan.merge += bySize.prefix(kept.count + 1 - limit).map(\.number)
            plan.merge.sort()
        }
        // Copying a single pack's entries into a new one gains nothing unless it reclaims dead space.
        if plan.merge.count == 1, let only = packs.first(where: { $0.number == plan.merge[0] }), only.liveBytes * 2 >= only.bytes {
            plan.merge = []
        }
        return plan
    }
}
