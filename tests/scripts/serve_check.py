#!/usr/bin/env python3
"""The checks of tests/scripts/serve.sh over a real socket (urllib only).

  serve_check.py PARTNERVAL EXAMPLE_CASE WORKDIR [--load N]

Starts `partnerval serve EXAMPLE_CASE --port 0`, reads the URL from the
first line of standard output, and checks: the API's JSON for a patch is
byte for byte the CLI's JSON for the same case patched (rank, select with
and without why, weights, frontier, sensitivity, robust, compare), the
report download equals the CLI's file, the security headers and errors over
HTTP, and with --load N, N concurrent mixed requests all answered right.
Then SIGTERM: exit 0. Prints PASS/FAIL lines; exits 1 on any failure."""
import concurrent.futures
import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

PV, CASE, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
LOAD = int(sys.argv[sys.argv.index("--load") + 1]) if "--load" in sys.argv else 0
ONLY_LOAD = "--only-load" in sys.argv
WRAP = os.environ.get("PV_SERVE_WRAP", "").split()
NAME = os.path.basename(os.path.dirname(CASE))
failed = 0


def ok(what):
    print(f"PASS serve {NAME}: {what}")


def bad(what, detail=""):
    global failed
    failed = 1
    print(f"FAIL serve {NAME}: {what}{': ' + detail if detail else ''}")


