#!/usr/bin/env python3
"""make_corpus.py - writes the seed corpus tests/fuzz/corpus/<target>/ from
the examples, models, reference data and the bad-input suite (tests/bad).

  python3 tests/fuzz/make_corpus.py

Each seed is named by the SHA-1 of its bytes (as libFuzzer names its own).
The harnesses' input formats (see tests/fuzz/fuzz_*.c):
  csv       the bytes of a CSV file;
  case      a mode byte, then a case (mode 0) or a model (1: mini data, 3:
            Lidkoping's data); case paths are relative to a folder holding
            models/, data/, examples/ and mini/;
  scenario  a mode byte: 0 "TARGET\\0PATCH", 1 a scenario file, 2 set lines;
  pipeline  projects.csv for Lidkoping's model.
"""
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")
MAX = 16384


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX:
        return
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def read(p):
    with open(p, "rb") as f:
        return f.read()


def rel(p):
    return os.path.relpath(p, ROOT)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    csvs = sorted(glob.glob(os.path.join(ROOT, "examples", "*", "*.csv"))
                  + glob.glob(os.path.join(ROOT, "data", "*.csv"))
                  + glob.glob(os.path.join(ROOT, "tests", "data", "mini", "*.csv"))
                  + glob.glob(os.path.join(ROOT, "tests", "bad", "*", "*.csv")))
    swed = os.path.join(ROOT, "tests", "tools", "swedify.py")
    for p in csvs:
        if os.path.getsize(p) > MAX:
            continue
        put("csv", read(p))
        if "/examples/" in p or "/mini/" in p:
            tw = subprocess.run([sys.executable, swed, p], capture_output=True)
            if tw.returncode == 0:
                put("csv", tw.stdout)
                if p.endswith("projects.csv"):
                    put("pipeline", tw.stdout)
        if p.endswith("projects.csv"):
            put("pipeline", read(p))

    # case: every example as a case in the fuzz folder, by path and inlined
    models = {os.path.basename(m)[:-5]: m for m in glob.glob(os.path.join(ROOT, "models", "*.json"))}
    for c in sorted(glob.glob(os.path.join(ROOT, "examples", "*", "case.json"))):
        ex = os.path.basename(os.path.dirname(c))
        case = json.loads(read(c))
        mpath = os.path.normpath(os.path.join(os.path.dirname(c), case["model"]))
        case["model"] = rel(mpath)
        for k, v in case["data"].items():
            case["data"][k] = rel(os.path.normpath(os.path.join(os.path.dirname(c), v)))
        put("case", b"\x00" + json.dumps(case, ensure_ascii=False, indent=1).encode())
        case["model"] = json.loads(read(mpath))
        put("case", b"\x00" + json.dumps(case, ensure_ascii=False).encode())
    for name, m in sorted(models.items()):
        put("case", b"\x03" + read(m))
    put("case", b"\x01" + read(os.path.join(ROOT, "tests", "data", "mini", "model.json")))
    put("case", b"\x00" + read(os.path.join(ROOT, "tests", "data", "mini", "case.json"))
        .replace(b'"model.json"', b'"mini/model.json"').replace(b'"projects.csv"', b'"mini/projects.csv"')
        .replace(b'"partners.csv"', b'"mini/partners.csv"').replace(b'"countries.csv"', b'"mini/countries.csv"'))
    for d in sorted(glob.glob(os.path.join(ROOT, "tests", "bad", "*"))):
        for f in ("model.json", "case.json"):
            p = os.path.join(d, f)
            if not os.path.isfile(p) or os.path.getsize(p) > MAX:
                continue
            b = read(p)
            if f == "model.json":
                put("case", b"\x01" + b)
            else:
                for t in (b"projects.csv", b"partners.csv", b"countries.csv", b"model.json"):
                    b = b.replace(b'"' + t + b'"', b'"mini/' + t + b'"')
                put("case", b"\x00" + b)

    # scenario
    for s in sorted(glob.glob(os.path.join(ROOT, "examples", "*", "scenarios", "*.json"))):
        put("scenario", b"\x01" + read(s))
    rfc7386 = [('{"a":"b"}', '{"a":"c"}'), ('{"a":"b"}', '{"b":"c"}'), ('{"a":"b"}', '{"a":null}'),
               ('{"a":"b","b":"c"}', '{"a":null}'), ('{"a":["b"]}', '{"a":"c"}'),
               ('{"a":"c"}', '{"a":["b"]}'), ('{"a":{"b":"c"}}', '{"a":{"b":"d","c":null}}'),
               ('{"a":[{"b":"c"}]}', '{"a":[1]}'), ('["a","b"]', '["c","d"]'), ('{"a":"b"}', '["c"]'),
               ('{"a":"foo"}', 'null'), ('{"a":"foo"}', '"bar"'), ('{"e":null}', '{"a":1}'),
               ('[1,2]', '{"a":"b","c":null}'), ('{}', '{"a":{"bb":{"ccc":null}}}')]
    for t, p in rfc7386:
        put("scenario", b"\x00" + t.encode() + b"\x00" + p.encode())
    put("scenario", b"\x02model.criteria.risk.weight=4\nresources.budget_sek.limit=100000\n")
    put("scenario", b"\x02name=\"x\"\nmodel.rules.purpose=null\n")
    put("scenario", b"\x01" + json.dumps({"name": "weights", "patch": {"model": {"criteria": {
        "benefit": {"weight": 1}, "risk": {"weight": 5}}}}}).encode())
    put("scenario", b"\x01" + json.dumps({"name": "rules", "patch": {"model": {"rules": {
        "sanctions": None, "purpose": {"then": "flag"}}}}}).encode())
    for name in ("csv", "case", "scenario", "pipeline"):
        print(name, len(os.listdir(os.path.join(OUT, name))))


if __name__ == "__main__":
    main()
