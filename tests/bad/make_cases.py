#!/usr/bin/env python3
"""make_cases.py - (re)generates the tests/bad/<case>/ folders.

  python3 tests/bad/make_cases.py [CASE...]

Every case is tests/bad/_base (a copy of tests/data/mini) with one thing
broken, and its folder holds only the files that differ from the base (tests/run.sh
lays them over a copy of the base at run time; an edit of None lists the base
file in `absent` instead); `cmd` runs the tool
($PV), `exit` is the expected code (2 invalid input, 1 usage), `stderr` a
distinctive substring naming the file (and the line, for CSV), and `nofile`
the output file that a failed run must not leave.  Large or binary inputs
(100,000 columns, 1,000,001 rows, Latin-1, NUL) are made by `cmd` at run time
and removed again.  Only the named cases (default: all) are rewritten.
"""
import os, re, shutil, sys
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BASE = os.path.join(ROOT, "tests/bad/_base")
OUT = os.path.join(ROOT, "tests/bad")
base = {f: open(os.path.join(BASE, f), encoding="utf-8").read()
        for f in ["case.json", "model.json", "projects.csv", "partners.csv", "countries.csv"]}

def sub(text, old, new, count=1):
    assert old in text, (old, text[:200])
    return text.replace(old, new, count)

def line_edit(text, lineno, fn):
    lines = text.split("\n")
    lines[lineno - 1] = fn(lines[lineno - 1])
    return "\n".join(lines)

CASES = []
def case(name, exit, stderr, cmd="$PV rank case.json -o out.txt", nofile=True, **edits):
    CASES.append((name, exit, stderr, cmd, nofile, edits))

P, Q, C, M, K = "projects.csv", "partners.csv", "countries.csv", "model.json", "case.json"

# ---- malformed CSV
case("csv-unterminated-quote", 2, "projects.csv:9:",
     **{P: lambda t: t + 'P8,"Öppet citat,riga,Syfte,1000,10,0.5,3,low,no\n'})
case("csv-quote-in-unquoted-field", 2, "projects.csv:4:",
     **{P: lambda t: sub(t, "P3,Handel Minsk", 'P3,Handel "Minsk"')})
case("csv-text-after-closing-quote", 2, "partners.csv:3:",
     **{Q: lambda t: sub(t, "nairobi,Nairobi", 'nairobi,"Nairobi"x')})
case("csv-ragged-row-short", 2, "projects.csv:3:",
     **{P: lambda t: sub(t, "P2,Demokrati Nairobi,nairobi,", "P2,Demokrati Nairobi,")})
case("csv-ragged-row-long", 2, "countries.csv:4:",
     **{C: lambda t: sub(t, "KE,Kenya,5.05,no", "KE,Kenya,5.05,no,extra")})
# a subnormal amount made GLPK's scaling fail (exit 4): now a cell error
case("csv-subnormal-amount", 2, "projects.csv:3:5: column 'cost_sek': '1e-310' is too close to 0",
     **{P: lambda t: sub(t, "Lokal demokrati,80000,", "Lokal demokrati,1e-310,")})
# rows as Excel numbers them: the line break inside P1's quoted name starts no row
case("csv-quoted-newline-then-ragged", 2, "projects.csv:4:9: row has 9 fields",
     **{P: lambda t: sub(sub(t, 'P1,"Skolutbyte, Riga"', 'P1,"Skolutbyte,\nRiga"'),
                         "P3,Handel Minsk,minsk,", "P3,Handel Minsk,")})
# a misspelt header no longer hides a constraint's mistake until the next run
case("all-errors-header-and-constraint", 2, "case.json: constraints[0].min: must be a number",
     **{P: lambda t: sub(t, "benefit_development,", "benefit_developmnt,"),
        K: lambda t: sub(t, '\n  }\n}', '\n  },\n  "constraints": [{"id": "two", "type": "count", "column": "risk_level", "value": "low", "min": "x"}]\n}')})
# ... but not after a broken resource, which a share constraint names (it crashed)
case("all-errors-bad-resource-and-share", 2, "case.json: resources.budget_sek: must be an object",
     **{K: lambda t: sub(sub(t, '"budget_sek":  {"column": "cost_sek", "partner_column": "annual_cost_sek", "limit": 500000}', '"budget_sek": 5'),
                         '\n  }\n}', '\n  },\n  "constraints": [{"id": "s", "type": "share", "resource": "budget_sek", "column": "risk_level", "value": "low", "max": 0.5}]\n}')})
case("csv-header-duplicate-column", 2, "projects.csv:1:",
     **{P: lambda t: sub(t, "risk_level,democracy_component", "risk_level,risk_level")})
case("csv-header-empty-column-name", 2, "countries.csv:1:",
     **{C: lambda t: sub(t, "code,country,", "code,,")})
