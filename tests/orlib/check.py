#!/usr/bin/env python3
"""Solves every converted OR-Library problem with `partnerval select` and
checks that the profits of the selected items add up to the known optimum
exactly (decimal arithmetic on the numbers as written in the data files).

usage: check.py PARTNERVAL CASEDIR [DATADIR]
Prints `PASS name` or `FAIL name: reason` per problem; exits 1 on any failure.
"""
import csv
import json
import os
import subprocess
import sys
import time
from decimal import Decimal


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, cases = sys.argv[1], sys.argv[2]
    data = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    optima = {}
    with open(os.path.join(data, "mknap1-mknap2-optima.csv")) as f:
        for row in csv.DictReader(f):
            optima[row["name"]] = Decimal(row["optimum_stated_in_file"])
    failed = 0
    total = 0.0
    for name in sorted(optima):
        d = os.path.join(cases, name)
        # The optimum as the data file states it: the CSV rounds WEING7
        # (1.09544e+06 for 1095445), so it only cross-checks to 1e-5.
        with open(os.path.join(d, "optimum.txt")) as f:
            stated = Decimal(f.read().strip())
        if abs(stated - optima[name]) > Decimal("1e-5") * stated:
            print("FAIL orlib-%s: data file optimum %s differs from CSV %s" % (name, stated, optima[name]))
            failed += 1
            continue
        profit = {}
        with open(os.path.join(d, "projects.csv")) as f:
            for row in csv.DictReader(f):
                profit[row["id"]] = Decimal(row["profit"])
        t0 = time.monotonic()
        p = subprocess.run([binary, "select", os.path.join(d, "case.json"), "--no-why", "--format", "json"],
                           capture_output=True, text=True)
        total += time.monotonic() - t0
        if p.returncode != 0:
            print("FAIL orlib-%s: exit %d: %s" % (name, p.returncode, p.stderr.strip()))
            failed += 1
            continue
        res = json.loads(p.stdout)
        got = sum((profit[i] for i in res["selected_projects"]), Decimal(0))
        if res["status"] != "optimal":
            print("FAIL orlib-%s: status %s" % (name, res["status"]))
            failed += 1
        elif got != stated:
            print("FAIL orlib-%s: profit %s, optimum %s" % (name, got, stated))
            failed += 1
        else:
            print("PASS orlib-%s" % name)
    print("# %d problems, %d failed, %.2f s in partnerval" % (len(optima), failed, total))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
