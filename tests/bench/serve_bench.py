#!/usr/bin/env python3
"""`make bench`: the latency of a slider move in `partnerval serve` (issue 14).

usage: serve_bench.py PARTNERVAL CASE LABEL [MOVES]

Starts `serve CASE --port 0`, then makes MOVES (default 200) slider moves in
a row, as the page does: each move changes the first criterion's weight and
asks for the new ranking (POST /api/rank) and the new portfolio without why
(POST /api/select {"why": false}); a move's latency is both answers' wall
time. Prints the median, p95 and max in ms."""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

pv, case, label = sys.argv[1], sys.argv[2], sys.argv[3]
moves = int(sys.argv[4]) if len(sys.argv) > 4 else 200
with open(case, encoding="utf-8") as f:
    c = json.load(f)
model = c["model"]
if isinstance(model, str):
    with open(os.path.join(os.path.dirname(case), model), encoding="utf-8") as f:
        model = json.load(f)
crit = next(iter(model["criteria"]))
proc = subprocess.Popen([pv, "serve", case, "--port", "0"], stdout=subprocess.PIPE)
url = proc.stdout.readline().decode().strip()
base, token = url.split("/?token=")


def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json",
                                          "X-Partnerval-Token": token})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


times = []
try:
    for i in range(moves):
        patch = {"model": {"criteria": {crit: {"weight": 0.5 + (i % 40) * 0.25}}}}
        t0 = time.perf_counter()
        s1, _ = post("/api/rank", {"patch": patch})
        s2, _ = post("/api/select", {"patch": patch, "options": {"why": False}})
        times.append((time.perf_counter() - t0) * 1000)
        if s1 != 200 or s2 not in (200, 409):
            print(f"{label}: move {i} failed: HTTP {s1}, {s2}")
            break
finally:
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
times.sort()
p = lambda q: times[min(len(times) - 1, int(round(q * (len(times) - 1))))]
print(f"{label}: slider move (rank + select, why off) over {len(times)} moves: "
      f"median {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms, max {times[-1]:.1f} ms")
