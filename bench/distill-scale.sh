#!/usr/bin/env bash
# Scale benchmark of `fairkd distill` (kd-core README, "Scale"): generates synthetic lending data of
# the given sizes (default 100k, 300k and 1M rows) with `fairkd data synth`, then runs
# `/usr/bin/time -v ./fairkd distill` on each with -Xmx8g and prints wall time, CPU seconds, peak
# RSS and the stage timings of distill.json. Run it on an idle machine; results in $WORK.
# Usage: bench/distill-scale.sh [ROWS ...]   (env: WORK=dir, default /tmp/fairkd-scale; XMX=8g)
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
FAIRKD="${FAIRKD:-$ROOT/fairkd}"
WORK="${WORK:-/tmp/fairkd-scale}"
XMX="${XMX:-8g}"
ROWS=("$@")
[[ ${#ROWS[@]} -eq 0 ]] && ROWS=(100000 300000 1000000)
mkdir -p "$WORK"
for n in "${ROWS[@]}"; do
  data="$WORK/lending-$n.csv"
  [[ -f "$data" ]] || "$FAIRKD" data synth --rows "$n" --seed 42 --out "$data" >/dev/null
  out="$WORK/out-$n"
  FAIRKD_JAVA_OPTS="-Xmx$XMX" /usr/bin/time -v -o "$WORK/time-$n.txt" \
    "$FAIRKD" distill --spec "${data%.csv}.yaml" --out "$out" --force >"$WORK/log-$n.txt" 2>&1 \
    || { echo "rows $n: distill failed, see $WORK/log-$n.txt" >&2; continue; }
  wall=$(grep 'Elapsed (wall clock)' "$WORK/time-$n.txt" | awk '{print $NF}')
  user=$(grep 'User time' "$WORK/time-$n.txt" | awk '{print $NF}')
  sys=$(grep 'System time' "$WORK/time-$n.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$WORK/time-$n.txt" | awk '{print $NF}')
  printf 'rows %s: wall %s, cpu %.0f s, peak RSS %.2f GB\n' "$n" "$wall" \
    "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1048576" | bc -l)"
  python3 - "$out/distill.json" <<'PY' || true
import json, sys
d = json.load(open(sys.argv[1]))
print("  training_seconds:", json.dumps(d.get("training_seconds")))
if "timings" in d:
    print("  timings:", json.dumps(d["timings"]))
PY
done
