#!/usr/bin/env python3
"""Integration tests of ReportKit's HTTP fetching, run by `make test` against a loopback fault server.

They call the `reportkit` binary exactly as users and CI do (its path in REPORTKIT, default
.build/debug/reportkit) and never reach beyond 127.0.0.1.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REPORTKIT = os.path.abspath(os.environ.get("REPORTKIT", os.path.join(ROOT, ".build/debug/reportkit")))
SOURCES = os.path.join(ROOT, "pipelines/business-environment/sources")
FAST = ["--http-timeout", "2", "--http-retries", "2", "--http-backoff", "0.05", "--http-delay", "0"]


class Server:
    """Starts fault_server.py serving `folder` on a free loopback port."""

    def __init__(self, folder):
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, "fault_server.py"), folder], stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stats(self):
        with urllib.request.urlopen(self.url("/stats")) as response:
            return json.load(response)

    def close(self):
        self.process.kill()
        self.process.wait()


def reportkit(*arguments):
    return subprocess.run([REPORTKIT, *arguments], capture_output=True, text=True)


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


class ManifestTests(unittest.TestCase):
    """A URL manifest builds the same claims as the same files read from disk; rebuilds download nothing."""

    def test_manifest_matches_disk_and_rebuilds_use_304(self):
        server = Server(SOURCES)
        self.addCleanup(server.close)
        work = tempfile.mkdtemp()
        names = sorted(os.listdir(SOURCES))
        manifest = os.path.join(work, "urls.csv")
        with open(manifest, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["url", "publisher"])
            for name in names:
                writer.writerow([server.url(f"/page/{name}"), "测试发布方"])
        cache = os.path.join(work, "cache")
        web = os.path.join(work, "web")
        first = reportkit("run", "--manifest", manifest, "--output", web, "--cache-dir", cache, *FAST)
        self.assertEqual(first.returncode, 0, first.stderr)
        disk = os.path.join(work, "disk")
        self.assertEqual(reportkit("run", SOURCES, "--output", disk).returncode, 0)
        for table in ("metrics.csv", "policies.csv", "initiatives.csv"):
            self.assertEqual(read(os.path.join(web, table)), read(os.path.join(disk, table)), table)
        reports = read(os.path.join(web, "reports.csv")).decode()
        self.assertIn("测试发布方", reports)
        self.assertIn(server.url(f"/page/{names[0]}"), reports)
        self.assertEqual(server.stats()["bodies"], 5)

        second = reportkit("run", "--manifest", manifest, "--output", os.path.join(work, "web2"), "--cache-dir", cache, *FAST)
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertEqual(server.stats()["bodies"], 5, "the second build must be answered with 304 Not Modified")

        offline_folder = os.path.join(work, "web3")
        offline = reportkit("run", "--manifest", manifest, "--output", offline_folder, "--cache-dir", cache, "--offline", *FAST)
        self.assertEqual(offline.returncode, 0, offline.stderr)
        self.assertEqual(read(os.path.join(offline_folder, "metrics.csv")), read(os.path.join(web, "metrics.csv")))

        uncached = reportkit("run", server.url("/page/none.txt"), "--output", os.path.join(work, "web4"), "--cache-dir", cache,
                             "--offline", "--strict", *FAST)
        self.assertNotEqual(uncached.returncode, 0)
        self.assertIn("not in the response cache", uncached.stderr)


class FaultTests(unittest.TestCase):
    """500 then 200, 429 with Retry-After, a timeout, a truncated body, a redirect chain, a 404, GBK by header."""

    def test_faults_end_as_documented(self):
        pages = tempfile.mkdtemp()
        with open(os.path.join(pages, "a.html"), "w", encoding="utf-8") as handle:
            handle.write('<html><head><title>某县营商环境 - 网</title></head><body><div class="content">'
                         "<p>某县新增市场主体1200户，办理时限压缩至3个工作日。</p></div></body></html>")
        server = Server(pages)
        self.addCleanup(server.close)
        output = tempfile.mkdtemp()
        paths = ["/flaky/a.html", "/ratelimited/a.html", "/slow", "/truncated", "/redirect/3/a.html", "/missing", "/gbk/a.html"]
        result = reportkit("run", *[server.url(p) for p in paths], "--output", output, *FAST)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(output, "rejected.jsonl"), encoding="utf-8") as handle:
            rejected = {record["source"]: record for record in map(json.loads, handle)}
        self.assertEqual(len(rejected), 3, rejected)
        self.assertIn("timed out", rejected[server.url("/slow")]["reason"])
        self.assertIn("cut off", rejected[server.url("/truncated")]["reason"])
        self.assertIn("HTTP 404", rejected[server.url("/missing")]["reason"])
        self.assertEqual(rejected[server.url("/missing")]["stage"], "fetch.http")
        stats = server.stats()
        self.assertEqual(stats["hits"]["/missing"], 1, "a 404 is not retried")
        self.assertEqual(stats["hits"]["/flaky/a.html"], 2, "a 500 is retried")
        self.assertEqual(stats["hits"]["/slow"], 3, "a timeout is retried twice")
        times = stats["times"]["/ratelimited/a.html"]
        self.assertEqual(len(times), 2)
        self.assertGreaterEqual(times[1] - times[0], 0.9, "Retry-After: 1 must be honoured")
        # The four pages that arrive are the same text (one GBK, declared only in Content-Type):
        # one report, three duplicates; the redirect chain and final URL are in provenance.
        with open(os.path.join(output, "reports.csv"), encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["region_code"], "")  # 某县 is no real place
        with open(os.path.join(output, "provenance.json"), encoding="utf-8") as handle:
            provenance = json.load(handle)
        inputs = {entry["path"]: entry for entry in provenance["inputs"]}
        redirected = inputs[server.url("/redirect/3/a.html")]
        self.assertEqual(redirected["http"]["final_url"], server.url("/page/a.html"))
        self.assertEqual(len(redirected["http"]["redirects"]), 3)
        self.assertEqual(sorted(entry["outcome"] for entry in provenance["inputs"]).count("duplicate"), 3)
        gbk = inputs[server.url("/gbk/a.html")]
        self.assertIn(gbk["outcome"], ("report", "duplicate"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