def merge(target, patch):
    if not isinstance(patch, dict):
        return patch
    t = dict(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if v is None:
            t.pop(k, None)
        else:
            t[k] = merge(t.get(k), v)
    return t


def patched_case(patch, tag):
    """The case with its model inlined, data paths absolute, patch applied."""
    d = os.path.dirname(os.path.abspath(CASE))
    with open(CASE, encoding="utf-8") as f:
        c = json.load(f)
    if isinstance(c["model"], str):
        with open(os.path.join(d, c["model"]), encoding="utf-8") as f:
            c["model"] = json.load(f)
    def absolute(v):
        # a table is a path, or {"file": path, "sheet": name} (a workbook)
        if isinstance(v, dict):
            return dict(v, file=os.path.join(d, v["file"]))
        return os.path.join(d, v)

    c["data"] = {k: absolute(v) for k, v in c["data"].items()}
    if isinstance(c.get("followup"), dict) and "outcomes" in c["followup"]:
        c["followup"]["outcomes"] = absolute(c["followup"]["outcomes"])
    c = merge(c, patch)
    p = os.path.join(WORK, f"{NAME}-{tag}.json")
    with open(p, "w", encoding="utf-8") as f:
        json.dump(c, f, ensure_ascii=False)
    return p


def cli(args):
    r = subprocess.run([PV] + args, capture_output=True)
    return r.returncode, r.stdout


with open(CASE, encoding="utf-8") as f:
    case = json.load(f)
res_id = sorted(case["resources"])[0]
model = case["model"]
if isinstance(model, str):
    with open(os.path.join(os.path.dirname(CASE), model), encoding="utf-8") as f:
        model = json.load(f)
crit = sorted(model["criteria"])[0]
limit = case["resources"][res_id]["limit"]
PATCHES = {
    "none": None,
    "weight": {"model": {"criteria": {crit: {"weight": 4}}}},
    "budget": {"resources": {res_id: {"limit": round(limit * 0.8)}}},
}

env = dict(os.environ)
proc = subprocess.Popen(WRAP + [PV, "serve", CASE, "--port", "0", "--scenarios",
                                os.path.join(WORK, NAME + "-scen")],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
url = proc.stdout.readline().decode().strip()
if not url.startswith("http://127.0.0.1:") or "/?token=" not in url:
    bad("first line is the URL", repr(url))
    proc.kill()
    sys.exit(1)
token = url.split("token=", 1)[1]
if len(token) != 32 or any(ch not in "0123456789abcdef" for ch in token):
    bad("token is 32 lowercase hex digits", token)
base = url.split("/?", 1)[0]
ok("URL " + base + "/?token=…")


def call(path, body=None, headers=None, method=None, token_=True):
    h = {"Content-Type": "application/json"} if body is not None else {}
    if token_:
        h["X-Partnerval-Token"] = token
    h.update(headers or {})
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def main_checks():
    # --- the start page and the cookie
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(url, timeout=30)
        bad("GET /?token= redirects")
    except urllib.error.HTTPError as e:
        ck = e.headers.get("Set-Cookie", "")
        if e.code == 303 and e.headers.get("Location") == "/" and "HttpOnly" in ck \
                and "SameSite=Strict" in ck and f"pv_token={token}" in ck:
            ok("GET /?token= is 303 to / with an HttpOnly SameSite=Strict cookie")
        else:
            bad("GET /?token= redirect", f"{e.code} {ck}")
    st, body, hd = call("/", headers={"Cookie": f"pv_token={token}"}, token_=False)
    ok("page with the cookie") if st == 200 and b"<html" in body else bad("page", str(st))
    # --- headers
    want = {"Content-Security-Policy": "default-src 'self'", "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
    st, body, hd = call("/api/rank", {})
    miss = [k for k, v in want.items() if hd.get(k) != v]
    cors = [k for k in hd.keys() if k.lower().startswith("access-control")]
    ok("security headers, no CORS") if not miss and not cors else bad("headers", str(miss + cors))
    # --- the rules over the socket
    checks = [
        ("no token", call("/api/case", token_=False)[0], 403),
        ("wrong Host", call("/api/case", headers={"Host": "evil.example:80"})[0], 421),
        ("text/plain POST", call("/api/rank", b"{}", {"Content-Type": "text/plain"})[0], 415),
        ("foreign Origin", call("/api/rank", {}, {"Origin": "http://evil.example"})[0], 403),
        ("body over 1 MiB", call("/api/rank", b" " * (1 << 20) + b"{}")[0], 413),
        ("unknown path", call("/api/nothing")[0], 404),
        ("GET on a POST route", call("/api/select")[0], 405),
        ("invalid patch", call("/api/rank", {"patch": {"model": {"criteria": {crit: {"weight": "x"}}}}})[0], 400),
    ]
    for what, got, want_st in checks:
        ok(f"{what}: {want_st}") if got == want_st else bad(what, f"{got}, not {want_st}")
    # --- the API equals the CLI for the same patch
    cmds = [
        ("rank", {}, ["rank"]),
        ("select", {"why": False}, ["select", "--no-why"]),
        ("select", {}, ["select"]),
        ("weights", {}, ["weights"]),
        ("frontier", {"resource": res_id, "steps": 6}, ["frontier", "--resource", res_id, "--steps", "6"]),
        ("sensitivity", {}, ["sensitivity"]),
        ("robust", {"samples": 40, "seed": 7}, ["robust", "--samples", "40", "--seed", "7"]),
    ]
    for tag, patch in PATCHES.items():
        path = CASE if patch is None else patched_case(patch, tag)
        for api, opts, args in cmds:
            rc, want_out = cli(args + [path, "--format", "json"])
            body = {"options": opts}
            if patch is not None:
                body["patch"] = patch
            st, got, _ = call("/api/" + api, body)
            if rc == 3 and st == 409:
                got = json.loads(got)["result"]
                same = got == json.loads(want_out)
            else:
                same = st == 200 and rc == 0 and got == want_out
            what = f"{api} {json.dumps(opts)} patch={tag}"
            ok(what + " = CLI") if same else bad(what, f"HTTP {st}, CLI exit {rc}")
    # --- compare: the same scenarios as files for the CLI
    scen = [{"name": tag, "patch": p} for tag, p in PATCHES.items() if p is not None]
    files = []
    for s in scen:
        files.append(os.path.join(WORK, f"{NAME}-scen-{s['name']}.json"))
        with open(files[-1], "w", encoding="utf-8") as f:
            json.dump(s, f)
    rc, want_out = cli(["compare", CASE] + files + ["--format", "json"])
    st, got, _ = call("/api/compare", {"scenarios": scen})
    ok("compare = CLI") if st == 200 and got == want_out else bad("compare", f"HTTP {st}")
    # --- the report download
    for fmt in ("html", "md", "csv"):
        rc, want_out = cli(["select", CASE, "--format", fmt, "--date", "2027-03-01", "--lang", "en"])
        st, got, hd = call(f"/api/report?format={fmt}&lang=en&command=select&date=2027-03-01", {})
        good = st == 200 and got == want_out and "attachment" in hd.get("Content-Disposition", "")
        ok(f"report {fmt} = CLI's file") if good else bad(f"report {fmt}", f"HTTP {st}")
    # --- scenario save
    st, got, _ = call("/api/scenario", {"name": "../Test: budget", "patch": PATCHES["budget"]})
    f = os.path.join(WORK, NAME + "-scen", "test-budget.json")
    if st == 201 and os.path.exists(f):
        rc, _ = cli(["compare", CASE, f, "--format", "json"])
        ok("scenario saved, compare reads it") if rc in (0,) else bad("saved scenario", f"compare exit {rc}")
    else:
        bad("scenario save", f"HTTP {st} {got[:200]!r}")


def load_check():
    if LOAD:
        mix = [("rank", {}), ("select", {"why": False}),
               ("frontier", {"resource": res_id, "steps": 4})]
        expect = {}
        for api, opts in mix:
            expect[api] = call("/api/" + api, {"options": opts})[1]

        def one(i):
            api, opts = mix[i % len(mix)]
            st, got, _ = call("/api/" + api, {"options": opts})
            return st == 200 and got == expect[api]

        with concurrent.futures.ThreadPoolExecutor(max_workers=LOAD) as ex:
            results = list(ex.map(one, range(LOAD)))
        n = sum(results)
        ok(f"{LOAD} concurrent requests, all right") if n == LOAD else bad("load", f"{n}/{LOAD} right")
        # the reports that load libraries on first use (libcrypto for the
        # checksums, libxlsxwriter, libzip): under valgrind, these must leak nothing either
        for fmt in ("xlsx", "html", "csv"):
            st, got, _ = call(f"/api/report?format={fmt}&lang=sv&command=select&date=2027-03-01", {})
            ok(f"report {fmt} under load") if st == 200 and got else bad(f"report {fmt}", f"HTTP {st}")


try:
    if not ONLY_LOAD:
        main_checks()
    load_check()
finally:
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = "timeout"
    err = proc.stderr.read().decode(errors="replace")
    if rc == 0:
        ok("SIGTERM: exit 0" + (" under " + WRAP[0] if WRAP else ""))
    else:
        bad("SIGTERM", f"exit {rc}; {err[-2000:]}")
sys.exit(failed)
