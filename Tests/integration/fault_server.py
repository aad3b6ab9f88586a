#!/usr/bin/env python3
"""A loopback HTTP server for ReportKit's fetch tests: serves report pages in UTF-8 and GBK and injects
faults. Prints its port on the first line of stdout, then serves until killed.

Paths:
  /page/<name>        a file from the folder given as argv[1], as text/html; charset=utf-8, with an ETag
  /gbk/<name>         the same file re-encoded as GBK, charset declared only in the Content-Type header
  /flaky/<name>       500 on the first request, then like /page
  /ratelimited/<name> 429 with Retry-After: 1 on the first request, then like /page
  /slow               waits 5 s before answering (past the client's timeout)
  /truncated          announces 5000 bytes, sends 100 and closes
  /redirect/<n>/<name> redirects n times, then to /page/<name>
  /missing            404
  /stats              JSON: requests per path, and bodies sent (200 responses with a body, /stats excluded)
"""
import hashlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]
LOCK = threading.Lock()
HITS = {}
TIMES = {}
BODIES = [0]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def count(self):
        with LOCK:
            HITS[self.path] = HITS.get(self.path, 0) + 1
            TIMES.setdefault(self.path, []).append(time.time())
            return HITS[self.path]

    def send_body(self, status, body, content_type, extra=None, counted=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)
        if status == 200 and body and counted:
            with LOCK:
                BODIES[0] += 1

    def serve_file(self, name, encoding="utf-8"):
        path = os.path.join(ROOT, os.path.basename(name))
        if not os.path.exists(path):
            return self.send_body(404, b"not found", "text/plain")
        text = open(path, encoding="utf-8").read()
        body = text.encode(encoding)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        charset = "gbk" if encoding == "gbk" else "utf-8"
        self.send_body(200, body, f"text/html; charset={charset}", {"ETag": etag})

    def do_GET(self):
        hit = self.count()
        parts = self.path.strip("/").split("/")
        kind = parts[0]
        if kind == "stats":
            with LOCK:
                body = json.dumps({"hits": HITS, "times": TIMES, "bodies": BODIES[0]}).encode()
            return self.send_body(200, body, "application/json", counted=False)
        if kind == "page":
            return self.serve_file(parts[1])
        if kind == "gbk":
            return self.serve_file(parts[1], "gbk")
        if kind == "flaky":
            if hit == 1:
                return self.send_body(500, b"temporary failure", "text/plain")
            return self.serve_file(parts[1])
        if kind == "ratelimited":
            if hit == 1:
                return self.send_body(429, b"slow down", "text/plain", {"Retry-After": "1"})
            return self.serve_file(parts[1])
        if kind == "slow":
            time.sleep(5)
            return self.send_body(200, b"too late", "text/plain")
        if kind == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b"<html><body><p>" + "截断的正文".encode() * 5)
            self.wfile.flush()
            self.close_connection = True
            return
        if kind == "redirect":
            remaining = int(parts[1])
            target = f"/redirect/{remaining - 1}/{parts[2]}" if remaining > 1 else f"/page/{parts[2]}"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        return self.send_body(404, b"not found", "text/plain")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that time out close their sockets: expected here


def main():
    server = QuietServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
