#!/usr/bin/env bash
# `make bench-compare BASE=<older reportkit binary>`: times the base binary and this tree's release binary on the
# `make bench` corpus, alternately, and prints each one's median wall and CPU time and the change.
#
# Why alternately: this shared VM's speed drifts by up to 15% within minutes, so two `make bench` runs taken apart
# can disagree by more than a change's effect. Alternating in ABBA order puts both binaries through the same drift.
# Both builds must also write the same bytes (checked on the last round). Benchmarks are not tests: nothing here
# fails on a timing.
#
# Variables (environment, or make's command line):
#   BASE             the binary to compare against, e.g. one built from an older commit (required)
#   COMPARE_ROUNDS   rounds (6); each round runs both binaries once
#   COMPARE_JOBS     --jobs for every build (2)
#   BENCH_SCRATCH    SwiftPM build folder (.build); the new binary is $BENCH_SCRATCH/release/reportkit
#   BENCH_DIR        the corpus made by `make bench` (.bench)
#   COMPARE_RESULTS  where the figures go ($BENCH_DIR/compare.json)
set -euo pipefail
cd "$(dirname "$0")/.."

BASE="${BASE:-}"
ROUNDS="${COMPARE_ROUNDS:-6}"
JOBS="${COMPARE_JOBS:-2}"
SCRATCH="${BENCH_SCRATCH:-.build}"
DIR="${BENCH_DIR:-.bench}"
RESULTS="${COMPARE_RESULTS:-$DIR/compare.json}"
SWIFT="${SWIFT:-swift}"
NEW="$SCRATCH/release/reportkit"

if [ -z "$BASE" ] || [ ! -x "$BASE" ]; then
    echo "make bench-compare needs BASE=<path to an executable reportkit binary> (got '${BASE}')" >&2
    exit 1
fi
if [ ! -f "$DIR/pipeline.yaml" ]; then
    echo "no benchmark corpus in $DIR: run make bench first" >&2
    exit 1
fi
[ -x /usr/bin/time ] || { echo "make bench-compare needs GNU time at /usr/bin/time: apt-get install time" >&2; exit 1; }
# shellcheck disable=SC2086  # RELEASE_FLAGS is a list of flags (the Makefile's)
"$SWIFT" build ${RELEASE_FLAGS:--c release --static-swift-stdlib} --product reportkit --scratch-path "$SCRATCH"
# The base runs from a folder of its own. Foundation's Bundle.main lists the executable's folder when the tool
# looks up its resources: a base binary kept in a crowded folder such as /tmp (19,000 entries on this machine)
# spent ~12 ms more per build on that alone, which is not what the comparison is about.
BASE_FOLDER="$(mktemp -d)"
trap 'rm -rf "$BASE_FOLDER"' EXIT
cp "$BASE" "$BASE_FOLDER/reportkit"
BASE_RUN="$BASE_FOLDER/reportkit"

cat "$DIR"/corpus/* >/dev/null  # in the page cache for every run alike
times="$DIR/compare-times.txt"
: >"$times"
run() {  # run <label> <binary> <output folder>
    rm -rf "$3"
    sync  # as make bench does: no dirty pages of the previous run (or an fsync's flush) leak into this one
    # One provenance digest for both, so that their outputs can be compared byte for byte.
    REPORTKIT_SOURCE_DIGEST=bench-compare /usr/bin/time -f "$1 %e %U %S" -a -o "$times" \
        "$2" build "$DIR" --output-root "$3" --jobs "$JOBS" --replace --no-cache >/dev/null 2>"$DIR/compare-$1.log" \
        || { echo "the $1 build failed; see $DIR/compare-$1.log" >&2; exit 1; }
}
for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round of $ROUNDS"
    if [ $((round % 2)) -eq 1 ]; then order="base new"; else order="new base"; fi
    for label in $order; do
        if [ "$label" = base ]; then run base "$BASE_RUN" "$DIR/out-compare-base"; else run new "$NEW" "$DIR/out-compare-new"; fi
    done
done
identical=no
if diff -r -q "$DIR/out-compare-base" "$DIR/out-compare-new" >/dev/null; then identical=yes; fi
rm -rf "$DIR/out-compare-base" "$DIR/out-compare-new"

BYTES=$(find "$DIR/corpus" -type f -printf "%s\n" | awk "{ total += \$1 } END { print total }") TIMES="$times" RESULTS="$RESULTS" IDENTICAL="$identical" JOBS="$JOBS" \
    BASE="$BASE" python3 - <<'EOF'
import json, os, statistics

runs = {"base": [], "new": []}
for line in open(os.environ["TIMES"], encoding="utf-8"):
    label, wall, user, system = line.split()
    runs[label].append({"wall": float(wall), "user": float(user), "system": float(system)})
megabytes = int(os.environ["BYTES"]) / 1e6

def medians(label):
    return {key: statistics.median(run[key] for run in runs[label]) for key in ("wall", "user", "system")}

base, new = medians("base"), medians("new")
change = {key: (new[key] - base[key]) / base[key] for key in base}
print(f"\n--jobs {os.environ['JOBS']}, {megabytes:.1f} MB, {len(runs['new'])} runs each, alternating (ABBA)")
print(f"{'':6} {'wall runs (s)':<44} {'median':>7} {'MB/s':>7} {'user':>6} {'sys':>6}")
for label, figures in (("base", base), ("new", new)):
    walls = " ".join(f"{run['wall']:.2f}" for run in runs[label])
    print(f"{label:6} {walls:<44} {figures['wall']:7.2f} {megabytes / figures['wall']:7.2f} {figures['user']:6.2f} {figures['system']:6.2f}")
print(f"change: wall {change['wall']:+.1%}, user {change['user']:+.1%}, sys {change['system']:+.1%}; "
      f"outputs identical: {os.environ['IDENTICAL']}")
with open(os.environ["RESULTS"], "w", encoding="utf-8") as out:
    json.dump({"base": os.environ["BASE"], "jobs": int(os.environ["JOBS"]), "megabytes": round(megabytes, 1),
               "runs": runs, "medians": {"base": base, "new": new},
               "change": {key: round(value, 4) for key, value in change.items()},
               "outputs_identical": os.environ["IDENTICAL"] == "yes"}, out, indent=2, sort_keys=True)
print(f"figures written to {os.environ['RESULTS']}")
EOF
