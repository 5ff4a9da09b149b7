#!/usr/bin/env python3
"""make_hostile.py - (re)generates the tests/bad/hostile-*/ folders: the
hostile inputs of issue 6 section 5 that make_cases.py does not already cover
(JSON NaN/Infinity literals, huge integers, duplicate keys in the case and in
scenarios, control characters in partner and criterion ids, a scenario that
is a directory or a symlink loop, deep nesting in a scenario, the column and
number limits at their edges, -o onto a scenario file).

  python3 tests/bad/make_hostile.py

Same layout as make_cases.py: tests/bad/_base with one thing broken, the folder
holding only the files that differ (an edit of None: the file is in `absent`);
`cmd`, `exit`, `stderr` (a substring naming the file, and the line for CSV),
`nofile` (the output a failed run must not leave).
"""
import os, shutil
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BASE = os.path.join(ROOT, "tests/bad/_base")
OUT = os.path.join(ROOT, "tests/bad")
base = {f: open(os.path.join(BASE, f), encoding="utf-8").read()
        for f in ["case.json", "model.json", "projects.csv", "partners.csv", "countries.csv"]}
P, Q, C, M, K = "projects.csv", "partners.csv", "countries.csv", "model.json", "case.json"


def sub(text, old, new):
    assert old in text, (old, text[:200])
    return text.replace(old, new, 1)


CASES = []


def case(name, exit, stderr, cmd="$PV rank case.json -o out.txt", **edits):
    CASES.append((name, exit, stderr, cmd, edits))


SCEN = '{"name": "s", "patch": {"resources": {"budget_sek": {"limit": 1}}}}\n'
COMPARE = "$PV compare case.json scen.json -o out.txt"

case("hostile-json-nan-literal", 2, "model.json:6:",
     **{M: lambda t: sub(t, '"benefit": {"label": {"sv": "Nytta", "en": "Benefit"}, "weight": 4',
                         '"benefit": {"label": {"sv": "Nytta", "en": "Benefit"}, "weight": NaN')})
case("hostile-json-infinity-literal", 2, "case.json:7:",
     **{K: lambda t: sub(t, '"limit": 500000', '"limit": Infinity')})
case("hostile-json-negative-infinity", 2, "case.json:7:",
     **{K: lambda t: sub(t, '"limit": 500000', '"limit": -Infinity')})
case("hostile-json-huge-integer", 2, "case.json:7:",
     **{K: lambda t: sub(t, '"limit": 500000', '"limit": ' + "9" * 400)})
case("hostile-json-huge-real", 2, "case.json:7:",
     **{K: lambda t: sub(t, '"limit": 500000', '"limit": 1' + "0" * 400 + ".5")})
case("hostile-json-duplicate-key-case", 2, "data",
     **{K: lambda t: sub(t, '"data": {', '"data": {}, "data": {')})
case("hostile-json-duplicate-key-scenario", 2, "limit", cmd=COMPARE,
     **{"scen.json": lambda t: '{"name": "s", "patch": {"resources": {"budget_sek": '
                               '{"limit": 1, "limit": 2}}}}\n'})
case("hostile-json-control-char-criterion-id", 2, "model.json: criteria.tra?vel:",
     **{M: lambda t: sub(t, '"travel": {', '"tra\\u0001vel": {')})
case("hostile-json-control-char-rule-id", 2, "model.json: rules.pur?pose:",
     **{M: lambda t: sub(t, '"purpose": {"if"', '"pur\\u001bpose": {"if"')})
case("hostile-json-deep-scenario", 2, "scen.json:1:", cmd=COMPARE,
     **{"scen.json": lambda t: '{"name": "s", "patch": ' + "[" * 5000 + "]" * 5000 + "}\n"})
case("hostile-csv-partner-id-control-char", 2, "partners.csv:3:",
     **{Q: lambda t: sub(t, "nairobi,Nairobi", "nai\x01robi,Nairobi")})
case("hostile-csv-country-code-escape", 2, "countries.csv:4:",
     **{C: lambda t: sub(t, "KE,Kenya", "K\x1bE,Kenya")})
case("hostile-csv-10001-columns", 2, "projects.csv:1:",
     **{P: lambda t: ",".join(["id"] + ["c%d" % i for i in range(10000)]) + "\nP1" + ",1" * 10000 + "\n"})
case("hostile-csv-number-400-digits", 2, "projects.csv:2:",
     **{P: lambda t: sub(t, ",120000,200,", "," + "9" * 400 + ",200,")})
case("hostile-csv-infinity-word", 2, "projects.csv:3:",
     **{P: lambda t: sub(t, ",80000,150,", ",Infinity,150,")})
case("hostile-scenario-is-directory", 2, "scen.json: is a directory",
     cmd="mkdir -p scen.json && $PV compare case.json scen.json -o out.txt; rc=$?; rmdir scen.json; exit $rc")
case("hostile-scenario-symlink-loop", 2, "scen.json: cannot open",
     cmd="ln -sf scen.json scen.json && $PV compare case.json scen.json -o out.txt; rc=$?; rm -f scen.json; exit $rc")
case("hostile-model-symlink-loop", 2, "model.json: cannot open",
     cmd="ln -sf model.json model.json && $PV rank case.json -o out.txt; rc=$?; rm -f model.json; exit $rc",
     **{M: None})
case("hostile-output-is-scenario", 1, "refusing to overwrite", cmd="$PV compare case.json scen.json -o scen.json",
     **{"scen.json": lambda t: SCEN})
case("hostile-output-is-case-in-compare", 1, "refusing to overwrite",
     cmd="$PV compare case.json scen.json -o projects.csv", **{"scen.json": lambda t: SCEN})
