#!/usr/bin/env bash
# `make bench-python`: the Python peer pipeline (tools/python_baseline.py: trafilatura, ftfy, OpenCC, a regex +
# cn2an quantity extractor, datasketch MinHash-LSH) timed on a corpus folder at 1 and 2 processes under
# /usr/bin/time -v, so that ReportKit's figures (make bench, bench/results.json) have a measured baseline on the
# same machine. Installs pinned package versions into a virtualenv under .bench-python/ (not committed) and
# writes bench/python-baseline.json. Benchmarks are not tests: nothing here fails on a timing.
#
# Variables (environment, or make's command line):
#   BENCH_PY_CORPUS     folder of reports, read in place (.bench/corpus, which `make bench` generates)
#   BENCH_PY_PROCESSES  the --processes values to time ("1 2")
#   BENCH_PY_REPEATS    rounds of all those runs (1); the machine may be shared, so 2 shows the spread
#   BENCH_PY_RESULTS    where the figures go (bench/python-baseline.json)
#   BENCH_PY_DATE       the date recorded (today, UTC)
#   PYTHON              the interpreter the virtualenv is made from (python3)
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS="${BENCH_PY_CORPUS:-.bench/corpus}"
PROCESSES_LIST="${BENCH_PY_PROCESSES:-1 2}"
REPEATS="${BENCH_PY_REPEATS:-1}"
RESULTS="${BENCH_PY_RESULTS:-bench/python-baseline.json}"
DATE="${BENCH_PY_DATE:-$(date -u +%F)}"
PYTHON="${PYTHON:-python3}"
DIR=.bench-python
VENV="$DIR/venv"
# Pinned: the versions the recorded baseline was measured with. The OpenCC binding is the `opencc` package
# (OpenCC's own C++ library with its dictionaries, as a wheel); opencc-python-reimplemented is the fallback.
PINS=(trafilatura==2.3.1 ftfy==6.3.1 opencc==1.4.2 cn2an==0.5.24 datasketch==2.0.0)
FALLBACK_OPENCC=opencc-python-reimplemented==0.1.7

if [ ! -d "$CORPUS" ]; then
    echo "no corpus at $CORPUS: run make bench first (it generates .bench/corpus), or set BENCH_PY_CORPUS" >&2
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    echo "make bench-python needs GNU time at /usr/bin/time for the peak memory: apt-get install time" >&2
    exit 1
fi

mkdir -p "$DIR"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$DIR/pins" 2>/dev/null)" != "${PINS[*]}" ]; then
    echo "== virtualenv $VENV: ${PINS[*]}"
    rm -rf "$VENV" "$DIR/pins"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
    if ! "$VENV/bin/pip" install -q "${PINS[@]}"; then
        echo "== opencc did not install; trying $FALLBACK_OPENCC" >&2
        pins=("${PINS[@]/opencc==*/$FALLBACK_OPENCC}")
        "$VENV/bin/pip" install -q "${pins[@]}"
    fi
    echo "${PINS[*]}" >"$DIR/pins"
fi
"$VENV/bin/pip" freeze >"$DIR/freeze.txt"

runs=()
for round in $(seq 1 "$REPEATS"); do
    for processes in $PROCESSES_LIST; do
        tag="r$round-p$processes"
        echo "== round $round, --processes $processes ($CORPUS)"
        rm -rf "$DIR/out" "$DIR/stats-$tag.json"
        /usr/bin/time -v -o "$DIR/time-$tag.txt" "$VENV/bin/python" tools/python_baseline.py "$CORPUS" \
            --processes "$processes" --output "$DIR/out" --stats "$DIR/stats-$tag.json"
        runs+=("$tag")
    done
done

mkdir -p "$(dirname "$RESULTS")"
BENCH_DIR="$DIR" BENCH_RUNS="${runs[*]}" BENCH_RESULTS_PATH="$RESULTS" BENCH_DATE="$DATE" BENCH_CORES="$(nproc)" \
    BENCH_CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)" \
    BENCH_CORPUS="$CORPUS" BENCH_PINS="${PINS[*]}" "$VENV/bin/python" - <<'PYTHON'
import json
import os

env = os.environ
folder = env["BENCH_DIR"]