# Excel's trailing ",,," columns are dropped only while they stay empty
case("csv-value-in-unnamed-trailing-column", 2, "projects.csv:3:12: a value in column 12, which has no name",
     **{P: lambda t: "\n".join(l + (",,x" if l.startswith("P2,") else ",,") if l else l
                               for l in t.split("\n"))})
case("csv-missing-id-column", 2, "projects.csv:1:",
     **{P: lambda t: sub(t, "id,name,", "ident,name,")})
case("csv-partners-missing-id-column", 2, "partners.csv:1:",
     **{Q: lambda t: sub(t, "id,name,", "key,name,")})
case("csv-empty-id", 2, "projects.csv:5:",
     **{P: lambda t: sub(t, "P4,Nordiskt", ",Nordiskt")})
case("csv-empty-file", 2, "projects.csv", **{P: lambda t: ""})
case("csv-header-only-projects", 2, "projects.csv", **{P: lambda t: t.split("\n")[0] + "\n"})
case("csv-non-utf8", 2, "latin1.csv:4:8:",
     cmd="printf 'id,name,partners,purpose,cost_sek,staff_hours,external_share,benefit_development,risk_level,democracy_component\\n"
         "P1,A,riga,Utbyte,1,1,0.5,4,low,no\\nP2,B,riga,Utbyte,1,1,0.5,4,low,no\\nP3,Malm\\366,riga,Utbyte,1,1,0.5,4,low,no\\n' > latin1.csv\n"
         "$PV rank case.json -o out.txt; rc=$?; rm -f latin1.csv; exit $rc",
     **{K: lambda t: sub(t, '"projects": "projects.csv"', '"projects": "latin1.csv"')})
case("csv-nul-byte", 2, "nul.csv:2:7:",
     cmd="printf 'code,country,eiu_democracy_index,eu_sanctions_regime\\nSE,Swe\\000den,9.35,no\\n' > nul.csv\n"
         "$PV rank case.json -o out.txt; rc=$?; rm -f nul.csv; exit $rc",
     **{K: lambda t: sub(t, '"countries": "countries.csv"', '"countries": "nul.csv"')})
case("csv-100000-columns", 2, "wide.csv:1:",
     cmd="python3 -c \"import sys; sys.stdout.write(','.join('c%d' % i for i in range(100000)) + '\\n' + ','.join('1' for i in range(100000)) + '\\n')\" > wide.csv\n"
         "$PV rank case.json -o out.txt; rc=$?; rm -f wide.csv; exit $rc",
     **{K: lambda t: sub(t, '"countries": "countries.csv"', '"countries": "wide.csv"')})
case("csv-100000-columns-data-row", 2, "wide.csv:2:",
     cmd="python3 -c \"import sys; sys.stdout.write('code,name\\nSE,' + ','.join('x' for i in range(100000)) + '\\n')\" > wide.csv\n"
         "$PV rank case.json -o out.txt; rc=$?; rm -f wide.csv; exit $rc",
     **{K: lambda t: sub(t, '"countries": "countries.csv"', '"countries": "wide.csv"')})
case("csv-id-control-character", 2, "projects.csv:4:",
     **{P: lambda t: sub(t, "P3,Handel", '"P\x073",Handel')})
case("csv-duplicate-project-id", 2, "projects.csv:5:",
     **{P: lambda t: sub(t, "P4,Nordiskt", "P2,Nordiskt")})
case("csv-duplicate-partner-id", 2, "partners.csv:6:",
     **{Q: lambda t: sub(t, "v6,Västra", "riga,Västra")})
case("csv-duplicate-country-code", 2, "countries.csv:5:",
     **{C: lambda t: sub(t, "BY,Belarus", "LV,Belarus")})
# ---- numbers
case("num-nan", 2, "projects.csv:3:",
     **{P: lambda t: sub(t, "150,0.9,3,medium", "150,nan,3,medium")})
case("num-inf", 2, "projects.csv:4:",
     **{P: lambda t: sub(t, "100,0.2,2,high", "100,0.2,inf,high")})
case("num-negative-infinity", 2, "countries.csv:3:",
     **{C: lambda t: sub(t, "LV,Latvia,7.73", "LV,Latvia,-Infinity")})
case("num-decimal-comma-in-comma-file", 2, "projects.csv:2:",
     **{P: lambda t: sub(t, "200,0.5,4,low", '200,"0,5",4,low')})
case("num-trailing-garbage", 2, "projects.csv:6:",
     **{P: lambda t: sub(t, "50,0,3,low", "50,0,12abc,low")})
case("num-overflow", 2, "projects.csv:7:",
     **{P: lambda t: sub(t, "80,0.8,1,medium", "80,0.8,1e999,medium")})
case("num-hex-not-a-number", 2, "countries.csv:2:",
     **{C: lambda t: sub(t, "SE,Sweden,9.35", "SE,Sweden,0x9")})
case("num-swedish-thousands-bad-group", 2, "projects.csv:3:",
     **{P: lambda t: swedish_projects(t, {("P2", "cost_sek"): "1 23,5"})})