case("hostile-scenario-too-large", 2, "scen.json: file is",
     cmd="PARTNERVAL_MAX_FILE_BYTES=50000 $PV compare case.json scen.json -o out.txt",
     **{"scen.json": lambda t: SCEN + " " * 60000})
case("hostile-csv-header-escape-in-warning", 0, "column 'note?[31m' is not used",
     cmd="$PV check case.json",
     **{P: lambda t: "\n".join(l + (",note\x1b[31m" if i == 0 else ",x" if l else "")
                               for i, l in enumerate(t.split("\n")))})

# ---- weighting specifications (models/README.md, "Weighting methods")
TOP = '"criteria": {'


def wcase(name, stderr, spec, where="top"):
    if where == "top":
        f = lambda t: sub(t, TOP, '"weighting": ' + spec + ', ' + TOP)
    else:
        f = lambda t: sub(t, '"weight": 4, "children": {', '"weight": 4, "weighting": ' + spec + ', "children": {')
    if where != "top":
        stderr = stderr.replace("model.json: weighting", "model.json: criteria.benefit.weighting")
    case("weighting-" + name, 2, stderr, **{M: f})


wcase("unknown-method", "model.json: weighting", '{"method": "vote"}')
wcase("not-object", "model.json: weighting", '"ahp"')
wcase("rank-missing-id", "model.json: weighting", '{"method": "rank", "order": ["benefit", "democracy", "travel"]}')
wcase("rank-duplicate-id", "model.json: weighting", '{"method": "rank", "order": ["benefit", "benefit", "democracy", "travel", "risk"]}')
wcase("rank-unknown-id", "model.json: weighting", '{"method": "rank", "order": ["benefit", "democracy", "travel", "risk", "cost"]}')
wcase("rank-unknown-formula", "model.json: weighting", '{"method": "rank", "order": ["benefit", "democracy", "travel", "risk"], "formula": "borda"}')
wcase("rank-order-not-array", "model.json: weighting", '{"method": "rank", "order": "benefit"}')
wcase("rank-nested-tie-in-tie", "model.json: weighting", '{"method": "rank", "order": [["benefit", ["democracy"]], "travel", "risk"]}')
wcase("rank-empty-tie", "model.json: weighting", '{"method": "rank", "order": [[], "benefit", "democracy", "travel", "risk"]}')
wcase("swing-negative", "model.json: weighting", '{"method": "swing", "points": {"benefit": 100, "democracy": -5, "travel": 20, "risk": 50}}')
wcase("swing-missing", "model.json: weighting", '{"method": "swing", "points": {"benefit": 100, "democracy": 5}}')
wcase("swing-all-zero", "model.json: weighting", '{"method": "swing", "points": {"benefit": 0, "democracy": 0, "travel": 0, "risk": 0}}')
wcase("swing-not-number", "model.json: weighting", '{"method": "swing", "points": {"benefit": "a lot", "democracy": 5, "travel": 20, "risk": 50}}')
wcase("ahp-not-square", "model.json: weighting", '{"method": "ahp", "order": ["benefit", "democracy", "travel", "risk"], "matrix": [[1, 3], ["1/3", 1]]}')
wcase("ahp-row-length", "model.json: weighting", '{"method": "ahp", "order": ["development", "external_funding"], "matrix": [[1, 3], ["1/3"]]}', where="children")
wcase("ahp-not-reciprocal", "model.json: weighting", '{"method": "ahp", "order": ["development", "external_funding"], "matrix": [[1, 3], [3, 1]]}', where="children")
wcase("ahp-diagonal", "model.json: weighting", '{"method": "ahp", "order": ["development", "external_funding"], "matrix": [[2, 3], ["1/3", 1]]}', where="children")
wcase("ahp-bad-fraction", "model.json: weighting", '{"method": "ahp", "order": ["development", "external_funding"], "matrix": [[1, "3/0"], ["0/3", 1]]}', where="children")
wcase("ahp-text-entry", "model.json: weighting", '{"method": "ahp", "order": ["development", "external_funding"], "matrix": [[1, "three"], ["1/3", 1]]}', where="children")
wcase("ahp-negative", "model.json: weighting", '{"method": "ahp", "order": ["development", "external_funding"], "matrix": [[1, -3], ["-1/3", 1]]}', where="children")
wcase("ahp-unknown-ri", "model.json: weighting", '{"method": "ahp", "order": ["development", "external_funding"], "matrix": [[1, 3], ["1/3", 1]], "ri": "mine"}', where="children")
wcase("ahp-matrix-missing", "model.json: weighting", '{"method": "ahp", "order": ["development", "external_funding"]}', where="children")

for name, exit, stderr, cmd, edits in CASES:
    d = os.path.join(OUT, name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    files = dict(base)
    for f in edits:
        if f not in files:
            files[f] = ""
    absent = []
    for f, text in files.items():
        if f not in edits:
            continue
        if edits[f] is None:
            absent.append(f)
            continue
        text = edits[f](text)
        if text != base.get(f):
            with open(os.path.join(d, f), "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
    if absent:
        with open(os.path.join(d, "absent"), "w") as fh:
            fh.write("".join(f + "\n" for f in absent))
    for name_, text in (("cmd", cmd + "\n"), ("exit", "%d\n" % exit), ("stderr", stderr)):
        with open(os.path.join(d, name_), "w") as fh:
            fh.write(text)
    if "-o out.txt" in cmd:
        with open(os.path.join(d, "nofile"), "w") as fh:
            fh.write("out.txt")
print(len(CASES), "cases")
