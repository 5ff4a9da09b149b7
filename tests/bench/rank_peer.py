#!/usr/bin/env python3
"""The peer of the ranking benchmark (issue 18, item 3): the job of
`partnerval rank CASE --format json -o OUT` on a case made by gen_rank.py,
written as an analyst would with pandas (vectorised): read the three CSVs,
join partners and countries, score the six leaves, screen the two rules,
sort (eligible first, score descending, id) and write the JSON report.
For the benchmark only.

usage: rank_peer.py CASE_DIR OUT.json
"""
import json
import os
import sys

import numpy as np
import pandas as pd


def main():
    d, out = sys.argv[1], sys.argv[2]
    case = json.load(open(os.path.join(d, "case.json")))
    P = pd.read_csv(os.path.join(d, "projects.csv"), dtype={"partners": str, "purpose": str},
                    keep_default_na=False)
    Q = pd.read_csv(os.path.join(d, "partners.csv"), keep_default_na=False)
    C = pd.read_csv(os.path.join(d, "countries.csv"), keep_default_na=False)
    home = case["home"]
    lat0, lon0 = np.radians(home["lat"]), np.radians(home["lon"])
    la, lo = np.radians(Q["lat"].astype(float)), np.radians(Q["lon"].astype(float))
    h = np.sin((la - lat0) / 2) ** 2 + np.cos(lat0) * np.cos(la) * np.sin((lo - lon0) / 2) ** 2
    Q["distance_km"] = 2 * 6371 * np.arcsin(np.sqrt(h))
    Q = Q.merge(C, left_on="country", right_on="code", how="left")
    links = P[["id", "partners"]].assign(partner=P["partners"].str.split("|")).explode("partner")
    links = links[links["partner"].notna() & (links["partner"] != "")]
    links = links.merge(Q, left_on="partner", right_on="id", suffixes=("", "_q"))
    g = links.groupby("id")
    eiu = g["eiu_democracy_index"].min()
    dist = g["distance_km"].max()
    sanctioned = g["eu_sanctions_regime"].apply(lambda s: (s == "yes").any())
    P = P.set_index("id", drop=False)
    lin = lambda x, w, b: ((x - w) / (b - w)).clip(0, 1)
    v = pd.DataFrame(index=P.index)
    v["development"] = lin(P["benefit"].astype(float), 1, 5)
    v["funding"] = np.interp(P["external_share"].astype(float), [0, 0.5, 0.8], [0, 0.8, 1])
    v["environment"] = lin(P["environment"].astype(float), 1, 5)
    v["democracy"] = lin(eiu.reindex(P.index), 2, 9).fillna(0.5)
    v["travel"] = lin(dist.reindex(P.index), 3000, 0).fillna(1)
    v["risk"] = P["risk_level"].map({"low": 1, "medium": 0.5, "high": 0}).astype(float)
    w = {"development": 3 / 9 * 2 / 3, "funding": 3 / 9 / 3, "environment": 1 / 9, "democracy": 2 / 9,
         "travel": 1 / 9, "risk": 2 / 9}
    contrib = pd.DataFrame({k: 100 * w[k] * v[k] for k in w})
    score = contrib.sum(axis=1)
    excl_s = sanctioned.reindex(P.index).fillna(False).astype(bool)
    excl_p = P["purpose"].str.strip() == ""
    el = ~(excl_s | excl_p)
    order = pd.DataFrame({"pid": P["id"].to_numpy(), "el": el.to_numpy(), "score": score.to_numpy()})
    order = order.sort_values(["el", "score", "pid"], ascending=[False, False, True], kind="mergesort")
    idx = order.index.to_numpy()
    ids, names = P["id"].to_numpy(), P["name"].to_numpy()
    sc, es, ep = score.to_numpy().round(6), excl_s.to_numpy(), excl_p.to_numpy()
    cv = contrib.to_numpy().round(6)
    keys = list(w)
    out_rows = []
    for rank, j in enumerate(idx, 1):
        ex = (["sanctions"] if es[j] else []) + (["purpose"] if ep[j] else [])
        out_rows.append({"id": ids[j], "name": names[j], "rank": rank, "score": float(sc[j]),
                         "eligible": not ex, "excluded_by": ex, "flags": [],
                         "contributions": dict(zip(keys, cv[j].tolist()))})
    with open(out, "w") as f:
        json.dump({"case": case["name"], "model": case["model"]["name"], "projects": out_rows}, f, indent=1)


if __name__ == "__main__":
    main()
