#!/bin/sh
# Reports speak in names (issue 13, points 1 and 2): for every example, the
# Swedish text, Markdown and HTML of `rank` and `select` contain no id of a
# resource, constraint, rule or criterion that the model or case names (HTML
# may show the id inside <small> or <code>); and every select output (text,
# md, csv, json, html) carries each project's use of every resource. The
# Swedish weights text and Markdown show no criterion id either, Swedish HTML
# shows no English yes/no ("”yes”", "= yes"), and the Swedish CSV of every
# analysis has Swedish headers (none of the English JSON keys).
#   tests/scripts/report_names.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
for d in "$ROOT"/examples/*/; do
  ex=$(basename "$d")
  for cmd in rank select; do
    for fmt in text md html; do
      "$PV" $cmd "$d/case.json" --format $fmt --lang sv --date 2027-03-01 \
        -o "$T/$ex-$cmd.$fmt" 2>"$T/err" || { echo "FAIL $ex $cmd $fmt: exit $?"; cat "$T/err"; fail=1; }
    done
  done
  for fmt in csv json; do
    "$PV" select "$d/case.json" --format $fmt --lang sv -o "$T/$ex-select.$fmt" 2>"$T/err" ||
      { echo "FAIL $ex select $fmt"; fail=1; }
  done
  for fmt in text md; do
    "$PV" weights "$d/case.json" --format $fmt --lang sv -o "$T/$ex-weights.$fmt" 2>"$T/err" ||
      { echo "FAIL $ex weights $fmt"; fail=1; }
  done
  res=$(python3 -c 'import json,sys; print(next(iter(json.load(open(sys.argv[1]))["resources"])))' "$d/case.json")
  for a in weights sensitivity "robust --samples 20" "frontier --resource $res --steps 4" \
           "compare --set resources.$res.limit=1"; do
    set -- $a
    "$PV" "$@" "$d/case.json" --format csv --lang sv -o "$T/$ex-$1.csv" 2>"$T/err" ||
      { echo "FAIL $ex $1 csv: $(cat "$T/err")"; fail=1; }
  done
done
python3 - "$ROOT" "$T" <<'PY' || fail=1
import csv, glob, html, io, json, os, re, sys
root, t = sys.argv[1], sys.argv[2]
bad = 0
def named_ids(case_path):
    c = json.load(open(case_path))
    mp = c['model'] if isinstance(c['model'], dict) else json.load(
        open(os.path.join(os.path.dirname(case_path), c['model'])))
    ids = {}
    for k, r in c.get('resources', {}).items():
        if 'name' in r: ids[k] = 'resource'
    for q in c.get('constraints', []):
        if 'label' in q and 'id' in q: ids[q['id']] = 'constraint'
    for k, r in mp.get('rules', {}).items():
        if 'name' in r: ids[k] = 'rule'
    def walk(d):
        for k, v in d.items():
            if 'label' in v: ids[k] = 'criterion'
            walk(v.get('children', {}))
    walk(mp['criteria'])
    # free text from the inputs (policy quotations, reasons, names) may hold an
    # id as an ordinary word ("bedömning av risk"): it is taken out first
    free = [v for r in mp.get('rules', {}).values() for v in (r.get('because', ''), r.get('source', ''))]
    free = [w for v in free for w in (v.values() if isinstance(v, dict) else [v])]
    def texts(d):
        for v in d.values():
            free.append(v.get('source', ''))
            texts(v.get('children', {}))
    texts(mp['criteria'])
    free.append(mp.get('source', ''))
    return c, ids, [f for f in free if f]
def visible(text):
    text = re.sub(r'(?s)<(style|small|code|title)\b.*?</\1>', ' ', text)
    text = re.sub(r'(?s)<[^>]*>', ' ', text)
    return html.unescape(text)
for case in sorted(glob.glob(os.path.join(root, 'examples/*/case.json'))):
    ex = os.path.basename(os.path.dirname(case))
    c, ids, free = named_ids(case)
    for cmd in ('rank', 'select'):
        for fmt in ('text', 'md', 'html'):
            f = os.path.join(t, '%s-%s.%s' % (ex, cmd, fmt))
            if not os.path.exists(f): continue
            s = open(f, encoding='utf-8').read()
            if fmt == 'html': s = visible(s)
            for f in sorted(free, key=len, reverse=True):
                s = s.replace(f, ' ')
            hits = sorted(i for i in ids if re.search(r'(?<![\w.-])%s(?![\w-])' % re.escape(i), s))
            if hits:
                bad = 1
                print('FAIL %s %s %s shows ids: %s' % (ex, cmd, fmt, ', '.join('%s (%s)' % (h, ids[h]) for h in hits)))
            else:
                print('PASS %s %s %s: no named id' % (ex, cmd, fmt))
    for fmt in ('text', 'md'):
        s = open(os.path.join(t, '%s-weights.%s' % (ex, fmt)), encoding='utf-8').read()
        crit = sorted(i for i in ids if ids[i] == 'criterion' and
                      re.search(r'(?<![\w.-])%s(?![\w-])' % re.escape(i), s))
        print(('FAIL' if crit else 'PASS') + ' %s weights %s: criterion ids %s' % (ex, fmt, crit))
        bad |= bool(crit)
    s = visible(open(os.path.join(t, ex + '-select.html'), encoding='utf-8').read())
    eng = re.findall(r'”(?:yes|no)”|= (?:yes|no)\b', s)
    print(('FAIL' if eng else 'PASS') + ' %s select html sv: English yes/no %s' % (ex, eng[:3]))
    bad |= bool(eng)
    # a category shown as its bare code ("”high”") where the case could label it
    codes = sorted(set(w for w in re.findall(r'”([a-z][a-z_]*)”', s) if w not in ('ja', 'nej')))
    print(('FAIL' if codes else 'PASS') + ' %s select html sv: categories as codes %s' % (ex, codes))
    bad |= bool(codes)
    keys = {'parent', 'label', 'leaf', 'local', 'method', 'weight', 'low', 'high', 'below_added',
            'below_removed', 'above_added', 'above_removed', 'share', 'ci_low', 'ci_high', 'group',
            'limit', 'feasible', 'objective', 'selected_projects', 'selected', 'added', 'removed'}
    for a in ('weights', 'sensitivity', 'robust', 'frontier', 'compare'):
        f = os.path.join(t, '%s-%s.csv' % (ex, a))
        if not os.path.exists(f): continue
        hdr = open(f, encoding='utf-8-sig').readline().strip().split(';')
        eng = [h for h in hdr if h in keys or h.endswith('_used') or h.endswith('_limit')]
        print(('FAIL' if eng else 'PASS') + ' %s %s csv sv: English headers %s' % (ex, a, eng))
        bad |= bool(eng)
    # every exclusion cites its rule's policy sentence
    mp = c['model'] if isinstance(c['model'], dict) else json.load(
        open(os.path.join(os.path.dirname(case), c['model'])))
    rules = mp.get('rules', {})
    j = json.load(open(os.path.join(t, ex + '-select.json')))
    outs = {f: open(os.path.join(t, ex + '-' + f), encoding='utf-8-sig').read()
            for f in ('select.text', 'select.md', 'select.csv', 'rank.text')}
    miss = []
    for p in j['projects']:
        srcs = [rules[r].get('source', '') for r in p['excluded_by']]
        if p['excluded_by'] and p['why'].get('source') != srcs:
            miss.append('%s json why.source' % p['id'])
        for s_ in srcs:
            for f, body in outs.items():
                if s_ and s_.replace('"', '""' if f == 'select.csv' else '"') not in body:
                    miss.append('%s %s' % (p['id'], f))
    print(('FAIL' if miss else 'PASS') + ' %s exclusions cite the policy: missing %s' % (ex, sorted(set(miss))[:4]))
    bad |= bool(miss)
    # resource use in every select output
    res = list(c.get('resources', {}).keys())
    pdir = os.path.dirname(case)
    if not isinstance(c['data']['projects'], str) or c['data']['projects'].endswith('.xlsx'):
        print('SKIP %s: data in a workbook; tests/scripts/xlsx.sh finds its select JSON equal to its CSV twin' % ex)
        continue
    rows = list(csv.DictReader(open(os.path.join(pdir, c['data']['projects']), encoding='utf-8-sig'),
                               delimiter=';' if ';' in open(os.path.join(pdir, c['data']['projects']), encoding='utf-8-sig').readline() else ','))
    def num(x): return float(x.replace('\u00a0', '').replace(' ', '').replace(',', '.')) if x.strip() else 0.0
    want = {r['id']: {k: num(r[c['resources'][k]['column']]) for k in res} for r in rows}
    j = json.load(open(os.path.join(t, ex + '-select.json')))
    ok = all(set(p['use']) == set(res) and set(p['partner_use']) == set(res) and
             all(abs(p['use'][k] - want[p['id']][k]) < 1e-6 for k in res) for p in j['projects'])
    print(('PASS' if ok else 'FAIL') + ' %s select json: projects[].use matches the projects file' % ex)
    bad |= not ok
    rd = list(csv.reader(io.StringIO(open(os.path.join(t, ex + '-select.csv'), encoding='utf-8-sig').read()), delimiter=';'))
    hdr = rd[0]
    ok = len(hdr) == 7 + 2 * len(res)
    for r in rd[1:]:
        if r[0] == 'projekt':
            ok &= all(abs(num(r[7 + 2 * i]) - want[r[1]][k]) < 1e-6 for i, k in enumerate(res))
    print(('PASS' if ok else 'FAIL') + ' %s select csv: a use column per resource, matching' % ex)
    bad |= not ok
    for fmt in ('text', 'md', 'html'):
        s = open(os.path.join(t, '%s-select.%s' % (ex, fmt)), encoding='utf-8').read()
        n = s.count('använder ')
        ok = n >= len(rows)
        print(('PASS' if ok else 'FAIL') + ' %s select %s: %d of %d projects show their use' % (ex, fmt, n, len(rows)))
        bad |= not ok
sys.exit(bad)
PY
exit $fail
