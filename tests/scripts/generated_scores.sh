#!/bin/sh
# generated_scores.sh PARTNERVAL — 20 random cases (fixed seeds) whose scores,
# rule firings, eligibility and ranking are computed independently in Python
# from the contract (tests/tools/gen_scores.py), checked against
# `rank --format json` in the comma and the Swedish dialect.
PV=${1:?usage: generated_scores.sh PARTNERVAL}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$ROOT/tests/tools/gen_scores.py" "$PV" --seeds 1-20 --out "$ROOT/tests/out/generated"