case("num-swedish-thousands-in-comma-file", 2, "projects.csv:2:",
     **{P: lambda t: sub(t, "Utbyte,120000,", 'Utbyte,"120 000",')})
case("num-swedish-mixed-separators", 2, "projects.csv:4:",
     **{P: lambda t: swedish_projects(t, {("P3", "cost_sek"): "50.000,5"})})
case("num-rule-compares-text", 2, "projects.csv:2:",
     **{M: lambda t: sub(t, '{"field": "purpose", "op": "missing"}', '{"field": "risk_level", "op": "<", "value": 3}')})
case("num-partner-lat-out-of-range", 2, "partners.csv:4:",
     **{Q: lambda t: sub(t, "minsk,Minsk,BY,53.9,", "minsk,Minsk,BY,95.1,")})
case("resource-negative", 2, "projects.csv:4:",
     **{P: lambda t: sub(t, "Handel,50000,", "Handel,-50000,")})
case("resource-negative-partner", 2, "partners.csv:2:",
     **{Q: lambda t: sub(t, "yes,10000,20", "yes,-10000,20")})
case("resource-not-a-number", 2, "projects.csv:8:",
     **{P: lambda t: sub(t, "Vatten,70000,90", "Vatten,70000,ninety")})
# ---- references
case("ref-unknown-partner", 2, "projects.csv:3:",
     **{P: lambda t: sub(t, "Nairobi,nairobi,", "Nairobi,nairobi|atlantis,")})
case("ref-partner-unknown-country", 2, "partners.csv:3:",
     **{Q: lambda t: sub(t, "Nairobi,KE,", "Nairobi,KX,")})
case("ref-partners-without-partners-file", 2, "projects.csv:2:",
     **{K: lambda t: sub(t, ', "partners": "partners.csv", "countries": "countries.csv"', ""),
        M: lambda t: strip_partner_refs(t)})
case("ref-column-not-in-csv", 2, "model.json: criteria.benefit.children.development.column",
     **{M: lambda t: sub(t, '"column": "benefit_development"', '"column": "benefit_dev"')})
case("ref-country-column-not-in-csv", 2, "no column 'freedom_index'",
     **{M: lambda t: sub(t, '"column": "country.eiu_democracy_index"', '"column": "country.freedom_index"')})
case("ref-rule-field-not-in-csv", 2, "model.json: rules.purpose.if",
     **{M: lambda t: sub(t, '{"field": "purpose", "op": "missing"}', '{"field": "purpose_text", "op": "missing"}')})
case("ref-distance-without-home", 2, "partner.distance_km needs",
     **{K: lambda t: sub(t, '"home": {"lat": 58.50517, "lon": 13.15765},', "")})
case("ref-resource-column-missing", 2, "case.json: resources.budget_sek.column",
     **{K: lambda t: sub(t, '"column": "cost_sek"', '"column": "budget_sek"')})
case("ref-resource-partner-column-missing", 2, "case.json: resources.staff_hours.partner_column",
     **{K: lambda t: sub(t, '"partner_column": "staff_hours"', '"partner_column": "hours"')})
case("file-missing", 2, "nope.csv: cannot open",
     **{K: lambda t: sub(t, '"partners": "partners.csv"', '"partners": "nope.csv"')})
case("file-model-missing", 2, "no-model.json: cannot open",
     **{K: lambda t: sub(t, '"model": "model.json"', '"model": "no-model.json"')})
case("file-case-missing", 2, "absent.json: cannot open", cmd="$PV rank absent.json -o out.txt")
case("file-case-is-directory", 2, "is a directory", cmd="$PV rank . -o out.txt")
case("file-csv-is-directory", 2, "sub: is a directory",
     cmd="mkdir -p sub && $PV rank case.json -o out.txt; rc=$?; rmdir sub; exit $rc",
     **{K: lambda t: sub(t, '"countries": "countries.csv"', '"countries": "sub"')})
case("file-empty-case", 2, "case.json", **{K: lambda t: ""})
# ---- JSON syntax and types
case("json-syntax-error-model", 2, "model.json:11:89:",
     **{M: lambda t: sub(t, '"aggregate": "max", "missing": 1,', '"aggregate": "max" "missing": 1,')})
case("json-syntax-error-case", 2, "case.json:5:",
     **{K: lambda t: sub(t, '"countries": "countries.csv"},', '"countries": "countries.csv",},')})
case("json-duplicate-key", 2, "weight",
     **{M: lambda t: sub(t, '"travel": {"weight": 1,', '"travel": {"weight": 1, "weight": 3,')})
case("json-duplicate-criterion", 2, "model.json:",
     **{M: lambda t: sub(t, '"risk": {"weight": 2,', '"travel": {"weight": 2,')})
case("json-number-overflow", 2, "model.json:9:",
     **{M: lambda t: sub(t, '"democracy": {"weight": 2,', '"democracy": {"weight": 2e999,')})
