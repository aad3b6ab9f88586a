#!/usr/bin/env bash
# `make bench`: generates a synthetic corpus (reportkit generate-corpus) and times `reportkit build` on it at
# --jobs 1 and 2 under /usr/bin/time -v. Prints a table and writes the figures to bench/results.json.
# Benchmarks are not tests: nothing here fails on a timing.
#
# Variables (environment, or make's command line):
#   BENCH_COUNT    reports to generate (20000, about 140 MB; 2000 for a quick run)
#   BENCH_SEED     generator seed (42)
#   BENCH_JOBS     the --jobs values to time ("1 2")
#   BENCH_REPEAT   builds per --jobs value (5); the figures are the run with the median wall time, since single
#                  runs on a shared VM vary by up to 25%; every run's wall time is recorded too
#   BENCH_SCRATCH  SwiftPM build folder (.build); the binary is $BENCH_SCRATCH/release/reportkit
#   BENCH_RESULTS  where the figures go (bench/results.json)
#   BENCH_DIR      corpus and scratch folder (.bench)
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT="${BENCH_COUNT:-20000}"
SEED="${BENCH_SEED:-42}"
JOBS_LIST="${BENCH_JOBS:-1 2}"
REPEAT="${BENCH_REPEAT:-5}"
SCRATCH="${BENCH_SCRATCH:-.build}"
RESULTS="${BENCH_RESULTS:-bench/results.json}"
SWIFT="${SWIFT:-swift}"
HTML_SHARE=0.3
DUPLICATE_SHARE=0.1
TRADITIONAL_SHARE=0.05
GBK_SHARE=0.05
DIR="${BENCH_DIR:-.bench}"
BIN="$SCRATCH/release/reportkit"

if [ ! -x /usr/bin/time ]; then
    echo "make bench needs GNU time at /usr/bin/time for the peak memory: apt-get install time" >&2
    exit 1
fi

echo "== release build ($SCRATCH)"
# shellcheck disable=SC2086  # RELEASE_FLAGS is a list of flags (the Makefile's)
"$SWIFT" build ${RELEASE_FLAGS:--c release --static-swift-stdlib} --product reportkit --scratch-path "$SCRATCH"
if ! "$BIN" build --help | grep -q -- '--timings-file'; then
    echo "$BIN build has no --timings-file option yet; update the sources and run make bench again." >&2
    exit 1
fi

