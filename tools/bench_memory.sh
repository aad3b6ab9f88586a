#!/usr/bin/env bash
# `make bench-memory`: peak resident memory of `reportkit build` against corpus size, to show that memory grows
# only with compact per-report state. Generates one synthetic corpus per count (reportkit generate-corpus, same
# shares as make bench), builds each at --jobs 2 under /usr/bin/time -v without the cache, with a cold cache and with
# a warm one, and writes bench/memory.json with the peak RSS per count and mode and the fitted slopes (KiB per report).
# Large counts need disk: about 7 KB per report for the corpus and, while it is measured, about 45 KB for its cache.
#
# Variables: BENCH_MEMORY_COUNTS ("20000 100000 200000"), BENCH_SEED (42), BENCH_SCRATCH (.build),
#            BENCH_MEMORY_DIR (.bench-memory), BENCH_MEMORY_RESULTS (bench/memory.json)
set -euo pipefail
cd "$(dirname "$0")/.."

COUNTS="${BENCH_MEMORY_COUNTS:-20000 100000 200000}"
SEED="${BENCH_SEED:-42}"
SCRATCH="${BENCH_SCRATCH:-.build}"
DIR="${BENCH_MEMORY_DIR:-.bench-memory}"
RESULTS="${BENCH_MEMORY_RESULTS:-bench/memory.json}"
BIN="$SCRATCH/release/reportkit"
SWIFT="${SWIFT:-swift}"

[ -x /usr/bin/time ] || { echo "make bench-memory needs GNU time at /usr/bin/time: apt-get install time" >&2; exit 1; }
# shellcheck disable=SC2086  # RELEASE_FLAGS is a list of flags (the Makefile's)
"$SWIFT" build ${RELEASE_FLAGS:--c release --static-swift-stdlib} --product reportkit --scratch-path "$SCRATCH"
mkdir -p "$DIR"
rows=""
for count in $COUNTS; do
    corpus="$DIR/c$count"
    if [ ! -f "$corpus/pipeline.yaml" ] || [ "$(cat "$corpus/params" 2>/dev/null)" != "$count $SEED" ]; then
        rm -rf "$corpus"
        "$BIN" generate-corpus --count "$count" --seed "$SEED" --output "$corpus" --html-share 0.3 --duplicate-share 0.1 \
            --traditional-share 0.05 --gbk-share 0.05
        echo "$count $SEED" >"$corpus/params"
    fi
    bytes=$(du -sb "$corpus/corpus" | cut -f1)
    # Three builds per count: without the cache, with a cold cache (every entry written), with a warm one (every
    # report read back from its entry at emit). `make` builds with the cache, so its memory is the one users get.
    rm -rf "$corpus/cache"
    for mode in no-cache cold-cache warm-cache; do
        cache_args=(--no-cache)
        [ "$mode" = no-cache ] || cache_args=(--cache-dir "$corpus/cache")
        rm -rf "$corpus/out"
        /usr/bin/time -v -o "$corpus/time-$mode.txt" "$BIN" build "$corpus" --output-root "$corpus/out" --jobs 2 --replace \
            "${cache_args[@]}" 2>"$corpus/build-$mode.log"
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$corpus/time-$mode.txt")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$corpus/time-$mode.txt")
        echo "== $count reports ($bytes bytes), $mode: peak RSS $rss KiB, wall $wall"
        rows="$rows$mode $count $rss $bytes $wall\n"
    done
    rm -rf "$corpus/cache" "$corpus/out"
done
mkdir -p "$(dirname "$RESULTS")"
printf "$rows" | BENCH_RESULTS_PATH="$RESULTS" BENCH_DATE="$(date -u +%F)" python3 -c '
import json, os, sys
rows = [line.split() for line in sys.stdin if line.strip()]
modes = {}
for mode, n, rss, size, wall in rows:
    modes.setdefault(mode, []).append({"reports": int(n), "peak_rss_kib": int(rss), "input_bytes": int(size), "wall": wall})
result = {"date": os.environ["BENCH_DATE"], "jobs": 2, "modes": {},
          "notes": "Per mode, a least-squares fit of peak RSS (KiB) on report count; the projection is a straight-line "
                   "extrapolation. no-cache: --no-cache; cold-cache: an empty --cache-dir; warm-cache: the same cache again."}
for mode, points in modes.items():
    xs = [p["reports"] for p in points]; ys = [p["peak_rss_kib"] for p in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / (sum((x - mean_x) ** 2 for x in xs) or 1)
    intercept = mean_y - slope * mean_x
    projected = round((intercept + slope * 1_000_000) / 1024 ** 2, 2)
    result["modes"][mode] = {"points": points, "slope_kib_per_report": round(slope, 3), "intercept_mib": round(intercept / 1024, 1),
                             "projected_peak_gib_at_1m_reports": projected}
    print(f"{mode}: slope {slope:.3f} KiB per report; projected peak at 1M reports {projected} GiB")
json.dump(result, open(os.environ["BENCH_RESULTS_PATH"], "w"), indent=2, sort_keys=True)
'