case("json-weight-string", 2, "model.json: criteria.benefit.weight: must be a number",
     **{M: lambda t: sub(t, '"weight": 4,', '"weight": "4",')})
case("json-criteria-array", 2, "model.json: criteria: must be a non-empty object",
     **{M: lambda t: re.sub(r'"criteria": \{.*?\n  \},\n  "rules"', '"criteria": [],\n  "rules"', t, flags=re.S)})
case("json-criterion-not-object", 2, "model.json: criteria.travel: must be an object",
     **{M: lambda t: sub(t, '"travel": {"weight": 1,', '"travel": 1, "travel2": {"weight": 1,')})
case("json-model-wrong-type", 2, "case.json: model: must be a path",
     **{K: lambda t: sub(t, '"model": "model.json"', '"model": 42')})
case("json-data-wrong-type", 2, "case.json: data: must be an object",
     **{K: lambda t: re.sub(r'"data": \{[^}]*\}', '"data": "projects.csv"', t)})
case("json-case-not-object", 2, "case.json", **{K: lambda t: '["model.json"]\n'})
case("json-leaf-without-value", 2, "criteria.risk.value: is required",
     **{M: lambda t: sub(t, ', "value": {"type": "categorical", "map": {"low": 1, "medium": 0.5, "high": 0}}', "")})
case("json-parent-and-column", 2, "criteria.benefit: has both children and column",
     **{M: lambda t: sub(t, '"weight": 4, "children"', '"weight": 4, "column": "risk_level", "children"')})
case("json-missing-out-of-range", 2, "criteria.travel.missing",
     **{M: lambda t: sub(t, '"missing": 1,', '"missing": 1.5,')})
case("json-rule-then-unknown", 2, "rules.purpose.then",
     **{M: lambda t: sub(t, '"then": "exclude", "because": "no purpose"', '"then": "delete", "because": "no purpose"')})
case("json-rule-because-empty-en", 2, "rules.purpose.because: must give the reason",
     **{M: lambda t: sub(t, '"because": "no purpose"', '"because": {"sv": "inget syfte", "en": "  "}')})
case("json-rule-because-number", 2, "rules.purpose.because: must be a string or {",
     **{M: lambda t: sub(t, '"because": "no purpose"', '"because": 7')})
# a misspelt or unknown language in a reason was ignored (English then fell back to Swedish)
case("json-rule-because-unknown-language", 2, "unknown key 'enn' in rules.purpose.because; did you mean 'en'?",
     **{M: lambda t: sub(t, '"because": "no purpose"', '"because": {"sv": "inget syfte", "enn": "no purpose"}')})
# "name", "label" and "labels" are synonyms: two of them would leave one unread
case("json-criterion-name-and-label", 2, "criteria.benefit: has both \"name\" and \"label\", which both give its display name: keep one",
     **{M: lambda t: sub(t, '"label": ', '"name": "Nytta", "label": ')})
# keys another variant reads were accepted and ignored (a max_partners "min" bound nothing)
case("json-constraint-key-of-other-type", 2, "constraints[0].min: type max_partners does not use min (it takes max, column and value)",
     **{K: lambda t: sub(t, '\n  }\n}', '\n  },\n  "constraints": [{"type": "max_partners", "min": 2, "max": 3}]\n}')})
case("json-cond-op-with-all", 2, "rules.democracy_reflection.if.op: a condition with all, any or not does not use op (it takes all)",
     **{M: lambda t: sub(t, '"if": {"all": [', '"if": {"op": "<", "all": [')})
case("json-valuefn-key-of-other-type", 2, "criteria.democracy.value.points: a linear value function does not use points (it takes worst and best)",
     **{M: lambda t: sub(t, '"value": {"type": "linear", "worst": 2, "best": 9}', '"value": {"type": "linear", "worst": 2, "best": 9, "points": [[2, 0], [9, 1]]}')})
case("json-weighting-key-of-other-method", 2, "weighting.order: direct weighting does not use order (it takes method)",
     **{M: lambda t: sub(t, '"language": "en",', '"language": "en",\n  "weighting": {"method": "direct", "order": ["benefit", "democracy", "travel", "risk"]},')})
case("json-parent-criterion-leaf-key", 2, "criteria.benefit.aggregate: a criterion with children does not use aggregate (it takes children, weighting, weight, weight_range, min, label and source)",
     **{M: lambda t: sub(t, '"weight": 4, "children": {', '"weight": 4, "aggregate": "max", "children": {')})
# a null aimed at a misspelt key deleted nothing, without a word
case("set-null-misspelt-rule", 2, "--set model.rules.purpse=null: null deletes 'purpse', which is not there; did you mean 'purpose'?",
     cmd="$PV compare case.json --set model.rules.purpse=null -o out.txt")
# a scenario's "name" in its patch was ignored (the case's name is read first)
case("set-case-name", 2, "--set name=Renamed: --set does not rename the case",
     cmd="$PV compare case.json --set name=Renamed -o out.txt")
