#!/usr/bin/env python3
"""The selection benchmark family (issue 18): cases of many structures and
sizes (gen_family.py, fixed seeds), each solved by partnerval, by glpsol on
the LP partnerval exports, by pandas + PuLP (CBC) and by SciPy's HiGHS
(peer_family.py). Prints one line per case and, per structure, the median
and the worst ratio peer time / partnerval time. Figures, not a test.

usage: family.py PARTNERVAL [--quick] [--sizes 30,120] [--seeds 1,2] [--only S1,S2]
                 [--runs N] [--no-peers]

Times are CPU times (user + system; PV_BENCH_WALL=1: wall times) of the whole
job (reading, scoring, solving, writing Markdown; for the Python peers the
interpreter's start and imports too), the median of N runs for partnerval (3)
and one run for each peer.
The time limit is 60 s (10 s at 3,000 projects) for every solver. A case
that reaches it counts by objective at equal time:
the ratio column then shows "limit" and the objective difference is printed.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

# name: (gen_family.py keys, resources)
STRUCTURES = [
    ("base", [], 4),
    ("no_partners", ["pp=0-0"], 4),
    ("partners_1_5", ["pp=1-5", "fees=0.5"], 4),
    ("no_fees", ["fees=0"], 4),
    ("all_fees", ["pp=1-3", "fees=1"], 4),
    ("tight_0.1", ["tight=0.1"], 4),
    ("loose_0.6", ["tight=0.6"], 4),
    ("correlated", ["corr=1"], 4),
    ("corr_tight_0.1", ["corr=1", "tight=0.1"], 4),
    ("one_resource", [], 1),
    ("eight_resources", [], 8),
    ("count", ["cons=count"], 4),
    ("share", ["cons=share"], 4),
    ("requires", ["cons=requires"], 4),
    ("exclusive", ["cons=exclusive"], 4),
    ("force", ["cons=force"], 4),
    ("max_partners", ["cons=max_partners"], 4),
    ("min_partners", ["cons=min_partners", "pp=1-3"], 4),
    ("all_constraints", ["cons=all", "pp=1-3"], 4),
]
PARTNERS = {30: 10, 120: 40, 500: 80, 1000: 100, 3000: 300}
WALL = os.environ.get("PV_BENCH_WALL") == "1"
BIG = {"base", "correlated", "all_constraints"}  # the structures run at 3,000 projects


def wall(cmd, runs=1):
    """Median over runs of the time cmd took: its CPU time (user + system, its
    children included) by default, since this machine is shared and wall time
    there measures the neighbours; wall time with PV_BENCH_WALL=1."""
    t = []
    out = None
    for _ in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        w = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        t.append(w if WALL else cpu)
        out = p.stdout
    return statistics.median(t), out


def pv_result(binary, case):
    import json
    p = subprocess.run([binary, "select", case, "--no-why", "--format", "json"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        r = json.loads(p.stdout)
        return r["objective"], r["status"]
    except (ValueError, KeyError):
        return None, "error%d" % p.returncode


def glpsol_obj(path):
    for line in open(path):
        if line.startswith("Objective:"):
            return float(line.split("=")[1].split()[0])
    return None


def opt(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def main():
    args = sys.argv[1:]
    binary = os.path.abspath(args[0])
    quick = "--quick" in args
    sizes = [int(s) for s in opt(args, "--sizes", "120" if quick else "30,120,500,3000").split(",")]
    seeds = [int(s) for s in opt(args, "--seeds", "1,2").split(",")]
    only = opt(args, "--only", "")
    runs = int(opt(args, "--runs", "3"))
    peers = "--no-peers" not in args
    have_cbc = peers and shutil.which("cbc") is not None and \
        subprocess.run([PY, "-c", "import pandas, pulp"], stderr=subprocess.DEVNULL).returncode == 0
    have_highs = peers and subprocess.run([PY, "-c", "import pandas, scipy.optimize"],
                                          stderr=subprocess.DEVNULL).returncode == 0
    have_glpsol = shutil.which("glpsol") is not None
    tmp = tempfile.mkdtemp(prefix="pv-family-")
    stats = {}
    print("%-16s %5s %4s %8s %9s %8s %8s %8s  %s" % ("structure", "n", "seed", "pv ms", "status",
                                                   "glpsol", "cbc", "highs", "objective check"))
    try:
        for name, keys, k in STRUCTURES:
            if only and name not in only.split(","):
                continue
            for n in sizes:
                if n >= 3000 and name not in BIG:
                    continue
                for seed in seeds if n < 3000 else seeds[:1]:
                    d = os.path.join(tmp, "%s-%d-%d" % (name, n, seed))
                    # 60 s: a proof that would take a few seconds on a quiet machine is
                    # not cut by a busy one; 10 s at 3,000 projects, compared by objective
                    tl = 10 if n >= 3000 else 60
                    subprocess.run([PY, os.path.join(HERE, "gen_family.py"), d, str(n),
                                    str(PARTNERS.get(n, max(10, n // 10))), str(k), str(seed),
                                    "tl=%d" % tl] + keys, check=True)
                    case = os.path.join(d, "case.json")
                    obj, status = pv_result(binary, case)
                    t_pv, _ = wall([binary, "select", case, "--no-why", "--format", "md", "-o",
                                    os.path.join(d, "pv.md")], runs)
                    limited = status != "optimal"
                    row = {"pv": t_pv}
                    notes = []
                    if have_glpsol:
                        subprocess.run([binary, "export", case, "--lp", os.path.join(d, "m.lp")], check=True)
                        t, _ = wall(["glpsol", "--lp", os.path.join(d, "m.lp"), "--tmlim", str(tl),
                                     "-o", os.path.join(d, "g.txt")])
                        go = glpsol_obj(os.path.join(d, "g.txt"))
                        row["glpsol"] = (t, go)
                    for peer, ok in (("cbc", have_cbc), ("highs", have_highs)):
                        if not ok:
                            continue
                        t, out = wall([PY, os.path.join(HERE, "peer_family.py"), case,
                                       os.path.join(d, peer + ".md"), "--solver", peer, "--tl", str(tl)])
                        try:
                            po = float(out.split()[0])
                        except (IndexError, ValueError):
                            po = None
                        row[peer] = (t, po)
                    cells = []
                    for peer in ("glpsol", "cbc", "highs"):
                        if peer not in row:
                            cells.append("-")
                            continue
                        t, po = row[peer]
                        if po is None:
                            cells.append("fail")
                            notes.append("%s: no answer" % peer)
                            continue
                        diff = (obj or 0) - po
                        if abs(diff) > 1e-4 * max(1.0, abs(po)):
                            notes.append("%s %+.4f" % (peer, -diff))
                        ratio = t / t_pv
                        cells.append("%.1fx" % ratio)
                        if not limited:
                            stats.setdefault(name, {}).setdefault(peer, []).append(ratio)
                        else:
                            stats.setdefault(name, {}).setdefault(peer + "_gap", []).append(diff)
                    print("%-16s %5d %4d %8.1f %9s %8s %8s %8s  %s" % (
                        name, n, seed, 1000 * t_pv, status, cells[0], cells[1], cells[2],
                        "; ".join(notes) if notes else "equal"), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    print("per structure: peer time / partnerval time over the proven cases, median (worst);")
    print("time-limited cases: partnerval objective minus the peer's at equal time, worst")
    print("%-16s %16s %16s %16s" % ("structure", "glpsol", "pandas+PuLP/CBC", "SciPy HiGHS"))
    allr = {}
    for name, _, _ in STRUCTURES:
        if name not in stats:
            continue
        cells = []
        for peer in ("glpsol", "cbc", "highs"):
            r = stats[name].get(peer)
            g = stats[name].get(peer + "_gap")
            c = "%.1fx (%.1fx)" % (statistics.median(r), min(r)) if r else "-"
            if g:
                c += " gap %+.3f" % min(g)
            cells.append(c)
            allr.setdefault(peer, []).extend(r or [])
        print("%-16s %16s %16s %16s" % (name, cells[0], cells[1], cells[2]))
    cells = ["%.1fx (%.1fx)" % (statistics.median(allr[p]), min(allr[p])) if allr.get(p) else "-"
             for p in ("glpsol", "cbc", "highs")]
    print("%-16s %16s %16s %16s" % ("all", cells[0], cells[1], cells[2]))


if __name__ == "__main__":
    main()
