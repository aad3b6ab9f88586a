#!/usr/bin/env python3
"""The Python peer pipeline that ReportKit's performance notes compare against.

For every file under a corpus folder: decode (UTF-8, else GB18030, a superset of GBK), extract the main text
of HTML with trafilatura, fix the text with ftfy, convert Traditional to Simplified with OpenCC (t2s), split
into sentences, extract quantities (a regex for Arabic numbers, cn2an for Chinese numerals, followed by a
unit such as 亿元, 万户, 个, %, 天, 小时, 家) and compute a MinHash signature (datasketch, 128 permutations,
character 5-shingles). The per-document part runs in --processes N worker processes (multiprocessing); the
near-duplicate removal (MinHashLSH, threshold 0.8, first report in input order kept) is global, in the main
process. Writes metrics.csv and metrics.jsonl (place, indicator, value, unit, sentence and the document) into
--output, and the timings into --stats (JSON).

A baseline, not a product: the place is the first full name from ReportKit's gazetteer
(Sources/ReportKit/Resources/gazetteer.csv) in the sentence, else in the first line, else in the text, and the indicator is the
words before the number in its clause; ReportKit's region and claim rules do much more.

Needs: trafilatura, ftfy, opencc (or opencc-python-reimplemented), cn2an, datasketch. tools/bench_python.sh
installs pinned versions into a virtualenv and runs this at 1 and 2 processes.
"""
import time

_T0 = time.perf_counter()  # wall time counts from before the imports: they are part of a run

import argparse
import csv
import io
import json
import multiprocessing
import os
import platform
import re
import resource
import sys
import threading
import unicodedata
from importlib import metadata

import cn2an
import ftfy
import trafilatura
from datasketch import LeanMinHash, MinHash, MinHashLSH

import opencc  # the module of both the opencc package (C++ OpenCC) and opencc-python-reimplemented


def _opencc_dist():
    for name in ("opencc", "opencc-python-reimplemented"):
        try:
            metadata.version(name)
            return name
        except metadata.PackageNotFoundError:
            pass
    return "opencc"


OPENCC_DIST = _opencc_dist()

_T_IMPORTED = time.perf_counter()

NUM_PERM = 128
SHINGLE = 5
LSH_THRESHOLD = 0.8

# Units, longest first (年, 月 and 日 are left out: they make dates, not metrics) so that 亿元 wins over 亿 and 万户 over 户.
UNITS = sorted(
    """亿元 万亿元 千亿元 百亿元 万元 千元 元 亿美元 万美元 美元 亿 万 万户 户 万家 家 万个 个 万人 人 人次 万人次 万件 件
    项 万项 次 万次 天 个工作日 工作日 小时 分钟 秒 个月 % ％ 倍 个百分点 百分点 平方公里 平方米 万平方米 亩 万亩
    公里 千米 米 吨 万吨 千瓦 万千瓦 兆瓦 台 套 条 座 所 批 批次 张 份 宗 笔 单 户次""".split(),
    key=len,
    reverse=True,
)
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿点]+"
QUANTITY_RE = re.compile(
    "(?P<num>" + ARABIC + "|" + CHINESE + ")(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + ")"
)
SENTENCE_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
CLAUSE_BREAK_RE = re.compile(r"[，,、：:（）()“”\"《》\s]")
INDICATOR_TRIM_RE = re.compile(
    r"^(?:其中|全市|全省|全县|全区|累计|共|总计|合计|同比|目前|今年|去年|截至|已|共计|达到|达|为|约|超过|超|近|逾|突破)+|"
    r"(?:已经|已|累计|共|达到|达|为|约|超过|超|近|逾|提升至|提高到|提高至|增长|增加|减少|下降|突破|实现|完成|新增|由|从|至|到|的|了|共计|总计)+$"
)
PLACE_SUFFIX_RE = re.compile(r"[省市县区州盟旗]")
GAZETTEER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "ReportKit", "Resources", "gazetteer.csv")
HTML_SNIFF_RE = re.compile(rb"^\s*(?:<!doctype html|<html|<\?xml)", re.IGNORECASE)