# robust --weights intervals drew a weight_range under rank weighting in raw units against the derived weights
case("json-weight-range-under-rank", 2, "criteria.democracy.weight_range: the \"intervals\" weight distribution needs direct weights on its level, where rank weighting derives them",
     cmd="$PV robust case.json --samples 5 --weights intervals -o out.txt",
     **{M: lambda t: sub(sub(t, '"language": "en",', '"language": "en",\n  "weighting": {"method": "rank", "order": ["benefit", "democracy", "travel", "risk"]},'),
                         '"democracy": {"weight": 2,', '"democracy": {"weight_range": [1, 3],')})
# a model's "labels" was accepted and ignored: the names of codes are the case's
case("json-model-labels", 2, "unknown key 'labels' at the top level: the names of data codes belong in the case file",
     **{M: lambda t: sub(t, '{', '{\n  "labels": {"department": {"culture": "Kultur"}},')})
case("json-rule-in-not-array", 2, "rules.sanctions.if.value",
     **{M: lambda t: sub(t, '"op": "==", "value": "yes"}', '"op": "in", "value": "yes"}')})
case("json-rule-two-kinds", 2, "rules.purpose.if: must have exactly one of",
     **{M: lambda t: sub(t, '{"field": "purpose", "op": "missing"}', '{"field": "purpose", "op": "missing", "not": {"field": "purpose", "op": "present"}}')})
case("json-home-out-of-range", 2, "case.json: home",
     **{K: lambda t: sub(t, '"lat": 58.50517', '"lat": 158.5')})
case("json-limit-string", 2, "resources.budget_sek.limit: must be a number",
     **{K: lambda t: sub(t, '"limit": 500000', '"limit": "500000"')})
# a limit typed as Swedish text: the error says what to write instead
case("json-limit-swedish-text", 2, "must be a number, not a string: write 500000.5 (no quotes",
     **{K: lambda t: sub(t, '"limit": 500000', '"limit": "500\u00a0000,5"')})
case("json-deep-nesting", 2, "deep.json:1:",
     cmd="python3 -c \"print('{\\\"name\\\": \\\"x\\\", \\\"criteria\\\": ' + '[' * 5000 + ']' * 5000 + '}')\" > deep.json\n"
         "$PV rank case.json -o out.txt; rc=$?; rm -f deep.json; exit $rc",
     **{K: lambda t: sub(t, '"model": "model.json"', '"model": "deep.json"')})
# ---- model semantics
case("model-unknown-op", 2, "rules.sanctions.if.op: unknown operator '=~'",
     **{M: lambda t: sub(t, '"op": "==", "value": "yes"}', '"op": "=~", "value": "yes"}')})
case("model-unknown-value-type", 2, "criteria.risk.value.type: unknown value function 'sigmoid'",
     **{M: lambda t: sub(t, '"type": "categorical"', '"type": "sigmoid"')})
case("model-unknown-aggregate", 2, "criteria.travel.aggregate: must be min, max or mean",
     **{M: lambda t: sub(t, '"aggregate": "max"', '"aggregate": "median"')})
case("model-negative-weight", 2, "criteria.travel.weight: must be >= 0",
     **{M: lambda t: sub(t, '"travel": {"weight": 1,', '"travel": {"weight": -1,')})
case("model-weights-all-zero", 2, "criteria.benefit.children: the weights at this level sum to 0",
     **{M: lambda t: sub(sub(t, '"development": {"weight": 2,', '"development": {"weight": 0,'),
                         '"external_funding": {"weight": 1,', '"external_funding": {"weight": 0,')})
case("model-best-equals-worst", 2, "criteria.benefit.children.development.value: best and worst are equal",
     **{M: lambda t: sub(t, '"worst": 1, "best": 5', '"worst": 5, "best": 5')})
case("model-linear-without-best", 2, "criteria.democracy.value.best: is required",
     **{M: lambda t: sub(t, '"worst": 2, "best": 9', '"worst": 2')})
case("model-piecewise-unsorted", 2, "criteria.benefit.children.external_funding.value.points[2]: points must be in strictly ascending x",
     **{M: lambda t: sub(t, '[[0,0],[0.5,0.8],[0.8,1]]', '[[0,0],[0.5,0.8],[0.4,1]]')})
case("model-piecewise-value-above-1", 2, "external_funding.value.points[1]: value 1.2 is outside [0, 1]",
     **{M: lambda t: sub(t, '[[0,0],[0.5,0.8],[0.8,1]]', '[[0,0],[0.5,1.2],[0.8,1]]')})
case("model-piecewise-one-point", 2, "external_funding.value.points: must be an array of at least two",
     **{M: lambda t: sub(t, '[[0,0],[0.5,0.8],[0.8,1]]', '[[0,0]]')})
case("model-categorical-value-out-of-range", 2, "criteria.risk.value.map.low: must be a number in [0, 1]",
     **{M: lambda t: sub(t, '"low": 1,', '"low": 10,')})