def gnu_time(path):
    """Wall seconds, peak RSS of the largest process (KiB), user and system seconds from /usr/bin/time -v."""
    fields = {}
    for line in open(path, encoding="utf-8"):
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    clock = [float(part) for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")]
    return {
        "wall_seconds": round(sum(value * 60 ** power for power, value in enumerate(reversed(clock))), 3),
        "max_rss_kib_largest_process": int(fields["Maximum resident set size (kbytes)"]),
        "user_seconds": float(fields["User time (seconds)"]),
        "system_seconds": float(fields["System time (seconds)"]),
        "cpu_percent": fields["Percent of CPU this job got"],
    }


runs = []
for tag in env["BENCH_RUNS"].split():
    stats = json.load(open(f"{folder}/stats-{tag}.json", encoding="utf-8"))
    stats["round"] = int(tag.split("-")[0][1:])
    stats["gnu_time"] = gnu_time(f"{folder}/time-{tag}.txt")
    runs.append(stats)

first = runs[0]
freeze = dict(line.strip().split("==", 1) for line in open(f"{folder}/freeze.txt") if "==" in line)
summary = {}
for processes in sorted({run["processes"] for run in runs}):
    mine = [run for run in runs if run["processes"] == processes]
    summary[str(processes)] = {
        "mb_per_second": [run["mb_per_second"] for run in mine],
        "documents_per_second": [run["documents_per_second"] for run in mine],
        "wall_seconds": [run["wall_seconds"] for run in mine],
        "cpu_percent_got": [run["gnu_time"]["cpu_percent"] for run in mine],
        "mb_per_cpu_second": [
            round(run["input_bytes"] / 1e6 / (run["gnu_time"]["user_seconds"] + run["gnu_time"]["system_seconds"]), 3)
            for run in mine
        ],
        "peak_pss_mib_all_processes": [round(run["peak_memory_kib"]["sampled_sum_pss_all_processes"] / 1024, 1) for run in mine],
        "peak_rss_mib_all_processes": [round(run["peak_memory_kib"]["sampled_sum_rss_all_processes"] / 1024, 1) for run in mine],
    }
result = {
    "tool": "tools/python_baseline.py (make bench-python)",
    "date": env["BENCH_DATE"],
    "machine": {"cores": int(env["BENCH_CORES"]), "cpu": env["BENCH_CPU"], "python": first["python"]},
    "pins": env["BENCH_PINS"].split(),
    "packages": first["packages"],
    "installed": freeze,
    "corpus": {
        "path": env["BENCH_CORPUS"],
        "documents": first["documents"],
        "input_bytes": first["input_bytes"],
        "megabytes": round(first["input_bytes"] / 1e6, 2),
        "html_documents": first["html_documents"],
        "gb18030_documents": first["gb18030_documents"],
    },
    "summary_by_processes": summary,
    "runs": runs,
    "notes": [
        "MB/s is 10^6 input bytes over the wall seconds of the whole run, imports included.",
        "phases_wall_seconds are wall time; per_document_stage_cpu_seconds are CPU seconds summed over the "
        "worker processes (time.process_time), so they do not count time a busy machine took away.",
        "peak_memory_kib: sampled_sum_* add up every process of the run (main and pool workers, every 0.2 s); "
        "PSS shares forked pages fairly, RSS counts them once per process. gnu_time's max RSS is the largest "
        "single process only.",
        "With --processes 1 the pipeline runs in the main process, without a pool.",
        "cpu_percent_got (from /usr/bin/time) below 100 per process, and the load averages in each run, show a "
        "machine shared with other work; mb_per_cpu_second (input MB over user + system seconds) does not "
        "depend on that.",
    ],
}
with open(env["BENCH_RESULTS_PATH"], "w", encoding="utf-8") as f:
    json.dump(result, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(f"{'processes':>9} {'MB/s':>12} {'docs/s':>14} {'wall s':>16} {'peak PSS MiB':>14}")
for processes, row in summary.items():
    show = lambda values: " / ".join(f"{value:g}" for value in values)
    print(f"{processes:>9} {show(row['mb_per_second']):>12} {show(row['documents_per_second']):>14} "
          f"{show(row['wall_seconds']):>16} {show(row['peak_pss_mib_all_processes']):>14}")
print(f"wrote {env['BENCH_RESULTS_PATH']}")
PYTHON
