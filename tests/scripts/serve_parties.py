#!/usr/bin/env python3
"""POST /api/parties over a real socket (urllib only), for tests/scripts/serve_parties.sh.

  serve_parties.py PARTNERVAL CASE WORKDIR

Starts `partnerval serve CASE --port 0` and checks: with weight sets, the
answer is byte for byte `partnerval parties CASE --format json` (exit 0),
and the report download with command=parties is the CLI's file in every
format; without weight sets, 404 "no_weight_sets" with the message in
Swedish or English as asked. Every case: a patch is 400, an unknown option
400, GET 405, no token 403, text/plain 415. SIGTERM: exit 0. Prints
PASS/FAIL lines; exits 1 on any failure."""
import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

PV, CASE, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
NAME = os.path.basename(CASE) if os.path.basename(CASE) != "case.json" \
    else os.path.basename(os.path.dirname(CASE))
failed = 0


def check(good, what, detail=""):
    global failed
    if good:
        print(f"PASS serve-parties {NAME}: {what}")
    else:
        failed = 1
        print(f"FAIL serve-parties {NAME}: {what}{': ' + detail if detail else ''}")


with open(CASE, encoding="utf-8") as f:
    has_sets = "weight_sets" in json.load(f)
proc = subprocess.Popen([PV, "serve", CASE, "--port", "0", "--scenarios",
                         os.path.join(WORK, NAME + "-scen")],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
url = proc.stdout.readline().decode().strip()
token = url.split("token=", 1)[1] if "token=" in url else ""
base = url.split("/?", 1)[0]


def call(path, body=None, headers=None, token_=True):
    h = {"Content-Type": "application/json"} if body is not None else {}
    if token_:
        h["X-Partnerval-Token"] = token
    h.update(headers or {})
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def error_of(body):
    try:
        return json.loads(body)["error"]
    except (ValueError, KeyError, TypeError):
        return {}


try:
    if has_sets:
        cli = subprocess.run([PV, "parties", CASE, "--format", "json"], capture_output=True)
        for body in ({}, {"options": {"lang": "en"}}, {"options": {"lang": "sv"}}):
            st, got, hd = call("/api/parties", body)
            check(st == 200 and cli.returncode == 0 and got == cli.stdout
                  and hd.get("Content-Type", "").startswith("application/json"),
                  f"/api/parties {json.dumps(body)} = partnerval parties --format json",
                  f"HTTP {st}, CLI exit {cli.returncode}")
        for fmt in ("html", "md", "csv", "text", "json"):
            for lang in ("sv", "en"):
                want = subprocess.run([PV, "parties", CASE, "--format", fmt, "--lang", lang,
                                       "--date", "2027-03-01"], capture_output=True).stdout
                st, got, hd = call(f"/api/report?format={fmt}&lang={lang}&command=parties"
                                   "&date=2027-03-01", {})
                check(st == 200 and got == want and "partnerval-parties." in
                      hd.get("Content-Disposition", ""), f"report parties {fmt} {lang} = CLI's file",
                      f"HTTP {st}")
    else:
        for lang, word in (("sv", "inga viktningar"), ("en", "no weight sets")):
            st, got, _ = call("/api/parties", {"options": {"lang": lang}})
            e = error_of(got)
            check(st == 404 and e.get("code") == "no_weight_sets" and word in e.get("message", "")
                  and e.get("path") == "weight_sets", f"no weight sets: 404 in {lang}",
                  f"HTTP {st} {got[:200]!r}")
        st, got, _ = call("/api/report?format=html&command=parties", {})
        check(st == 404 and error_of(got).get("code") == "no_weight_sets",
              "no weight sets: the report download is 404 too", f"HTTP {st}")
    st, got, _ = call("/api/parties", {"patch": {"resources": {}}, "options": {"lang": "en"}})
    e = error_of(got)
    check(st == 400 and e.get("path") == "patch" and "as saved" in e.get("message", ""),
          "a patch: 400 (the sets are patches of the case as saved)", f"HTTP {st}")
    st, got, _ = call("/api/parties", {"options": {"samples": 5}})
    check(st == 400 and error_of(got).get("path") == "options.samples", "an option parties lacks: 400")
    st, _, _ = call("/api/parties", b"{")
    check(st == 400, "invalid JSON: 400", f"HTTP {st}")
    check(call("/api/parties")[0] == 405, "GET: 405")
    check(call("/api/parties", {}, token_=False)[0] == 403, "no token: 403")
    check(call("/api/parties", b"{}", {"Content-Type": "text/plain"})[0] == 415, "text/plain: 415")
    check(call("/api/parties", {}, {"Origin": "http://evil.example"})[0] == 403, "foreign Origin: 403")
finally:
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = "timeout"
    check(rc == 0, "SIGTERM: exit 0", f"exit {rc}; {proc.stderr.read().decode(errors='replace')[-500:]}")
sys.exit(failed)