case("model-categorical-unknown-category", 2, "projects.csv:6:",
     **{P: lambda t: sub(t, "50,0,3,low", "50,0,3,extreme")})
case("model-empty-required-cell", 2, "projects.csv:4:",
     **{P: lambda t: sub(t, "100,0.2,2,high", "100,,2,high")})
case("model-empty-required-partner-cell", 2, "partners.csv:2:",
     **{M: lambda t: sub(t, '"column": "partner.distance_km", "aggregate": "max", "missing": 1,', '"column": "partner.staff_hours", "aggregate": "max",'),
        Q: lambda t: sub(t, "yes,10000,20", "yes,10000,")})
case("model-criterion-id-with-dot", 2, "criteria.a.b",
     **{M: lambda t: sub(t, '"risk": {"weight": 2,', '"a.b": {"weight": 2,')})
case("model-check-empty-cell", 2, "projects.csv:2:", cmd="$PV check case.json",
     nofile=False, **{P: lambda t: sub(t, "200,0.5,4,low", "200,0.5,,low")})
case("model-check-unknown-op", 2, "unknown operator", cmd="$PV check case.json", nofile=False,
     **{M: lambda t: sub(t, '"op": "missing"', '"op": "absent"')})
# ---- usage
case("usage-output-is-input", 1, "refusing to overwrite",
     cmd="h=$(cksum < projects.csv); $PV rank case.json --format csv -o projects.csv; rc=$?\n"
         "[ \"$h\" = \"$(cksum < projects.csv)\" ] || { echo 'input changed' >&2; exit 99; }\n"
         "ls projects.csv.tmp.* >/dev/null 2>&1 && { echo 'temp file left' >&2; exit 98; }\nexit $rc",
     nofile=False)
case("usage-output-is-model", 1, "refusing to overwrite",
     cmd="h=$(cksum < model.json); $PV rank case.json --format json --output ./model.json; rc=$?\n"
         "[ \"$h\" = \"$(cksum < model.json)\" ] || { echo 'input changed' >&2; exit 99; }\nexit $rc",
     nofile=False)
case("usage-unknown-option", 1, "unknown option '--bogus'", cmd="$PV rank --bogus case.json -o out.txt")
case("usage-unknown-format", 1, "unknown format 'xml'", cmd="$PV rank case.json --format xml -o out.txt")
case("usage-unknown-lang", 1, "unknown language 'fi'", cmd="$PV rank case.json --lang fi -o out.txt")
case("usage-missing-case", 1, "no case file given", cmd="$PV rank --format json -o out.txt")
case("usage-too-many-arguments", 1, "too many arguments", cmd="$PV rank case.json case.json -o out.txt")
case("usage-option-needs-value", 1, "needs a value", cmd="$PV rank case.json --format")
case("usage-unknown-command", 1, "unknown command 'rnak'", cmd="$PV rnak case.json", nofile=False)
case("usage-check-missing-case", 1, "no case file given", cmd="$PV check", nofile=False)

# ---- hostile inputs (issue 6)
case("file-symlink-loop", 2, "loop.json: cannot open",
     cmd="ln -sf loop.json loop.json && $PV rank loop.json -o out.txt; rc=$?; rm -f loop.json; exit $rc")
case("file-too-large", 2, "case.json: file is 407 bytes",
     cmd="PARTNERVAL_MAX_FILE_BYTES=300 $PV rank case.json -o out.txt")
for name, v in (("abc", "abc"), ("zero", "0"), ("minus", "-1"), ("huge", "99999999999999999999999")):
    case("file-limit-env-" + name, 1, "PARTNERVAL_MAX_FILE_BYTES is '%s': give a whole number" % v,
         cmd="PARTNERVAL_MAX_FILE_BYTES=%s $PV rank case.json -o out.txt" % v)
case("file-device", 2, "/dev/zero: not a regular file",
     **{K: lambda t: sub(t, '"countries": "countries.csv"', '"countries": "/dev/zero"')})
case("file-model-is-case", 2, "case.json: criteria: is required",
     **{K: lambda t: sub(t, '"model": "model.json"', '"model": "case.json"')})
case("csv-line-too-long", 2, "long.csv:3:",
     cmd="python3 -c \"import sys; sys.stdout.write('code,name\\nSE,Sweden\\nLV,' + 'x' * 2000000 + '\\n')\" > long.csv\n"
         "$PV rank case.json -o out.txt; rc=$?; rm -f long.csv; exit $rc",
     **{K: lambda t: sub(t, '"countries": "countries.csv"', '"countries": "long.csv"')})
case("csv-too-many-rows", 2, "many.csv:1000002:",
     cmd="python3 -c \"import sys; sys.stdout.write('code,x\\n' + ''.join('c%d,1\\n' % i for i in range(1000001)))\" > many.csv\n"
         "$PV rank case.json -o out.txt; rc=$?; rm -f many.csv; exit $rc",
     **{K: lambda t: sub(t, '"countries": "countries.csv"', '"countries": "many.csv"')})