LOAD_AT_START = None
_converter = None
_template = None


def load_place_names(path=GAZETTEER):
    """Full names of provinces, prefectures and counties from the gazetteer ReportKit bundles (GB/T 2260)."""
    try:
        with open(path, encoding="utf-8") as f:
            return {row["name"] for row in csv.DictReader(f)}
    except OSError:
        return set()


PLACE_NAMES = load_place_names()
LONGEST_PLACE = max((len(n) for n in PLACE_NAMES), default=0)


def find_places(text):
    """Gazetteer names in text, leftmost first: at each 省/市/县/区/州/盟/旗, the longest name ending there."""
    found = []
    for m in PLACE_SUFFIX_RE.finditer(text):
        end = m.end()
        for length in range(min(LONGEST_PLACE, end), 1, -1):
            candidate = text[end - length : end]
            if candidate in PLACE_NAMES:
                found.append(candidate)
                break
    return found


def _init_worker():
    """Builds the per-process state once: the OpenCC converter and the MinHash permutations."""
    global _converter, _template
    try:
        _converter = opencc.OpenCC("t2s")
    except Exception:  # some builds want the config file name
        _converter = opencc.OpenCC("t2s.json")
    _template = MinHash(num_perm=NUM_PERM, seed=1)


def decode(raw):
    """UTF-8 (BOM stripped), else GB18030; returns (text, encoding)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace"), "gb18030"


def chinese_value(num):
    if re.fullmatch(ARABIC, num):
        return float(num.replace(",", ""))
    try:
        return float(cn2an.cn2an(num, "smart"))
    except Exception:  # not a well-formed numeral (e.g. 点 alone, 十万百): no metric
        return None


def extract_metrics(text, title_place):
    rows = []
    for match in SENTENCE_RE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        places = None
        for q in QUANTITY_RE.finditer(sentence):
            num, unit = q.group("num"), q.group("unit")
            if num in ("一", "两", "二", "几") and unit in ("个", "项", "次", "家", "批", "条", "天"):
                continue  # 一个平台, 两个环节: counting words, not metrics
            value = chinese_value(num)
            if value is None:
                continue
            start = q.start()
            clause = CLAUSE_BREAK_RE.split(sentence[:start])[-1]
            indicator = INDICATOR_TRIM_RE.sub("", clause[-14:]) or clause[-14:]
            if places is None:
                places = find_places(sentence)
            place = places[0] if places else title_place
            rows.append((place, indicator, value, unit, q.group(0), sentence))
    return rows


def process(path):
    """The per-document part: returns (name, bytes, flags, stage CPU seconds, rows, MinHash values).

    Stages are timed in this process's CPU time, not wall time: on a shared machine a preempted worker's wall
    time would count other programs' work."""
    clock = time.process_time
    t = [clock()]
    with open(path, "rb") as f:
        raw = f.read()
    t.append(clock())
    text, encoding = decode(raw)
    t.append(clock())
    is_html = path.endswith((".html", ".htm")) or bool(HTML_SNIFF_RE.match(raw[:200]))
    if is_html:
        extracted = trafilatura.extract(text, include_comments=False, include_tables=True, favor_precision=False)
        text = extracted or ""
    t.append(clock())
    text = ftfy.fix_text(text)
    t.append(clock())
    text = _converter.convert(text)
    text = unicodedata.normalize("NFKC", text)
    t.append(clock())
    doc_places = find_places(text.split("\n", 1)[0]) or find_places(text)  # the title's, else the first one
    rows = extract_metrics(text, doc_places[0] if doc_places else "")
    t.append(clock())
    compact = re.sub(r"\s+", "", text)
    shingles = {compact[i : i + SHINGLE] for i in range(max(1, len(compact) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=_template.permutations, scheme=_template.scheme)
    m.update_batch([s.encode("utf-8") for s in shingles])
    t.append(clock())
    stages = [t[i + 1] - t[i] for i in range(len(t) - 1)]
    flags = (is_html, encoding != "utf-8")
    return os.path.basename(path), len(raw), flags, stages, rows, m.hashvalues


STAGES = ["read", "decode", "html_trafilatura", "ftfy", "opencc_t2s", "sentences_quantities_cn2an", "minhash"]


class MemorySampler(threading.Thread):
    """Samples the summed RSS and PSS of this process and its children (the pool's workers) every 0.2 s."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak_rss_kib = 0
        self.peak_pss_kib = 0
        self.stop = threading.Event()

    @staticmethod
    def _tree():
        me = os.getpid()
        pids = [me]
        try:
            with open(f"/proc/{me}/task/{me}/children") as f:
                pids += [int(p) for p in f.read().split()]
        except OSError:
            pass
        return pids

    def sample(self):
        rss = pss = 0
        for pid in self._tree():
            try:
                with open(f"/proc/{pid}/smaps_rollup") as f:
                    for line in f:
                        if line.startswith("Rss:"):
                            rss += int(line.split()[1])
                        elif line.startswith("Pss:"):
                            pss += int(line.split()[1])
            except OSError:
                pass
        self.peak_rss_kib = max(self.peak_rss_kib, rss)
        self.peak_pss_kib = max(self.peak_pss_kib, pss)

    def run(self):
        while not self.stop.wait(0.2):
            self.sample()


def list_corpus(folder):
    paths = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            paths.append(os.path.join(root, name))
    paths.sort()
    return paths


def versions():
    names = ["trafilatura", "ftfy", OPENCC_DIST, "cn2an", "datasketch", "lxml", "numpy", "justext", "htmldate"]
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="folder of reports (.txt, .html; UTF-8 or GBK)")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the per-document part (2)")
    parser.add_argument("--output", default=".bench-python/out", help="folder for metrics.csv and metrics.jsonl")
    parser.add_argument("--stats", help="write the figures as JSON here")
    parser.add_argument("--chunksize", type=int, default=32, help="documents per task sent to a worker (32)")
    args = parser.parse_args()

    global LOAD_AT_START
    LOAD_AT_START = list(os.getloadavg())  # the machine is shared: a busy one slows the run down
    sampler = MemorySampler()
    sampler.start()
    phases = {"startup_imports": _T_IMPORTED - _T0}

    t = time.perf_counter()
    paths = list_corpus(args.corpus)
    phases["list_files"] = time.perf_counter() - t

    t = time.perf_counter()
    results = []
    if args.processes <= 1:  # one process: everything in this one, no pool and no pickling
        _init_worker()
        results = [process(p) for p in paths]
    else:
        pool = multiprocessing.Pool(args.processes, initializer=_init_worker)
        results = list(pool.imap(process, paths, chunksize=args.chunksize))
        pool.close()
        pool.join()  # reaped workers count in RUSAGE_CHILDREN
    phases["per_document_parallel"] = time.perf_counter() - t
    sampler.sample()

    t = time.perf_counter()
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    duplicate_of = {}
    scheme = MinHash(num_perm=1, seed=1).scheme  # the default permutation scheme, as the workers used
    for name, _size, _flags, _stages, _rows, hashvalues in results:
        sketch = LeanMinHash(seed=1, hashvalues=hashvalues, scheme=scheme)
        hits = lsh.query(sketch)
        if hits:
            duplicate_of[name] = min(hits)
        else:
            lsh.insert(name, sketch)
    phases["dedup_minhash_lsh"] = time.perf_counter() - t
    sampler.sample()

    t = time.perf_counter()
    os.makedirs(args.output, exist_ok=True)
    fields = ["document", "place", "indicator", "value", "unit", "quantity", "sentence"]
    row_count = 0
    with open(os.path.join(args.output, "metrics.csv"), "w", newline="", encoding="utf-8") as csv_file, open(
        os.path.join(args.output, "metrics.jsonl"), "w", encoding="utf-8"
    ) as jsonl_file:
        writer = csv.writer(csv_file)
        writer.writerow(fields)
        buffer = io.StringIO()
        for name, _size, _flags, _stages, rows, _hv in results:
            if name in duplicate_of:
                continue
            for place, indicator, value, unit, quantity, sentence in rows:
                value = int(value) if value.is_integer() else value
                writer.writerow([name, place, indicator, value, unit, quantity, sentence])
                record = dict(zip(fields, (name, place, indicator, value, unit, quantity, sentence)))
                buffer.write(json.dumps(record, ensure_ascii=False))
                buffer.write("\n")
                row_count += 1
        jsonl_file.write(buffer.getvalue())
    phases["write_csv_jsonl"] = time.perf_counter() - t

    wall = time.perf_counter() - _T0
    sampler.stop.set()
    sampler.sample()
    total_bytes = sum(r[1] for r in results)
    stage_cpu = {name: 0.0 for name in STAGES}
    for r in results:
        for name, seconds in zip(STAGES, r[3]):
            stage_cpu[name] += seconds
    self_usage = resource.getrusage(resource.RUSAGE_SELF)
    child_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats = {
        "processes": args.processes,
        "load_average_at_start_and_end": [LOAD_AT_START, list(os.getloadavg())],
        "corpus": os.path.abspath(args.corpus),
        "documents": len(results),
        "input_bytes": total_bytes,
        "html_documents": sum(1 for r in results if r[2][0]),
        "gb18030_documents": sum(1 for r in results if r[2][1]),
        "near_duplicates_removed": len(duplicate_of),
        "metric_rows": row_count,
        "wall_seconds": round(wall, 3),
        "mb_per_second": round(total_bytes / 1e6 / wall, 3),
        "documents_per_second": round(len(results) / wall, 1),
        "phases_wall_seconds": {k: round(v, 3) for k, v in phases.items()},
        "per_document_stage_cpu_seconds_summed_over_processes": {k: round(v, 3) for k, v in stage_cpu.items()},
        "cpu_seconds": {
            "main_user": round(self_usage.ru_utime, 2),
            "main_system": round(self_usage.ru_stime, 2),
            "workers_user": round(child_usage.ru_utime, 2),
            "workers_system": round(child_usage.ru_stime, 2),
        },
        "cpu_seconds_total": round(
            self_usage.ru_utime + self_usage.ru_stime + child_usage.ru_utime + child_usage.ru_stime, 2
        ),
        "peak_memory_kib": {
            "main_process_maxrss": self_usage.ru_maxrss,
            "largest_worker_maxrss": child_usage.ru_maxrss,
            "sampled_sum_rss_all_processes": sampler.peak_rss_kib,
            "sampled_sum_pss_all_processes": sampler.peak_pss_kib,
        },
        "settings": {"num_perm": NUM_PERM, "shingle": SHINGLE, "lsh_threshold": LSH_THRESHOLD, "chunksize": args.chunksize},
        "python": platform.python_version(),
        "packages": versions(),
    }
    print(
        f"python baseline, {args.processes} process(es): {len(results)} documents, {total_bytes / 1e6:.1f} MB in "
        f"{wall:.2f} s = {stats['mb_per_second']:.2f} MB/s, {stats['documents_per_second']:.0f} documents/s; "
        f"{row_count} metric rows, {len(duplicate_of)} near-duplicates removed; peak RSS (sum) "
        f"{sampler.peak_rss_kib / 1024:.0f} MiB, PSS {sampler.peak_pss_kib / 1024:.0f} MiB"
    )
    print("  phases (wall s): " + ", ".join(f"{k} {v:.2f}" for k, v in phases.items()))
    print("  per-document stages (CPU s, summed over processes): " + ", ".join(f"{k} {v:.2f}" for k, v in stage_cpu.items()))
    if args.stats:
        os.makedirs(os.path.dirname(os.path.abspath(args.stats)), exist_ok=True)
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
