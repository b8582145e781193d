#!/usr/bin/env bash
# The Spark engine with row weights and soft membership on generated Parquet: wall time and peak
# RSS. Usage (from the repository root, after `mvn -B -q -pl spark -am package -DskipTests` and
# `mvn -B -q -pl spark test-compile`): spark/bench-weighted-soft.sh [ROWS] [REPLICATES] [MASTER]
# (defaults 10000000, 1000, local[2]). The input is generated once under /tmp.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${1:-10000000}"
REPS="${2:-1000}"
MASTER="${3:-local[2]}"
DIR="/tmp/fairkd-bench-ws-$ROWS"
# Spark's --add-opens list, as the fairkd launcher passes it.
mapfile -t OPENS < <(grep -o -- '--add-opens=[^ ]*' "$ROOT/fairkd" | sort -u)
CP="$ROOT/spark/target/fairkd-spark.jar:$ROOT/spark/target/test-classes"
if [[ ! -d "$DIR" ]]; then
  java -Xmx4g "${OPENS[@]}" -cp "$CP" org.fairkd.spark.bench.GeneratePredictions "$ROWS" "$DIR" \
    parquet $(( ROWS >= 50000000 ? 16 : 8 ))
fi
/usr/bin/time -v java -Xmx4g "${OPENS[@]}" -cp "$CP" org.fairkd.spark.bench.WeightedSoftBench \
  "$DIR" "$REPS" "$MASTER" 2>&1 | grep -E "^rows|Elapsed \(wall|Maximum resident"