case("csv-id-too-long", 2, "partners.csv:4:",
     **{Q: lambda t: sub(t, "minsk,Minsk", "m" * 300 + ",Minsk")})
case("csv-unknown-partner-swedish-list", 2, "projects.csv:5:",
     **{P: lambda t: swedish_projects(t, {("P4", "partners"): "klaksvik;ringo"})})
case("json-case-not-utf8", 2, "case.json:2:",
     cmd="printf '{\\n\"name\": \"Malm\\366\",\\n\"model\": \"model.json\"}\\n' > case.json; $PV rank case.json -o out.txt; rc=$?; rm -f case.json; exit $rc",
     **{})
case("json-nul-escape", 2, "model.json:2:",
     **{M: lambda t: sub(t, '"name": "Mini model",', '"name": "Mini\\u0000model",')})
case("json-rule-nesting-too-deep", 2, "nested deeper than 64",
     **{M: lambda t: sub(t, '{"field": "purpose", "op": "missing"}', '{"not": ' * 70 + '{"field": "purpose", "op": "missing"}' + '}' * 70)})
case("json-inline-model-error", 2, "case.json: model.criteria.a.value.worst",
     **{K: lambda t: sub(t, '"model": "model.json"', '"model": {"name": "m", "criteria": {"a": {"weight": 1, "column": "cost_sek", "value": {"type": "linear", "worst": "0", "best": 1}}}}')})
case("usage-output-dir-missing", 1, "no-such-dir/out.txt", cmd="$PV rank case.json -o no-such-dir/out.txt", nofile=False)
case("usage-output-is-directory", 1, "is a directory", cmd="mkdir -p outdir && $PV rank case.json -o outdir; rc=$?; rmdir outdir; exit $rc", nofile=False)
case("csv-cr-line-ends-ragged", 2, "projects.csv:4:",
     **{P: lambda t: sub(t, "P3,Handel Minsk,minsk,", "P3,Handel Minsk,").replace("\n", "\r")})
case("model-weights-overflow", 2, "criteria: the weights at this level are too large",
     **{M: lambda t: sub(sub(t, '"democracy": {"weight": 2,', '"democracy": {"weight": 1e308,'),
                         '"risk": {"weight": 2,', '"risk": {"weight": 1.5e308,')})

def swedish_projects(t, repl):
    lines = [l for l in t.split("\n") if l]
    import csv, io
    rows = list(csv.reader(io.StringIO("\n".join(lines) + "\n")))
    hdr = rows[0]
    out = []
    for r in rows:
        for (pid, col), v in repl.items():
            if r[0] == pid:
                r[hdr.index(col)] = v
        cells = []
        for c in r:
            if re.fullmatch(r"-?\d+\.\d+", c):
                c = c.replace(".", ",")
            if any(ch in c for ch in ';"\n'):
                c = '"' + c.replace('"', '""') + '"'
            cells.append(c)
        out.append(";".join(cells))
    return "\ufeff" + "\r\n".join(out) + "\r\n"

# ---- contingent co-financing (issue 16): grant and probability columns
COFIN = ', "cofinancing": {"grant": "grant_sek", "probability": "award_probability", "programme": "programme"%s}'
def cofin_case(extra=""):
    return lambda t: sub(t, '"limit": 1000}\n  }', '"limit": 1000}\n  }' + COFIN % extra)
def cofin_projects(cells):
    """cells: per project row (1-based) the grant, probability and programme."""
    def f(t):
        lines = t.rstrip("\n").split("\n")
        lines[0] += ",grant_sek,award_probability,programme"
        for i in range(1, len(lines)):
            lines[i] += "," + ",".join(cells.get(i, ("", "", "")))
        return "\n".join(lines) + "\n"
    return f
SEL = "$PV select case.json -o out.txt"
case("cofin-probability-above-1", 2, "projects.csv:3:", cmd=SEL,
     **{K: cofin_case(), P: cofin_projects({1: ("100000", "0.3", ""), 2: ("50000", "1.5", "")})})
case("cofin-probability-percent", 2, "award probability must be in [0, 1]", cmd=SEL,
     **{K: cofin_case(), P: cofin_projects({2: ("50000", "30", "")})})
case("cofin-negative-grant", 2, "projects.csv:4:", cmd=SEL,
     **{K: cofin_case(), P: cofin_projects({3: ("-5000", "0.2", "")})})
case("cofin-no-probability", 2, "project 'P4' is contingent on a grant but has no award probability", cmd=SEL,
     **{K: cofin_case(), P: cofin_projects({4: ("300000", "", "Erasmus+ KA220")})})
case("cofin-unknown-column", 2, "cofinancing.grant: no column 'grant_sek'", cmd=SEL,
     **{K: cofin_case()})