# The corpus is generated again only when its parameters, the generator or the samples change.
generator_digest=$(cat Sources/ReportKit/Bench/*.swift pipelines/business-environment/sources/*.txt | sha256sum | cut -c1-16)
params="count=$COUNT seed=$SEED html-share=$HTML_SHARE duplicate-share=$DUPLICATE_SHARE"
params="$params traditional-share=$TRADITIONAL_SHARE gbk-share=$GBK_SHARE generator=$generator_digest"
mkdir -p "$DIR"
if [ -f "$DIR/corpus.params" ] && [ "$(cat "$DIR/corpus.params")" = "$params" ] && [ -f "$DIR/pipeline.yaml" ]; then
    echo "== corpus: reusing $DIR/corpus ($params)"
else
    echo "== corpus: generating $COUNT reports into $DIR/corpus"
    rm -f "$DIR/corpus.params"
    "$BIN" generate-corpus --count "$COUNT" --seed "$SEED" --output "$DIR" --html-share "$HTML_SHARE" \
        --duplicate-share "$DUPLICATE_SHARE" --traditional-share "$TRADITIONAL_SHARE" --gbk-share "$GBK_SHARE"
    echo "$params" >"$DIR/corpus.params"
fi

# Every run does all the work: a fresh output folder, and the per-document result cache switched off. Each
# starts alike: the corpus read once into the page cache (so --jobs 1, run first, does not pay for the disk
# alone) and no dirty pages of an earlier run's 700 MB still being written back (sync).
cat "$DIR"/corpus/* >/dev/null
no_cache=()
if "$BIN" build --help | grep -q -- '--no-cache'; then no_cache=(--no-cache); fi
# The --jobs values take turns (1 2 1 2 ...), so that a slow spell of the host does not land on one of them only.
for round in $(seq 1 "$REPEAT"); do
    for jobs in $JOBS_LIST; do
        echo "== reportkit build --jobs $jobs (run $round of $REPEAT)"
        rm -rf "$DIR/out" "$DIR/timings-j$jobs-r$round.json"
        sync
        /usr/bin/time -v -o "$DIR/time-j$jobs-r$round.txt" "$BIN" build "$DIR" --output-root "$DIR/out" --jobs "$jobs" \
            --replace "${no_cache[@]}" --timings-file "$DIR/timings-j$jobs-r$round.json" 2>"$DIR/build-j$jobs.log" || {
            echo "reportkit build --jobs $jobs failed; see $DIR/build-j$jobs.log" >&2
            exit 1
        }
        tail -n 1 "$DIR/build-j$jobs.log" | tr '\r' '\n' | tail -n 1
    done
done

# Incremental builds with the cache, at the last --jobs value: cold (an empty cache), warm, and after editing one
# report. Each output must be byte-identical to the --no-cache build above (the edited one, once restored).
inc_jobs="${JOBS_LIST##* }"
incremental_identical=yes
if "$BIN" build --help | grep -q -- '--cache-dir'; then
    rm -rf "$DIR/cache" "$DIR"/out-*
    edited=""
    for file in "$DIR"/corpus/*.txt; do edited=$(basename "$file") && break; done
    cp "$DIR/corpus/$edited" "$DIR/edited.backup"
    for mode in cold warm touch restored; do
        [ "$mode" = touch ] && printf '\n另外新增企业12家。\n' >>"$DIR/corpus/$edited"
        [ "$mode" = restored ] && cp "$DIR/edited.backup" "$DIR/corpus/$edited"
        echo "== reportkit build --jobs $inc_jobs, cache: $mode"
        sync
        /usr/bin/time -v -o "$DIR/time-cache-$mode.txt" "$BIN" build "$DIR" --output-root "$DIR/out-$mode" --jobs "$inc_jobs" \
            --replace --cache-dir "$DIR/cache" 2>"$DIR/build-cache-$mode.log" || {
            cp "$DIR/edited.backup" "$DIR/corpus/$edited"
            echo "reportkit build with the cache ($mode) failed; see $DIR/build-cache-$mode.log" >&2
            exit 1
        }
        tail -n 1 "$DIR/build-cache-$mode.log"
        if [ "$mode" != touch ] && ! diff -r -q "$DIR/out" "$DIR/out-$mode" >/dev/null; then
            echo "!! the $mode build with the cache differs from the --no-cache build" >&2
            incremental_identical=no
        fi
        rm -rf "$DIR/out-$mode"
    done
    rm -rf "$DIR/cache" "$DIR"/out-* "$DIR/edited.backup"
fi

mkdir -p "$(dirname "$RESULTS")"
BENCH_INCREMENTAL_JOBS="$inc_jobs" BENCH_INCREMENTAL_IDENTICAL="$incremental_identical" BENCH_DIR="$DIR" BENCH_JOBS_LIST="$JOBS_LIST" BENCH_REPEAT="$REPEAT" BENCH_RESULTS_PATH="$RESULTS" BENCH_DATE="$(date -u +%F)" \
    BENCH_CORES="$(nproc)" BENCH_CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)" \
    BENCH_SWIFT="$("$SWIFT" --version 2>/dev/null | head -n 1)" BENCH_COUNT="$COUNT" BENCH_SEED="$SEED" \
    BENCH_SHARES="$HTML_SHARE $DUPLICATE_SHARE $TRADITIONAL_SHARE $GBK_SHARE" python3 - <<'PYTHON'
import json
import os
import re

env = os.environ
folder = env["BENCH_DIR"]
stage_order = ["locate", "fetch", "fetch.file", "clean.decode", "clean.text", "extract", "validate", "dedup.prepare", "render", "store", "dedup", "emit"]


def gnu_time(path):
    """Wall seconds, peak RSS (KiB), user and system seconds, CPU share from /usr/bin/time -v."""
    fields = {}
    for line in open(path, encoding="utf-8"):
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    clock = [float(part) for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")]
    wall = sum(value * 60 ** power for power, value in enumerate(reversed(clock)))
    return {
        "wall": wall,
        "rss_kib": int(fields["Maximum resident set size (kbytes)"]),
        "user": float(fields["User time (seconds)"]),
        "system": float(fields["System time (seconds)"]),
        "cpu": fields["Percent of CPU this job got"],
    }


runs = []
corpus = None
repeat = int(env["BENCH_REPEAT"])
for jobs in env["BENCH_JOBS_LIST"].split():
    # The run with the median wall time stands for this --jobs value; the others are kept as walls only.
    measured_runs = sorted(
        ((gnu_time(f"{folder}/time-j{jobs}-r{attempt}.txt"), attempt) for attempt in range(1, repeat + 1)),
        key=lambda pair: pair[0]["wall"],
    )
    measured, median_round = measured_runs[(len(measured_runs) - 1) // 2]
    timings = json.load(open(f"{folder}/timings-j{jobs}-r{median_round}.json", encoding="utf-8"))
    megabytes = timings["input_bytes"] / 1e6
    documents = timings["documents"]
    stages = timings["stages"]
    total = sum(stage["seconds"] for stage in stages.values()) or 1.0
    names = [name for name in stage_order if name in stages] + sorted(set(stages) - set(stage_order))
    rate = lambda amount, seconds: round(amount / seconds, 3) if seconds > 0 else None
    runs.append({
        "jobs": int(jobs),
        "wall_seconds": round(measured["wall"], 3),
        "all_wall_seconds": [round(run["wall"], 3) for run, _ in sorted(measured_runs, key=lambda pair: pair[1])],
        "build_wall_seconds": round(timings["wall_seconds"], 3),
        "mb_per_second": rate(megabytes, measured["wall"]),
        "documents_per_second": rate(documents, measured["wall"]),
        "peak_rss_mib": round(measured["rss_kib"] / 1024, 1),
        "user_seconds": measured["user"],
        "system_seconds": measured["system"],
        "cpu_percent": measured["cpu"],
        "reports_kept": timings.get("reports"),
        "stages": {
            name: {
                "seconds": round(stages[name]["seconds"], 3),
                "calls": stages[name]["calls"],
                "share": round(stages[name]["seconds"] / total, 4),
                "mb_per_second": rate(megabytes, stages[name]["seconds"]),
                "documents_per_second": rate(documents, stages[name]["seconds"]),
            }
            for name in names
        },
    })
    corpus = {"documents": documents, "input_bytes": timings["input_bytes"], "megabytes": round(megabytes, 2)}

html, duplicate, traditional, gbk = (float(value) for value in env["BENCH_SHARES"].split())
corpus.update({
    "reports": int(env["BENCH_COUNT"]), "seed": int(env["BENCH_SEED"]), "html_share": html,
    "duplicate_share": duplicate, "traditional_share": traditional, "gbk_share": gbk,
    "generator": "reportkit generate-corpus",
})
baseline = next((run for run in runs if run["jobs"] == 1), None)
speedup = {}
if baseline:
    for run in runs:
        if run["jobs"] != 1:
            speedup[f"jobs{run['jobs']}_over_jobs1"] = round(baseline["wall_seconds"] / run["wall_seconds"], 3)
incremental = {}
if os.path.exists(f"{folder}/time-cache-cold.txt"):
    walls = {mode: round(gnu_time(f"{folder}/time-cache-{mode}.txt")["wall"], 3) for mode in ("cold", "warm", "touch", "restored")}
    incremental = {
        "jobs": int(env["BENCH_INCREMENTAL_JOBS"]),
        "cold_cache_wall_seconds": walls["cold"],
        "warm_wall_seconds": walls["warm"],
        "touch_one_wall_seconds": walls["touch"],
        "touch_one_share_of_cold_cache": round(walls["touch"] / walls["cold"], 3),
        "cold_cache_mb_per_second": round(corpus["megabytes"] / walls["cold"], 3),
        "identical_to_no_cache_build": env["BENCH_INCREMENTAL_IDENTICAL"] == "yes",
    }
results = {
    "date": env["BENCH_DATE"],
    "incremental": incremental,
    "machine": {"cores": int(env["BENCH_CORES"]), "cpu": env.get("BENCH_CPU", ""), "swift": env.get("BENCH_SWIFT", "")},
    "corpus": corpus,
    "repeat": repeat,
    "runs": runs,
    "speedup": speedup,
    "notes": (
        "MB = 10^6 input bytes. End-to-end figures use the wall time of the whole `reportkit build` process "
        "(/usr/bin/time), from the run with the median wall time of `repeat` runs (all_wall_seconds lists every "
        "run, in order); peak memory is its maximum resident set size. Stage seconds are summed over worker "
        "threads (CPU-side time), so at --jobs 2 they can add up to more than the wall time; a stage's MB/s and "
        "documents/s are the corpus divided by its summed seconds, and its share is its part of all stage seconds."
    ),
}
with open(env["BENCH_RESULTS_PATH"], "w", encoding="utf-8") as out:
    json.dump(results, out, indent=2, sort_keys=True, ensure_ascii=False)
    out.write("\n")

# The table.
def number(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"

print()
print(f"ReportKit benchmark, {results['date']}, {results['machine']['cores']} cores ({results['machine']['cpu']})")
print(
    f"corpus: {corpus['reports']:,} reports, {corpus['megabytes']:.1f} MB (seed {corpus['seed']}; "
    f"{html:.0%} HTML, {duplicate:.0%} near-duplicates, {traditional:.0%} Traditional, {gbk:.0%} GBK)"
)
header = f"{'':<18}" + "".join(f"{'--jobs ' + str(run['jobs']):>38}" for run in runs)
print()
print(header)
print(f"{'stage':<18}" + f"{'seconds':>10}{'share':>8}{'MB/s':>10}{'docs/s':>10}" * len(runs))
names = list(runs[0]["stages"])
for name in names:
    row = f"{name:<18}"
    for run in runs:
        stage = run["stages"].get(name)
        row += (
            f"{number(stage['seconds'], 2):>10}{stage['share']:>8.1%}{number(stage['mb_per_second']):>10}"
            f"{number(stage['documents_per_second'], 0):>10}"
            if stage else f"{'-':>38}"
        )
    print(row)
print("-" * (18 + 38 * len(runs)))
row = f"{'end to end (wall)':<18}"
for run in runs:
    row += f"{number(run['wall_seconds'], 2):>10}{'':>8}{number(run['mb_per_second'], 2):>10}{number(run['documents_per_second'], 0):>10}"
print(row)
print(f"{'all walls (s)':<18}" + "".join(f"{' '.join(f'{wall:.2f}' for wall in run['all_wall_seconds']):>38}" for run in runs))
print(f"{'peak RSS (MiB)':<18}" + "".join(f"{number(run['peak_rss_mib']):>38}" for run in runs))
print(f"{'reports kept':<18}" + "".join(f"{run['reports_kept']:>38,}" for run in runs))
for key, value in speedup.items():
    print(f"speed-up {key.replace('_over_', ' over ')}: {value:.2f}x (wall time)")
if incremental:
    print(
        f"with the cache at --jobs {incremental['jobs']}: cold {incremental['cold_cache_wall_seconds']:.2f} s "
        f"({incremental['cold_cache_mb_per_second']:.2f} MB/s), warm {incremental['warm_wall_seconds']:.2f} s, "
        f"one report edited {incremental['touch_one_wall_seconds']:.2f} s "
        f"({incremental['touch_one_share_of_cold_cache']:.0%} of cold); "
        f"identical to --no-cache: {'yes' if incremental['identical_to_no_cache_build'] else 'NO'}"
    )
print(f"stage seconds are summed over threads; end to end is the wall time of the whole process (median of {repeat} runs).")
print(f"figures written to {env['BENCH_RESULTS_PATH']}")
PYTHON