case("cofin-bad-commit", 2, "cofinancing.commit: must be worst_case, expected or chance", cmd=SEL,
     **{K: cofin_case(', "commit": "sometimes"'), P: cofin_projects({})})
case("cofin-bad-alpha", 2, "cofinancing.alpha: must be in [0, 1)", cmd=SEL,
     **{K: cofin_case(', "commit": "chance", "alpha": 1.5'), P: cofin_projects({})})

# ---- party weight sets (issue 16)
def wsets(sets):
    return lambda t: sub(t, '"limit": 1000}\n  }', '"limit": 1000}\n  }, "weight_sets": ' + sets)
PARTIES = "$PV parties case.json -o out.txt"
case("parties-no-sets", 2, "the case names no weight sets", cmd=PARTIES)
case("parties-unknown-criterion", 2, "weight_sets.S.criteria: no criterion 'safty' in the model", cmd=PARTIES,
     **{K: wsets('{"S": {"criteria": {"safty": {"weight": 3}}}, "M": {"criteria": {"risk": {"weight": 5}}}}')})
case("parties-unknown-child", 2, "no criterion 'growth' in the model", cmd=PARTIES,
     **{K: wsets('{"S": {"criteria": {"benefit": {"children": {"growth": {"weight": 3}}}}}}')})
case("parties-bad-set-name", 2, "weight_sets.S.1: not a valid set name", cmd=PARTIES,
     **{K: wsets('{"S.1": {"criteria": {"risk": {"weight": 5}}}}')})
case("weight-set-model-name", 2, "weight_sets.S.language: a weight set does not use language (it takes criteria, weighting and rules)",
     cmd="$PV parties case.json -o out.txt",
     **{K: wsets('{"S": {"language": "sv", "criteria": {"risk": {"weight": 3}}}, "M": {"criteria": {"risk": {"weight": 5}}}}')})
case("weight-set-null-misspelt-rule", 2, "weight_sets.S.rules.purpse: null deletes the rule 'purpse', which the model does not have; did you mean 'purpose'?",
     cmd="$PV check case.json",
     **{K: wsets('{"S": {"rules": {"purpse": null}}, "M": {"criteria": {"risk": {"weight": 5}}}}')})
case("weight-set-null-misspelt-criterion", 2, "no criterion 'rsk' in the model; did you mean 'risk'?",
     cmd="$PV parties case.json -o out.txt",
     **{K: wsets('{"S": {"criteria": {"rsk": null}}, "M": {"criteria": {"risk": {"weight": 5}}}}')})
case("parties-set-name-edge-space", 2, "weight_sets.S : not a valid set name", cmd=PARTIES,
     **{K: wsets('{"S ": {"criteria": {"risk": {"weight": 5}}}}')})
case("parties-set-not-object", 2, "weight_sets.S: must be an object", cmd=PARTIES,
     **{K: wsets('{"S": 3}')})
case("parties-set-infeasible", 3, "weight set 'strict' makes the case infeasible", cmd=PARTIES,
     **{K: lambda t: sub(wsets('{"base": {}, "strict": {"rules": {"no_low_risk": {"if": {"field": "risk_level", "op": "==", "value": "low"}, "then": "exclude", "because": "illustrative"}}}}')(t),
                         '"weight_sets"', '"constraints": [{"id": "two_low", "type": "count", "column": "risk_level", "value": "low", "min": 2}], "weight_sets"')})
case("parties-sets-file-missing", 2, "nosuch.json", cmd="$PV parties case.json --sets nosuch.json -o out.txt")

def strip_partner_refs(t):
    # A model that reads only project fields.
    t = re.sub(r'"democracy": \{.*?\n.*?\n', "", t, count=1, flags=re.S)
    t = re.sub(r'"travel": \{.*?\n.*?\n', "", t, count=1, flags=re.S)
    t = re.sub(r'"sanctions": \{.*?"weak_democracy": \{.*?\n.*?\n', "", t, count=1, flags=re.S)
    return t

only = set(sys.argv[1:])
for name, exit, stderr, cmd, nofile, edits in CASES:
    if only and name not in only:
        continue
    d = os.path.join(OUT, name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    absent = []
    for f, text in base.items():
        if f not in edits:
            continue
        if edits[f] is None:
            absent.append(f)
            continue
        text = edits[f](text)
        if text != base[f]:
            with open(os.path.join(d, f), "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
    if absent:
        with open(os.path.join(d, "absent"), "w") as fh:
            fh.write("".join(f + "\n" for f in absent))
    with open(os.path.join(d, "cmd"), "w") as fh:
        fh.write(cmd + "\n")
    with open(os.path.join(d, "exit"), "w") as fh:
        fh.write("%d\n" % exit)
    with open(os.path.join(d, "stderr"), "w") as fh:
        fh.write(stderr)
    if nofile and "out.txt" in cmd:
        with open(os.path.join(d, "nofile"), "w") as fh:
            fh.write("out.txt")
print(len(CASES), "cases")
