#!/usr/bin/env bash
# fairkd audit --engine spark on a real Spark standalone cluster (one master, one worker, executor
# JVMs), submitted through spark-submit exactly as README.md documents it, and then run by the
# fairkd launcher with --master spark://…, both compared with the local engine's audit of the same
# generated CSV. Everything binds to 127.0.0.1; nothing else is used.
#
# Usage (from anywhere): spark/cluster-smoke.sh [ROWS] [REPLICATES]   (defaults 1000000, 1000)
# Needs: spark/target/fairkd-spark.jar, audit-report/target/fairkd.jar, spark/target/test-classes
# (built here when missing) and Maven's local repository with Spark's jars.
#
# "The cluster": a Spark installation made of Spark 3.5.9's jars as this build resolves them
# (SPARK_HOME/jars, symlinks into ~/.m2; no fairkd jar among them), bin/spark-class's launcher
# (org.apache.spark.launcher.Main builds every java command line, with the driver's --add-opens),
# a master and a worker with 2 cores and 1 GB, scratch dirs under one temporary directory that is
# removed at the end. Exit codes: 0 both cluster runs' audit.json and exit codes equal the local
# engine's, 1 one differs, 2 the cluster or a run failed. The jars are not rebuilt when present.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
ROWS="${1:-1000000}"
REPS="${2:-1000}"
CLI_JAR="$ROOT/audit-report/target/fairkd.jar"
THIN_JAR="$ROOT/spark/target/fairkd-spark-0.1.0-SNAPSHOT.jar"
FAT_JAR="$ROOT/spark/target/fairkd-spark.jar"
TEST_CLASSES="$ROOT/spark/target/test-classes"

die() { echo "cluster-smoke: $*" >&2; exit 2; }
say() { echo "cluster-smoke: $*" >&2; }

if [[ ! -f "$CLI_JAR" || ! -f "$THIN_JAR" || ! -f "$FAT_JAR" ]]; then
  say "building the jars (mvn -B -o -q package -DskipTests -pl spark -am)"
  (cd "$ROOT" && mvn -B -o -q package -DskipTests -pl spark -am 1>&2) || die "the build failed"
fi
if [[ ! -f "$TEST_CLASSES/org/fairkd/spark/AuditJsonDiff.class" ]]; then
  say "compiling the comparison (mvn -B -o -q test-compile -pl spark -am)"
  (cd "$ROOT" && mvn -B -o -q test-compile -pl spark -am 1>&2) || die "test-compile failed"
fi

TMP="$(mktemp -d /tmp/fairkd-cluster-smoke.XXXXXX)"
PIDS=()
cleanup() {
  local rc=$?
  # The worker first (it stops its executors), then the master; reverse order of start.
  for (( i = ${#PIDS[@]} - 1; i >= 0; i-- )); do
    kill "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
  if pgrep -f -- "$TMP/" >/dev/null; then
    say "warning: processes of this run still running: $(pgrep -f -- "$TMP/" | tr '\n' ' ')"
  fi
  if [[ "${KEEP:-0}" == 1 ]]; then
    say "kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

# --- a Spark installation: SPARK_HOME/jars with Spark and its dependencies, conf/ with logging ---
export SPARK_HOME="$TMP/spark-home"
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf" "$TMP/work" "$TMP/spark-local" "$TMP/logs"
(cd "$ROOT" && mvn -B -o -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -pl spark -DincludeScope=runtime -DexcludeGroupIds=org.fairkd \
  -Dmdep.outputFile="$TMP/spark.classpath" 1>&2) ||
  die "cannot list Spark's jars with Maven offline (maven-dependency-plugin 3.8.1 missing? run the
  same mvn command once without -o)"
tr ':' '\n' < "$TMP/spark.classpath" | while read -r j; do ln -s "$j" "$SPARK_HOME/jars/"; done
grep -q spark-core "$TMP/spark.classpath" || die "no spark-core among $TMP/spark.classpath"
cat > "$SPARK_HOME/conf/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.master.name = org.apache.spark.deploy.master.Master
logger.master.level = info
logger.worker.name = org.apache.spark.deploy.worker.Worker
logger.worker.level = info
EOF
# What bin/load-spark-env.sh and conf/spark-env.sh set on a cluster node.
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost
export SPARK_CONF_DIR="$SPARK_HOME/conf" SPARK_LOCAL_DIRS="$TMP/spark-local" SPARK_WORKER_DIR="$TMP/work"

# bin/spark-class: the launcher prints the java command (NUL-separated) into CMD, which is then run
# (directly, so that a daemon's $! is its JVM).
spark_command() {
  local out
  out="$(java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@" | tr '\0' '\n')"
  mapfile -t CMD <<< "$out"
  while [[ ${#CMD[@]} -gt 0 && -z "${CMD[0]}" ]]; do CMD=("${CMD[@]:1}"); done
  [[ ${#CMD[@]} -gt 0 ]] || die "the Spark launcher printed no command for $1"
}

seconds_since() { # nanosecond timestamp -> seconds with one decimal
  local ms=$(( ($(date +%s%N) - $1) / 1000000 ))
  printf '%d.%d' $(( ms / 1000 )) $(( ms % 1000 / 100 ))
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  die "no free port on 127.0.0.1"
}

wait_for() { # log file, pattern, what
  for _ in $(seq 1 120); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  tail -20 "$1" >&2 || true
  die "$3 did not start (log: $1)"
}

# --- the input: label, sex, race (some missing), split, teacher and student with 4 decimals ---
CSV="$TMP/preds.csv"
awk -v n="$ROWS" 'BEGIN {
  srand(17); print "label,sex,race,split,teacher,student";
  for (i = 0; i < n; i++) {
    u = rand(); sex = u < 0.02 ? "" : (u < 0.45 ? "female" : "male");
    v = rand(); race = v < 0.03 ? "NA" : (v < 0.6 ? "white" : (v < 0.85 ? "black" : "asian"));
    z = 2 * (rand() + rand() + rand() - 1.5) - (sex == "female" ? 0.4 : 0) - (race == "black" ? 0.3 : 0);
    y = rand() < 1 / (1 + exp(-z)) ? 1 : 0;
    t = 1 / (1 + exp(-(z + (rand() - 0.5))));
    s = t + 0.1 * (rand() - 0.5); s = s < 0 ? 0 : (s > 1 ? 1 : s);
    printf "%d,%s,%s,%s,%.4f,%.4f\n", y, sex, race, (rand() < 0.7 ? "test" : "train"), t, s;
  }
}' > "$CSV"
say "input: $ROWS rows, $(du -h "$CSV" | cut -f1) CSV"

ARGS=(audit --predictions "$CSV" --label label --group sex --group race
  --teacher-score teacher --student-score student --policy lending-standard
  --bootstrap "$REPS" --seed 7)

# --- the local engine (the default) ---
t0=$(date +%s%N)
set +e
java -Xmx4g -Dai.djl.offline=true -jar "$CLI_JAR" "${ARGS[@]}" --out "$TMP/local" \
  >"$TMP/logs/local.out" 2>"$TMP/logs/local.err"
LOCAL_RC=$?
set -e
LOCAL_S=$(seconds_since "$t0")
[[ $LOCAL_RC -le 1 ]] || { cat "$TMP/logs/local.err" >&2; die "the local engine exited $LOCAL_RC"; }
say "local engine: exit $LOCAL_RC, $LOCAL_S s"

# --- the cluster: master, worker ---
MASTER_PORT=$(free_port)
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
spark_command org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$MASTER_PORT" \
  --webui-port "$(free_port)"
"${CMD[@]}" >"$TMP/logs/master.log" 2>&1 &
PIDS+=($!)
wait_for "$TMP/logs/master.log" "I have been elected leader" "the master"
spark_command org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 1g \
  --work-dir "$TMP/work" --webui-port "$(free_port)" "$MASTER_URL"
"${CMD[@]}" >"$TMP/logs/worker.log" 2>&1 &
PIDS+=($!)
wait_for "$TMP/logs/worker.log" "Successfully registered with master" "the worker"
say "cluster up: $MASTER_URL, one worker (2 cores, 1 GB)"

# --- spark-submit, as README.md documents it (client mode: the driver writes --out here) ---
spark_command org.apache.spark.deploy.SparkSubmit --master "$MASTER_URL" \
  --class org.fairkd.cli.FairkdCommand --driver-memory 2g --executor-memory 1g \
  --conf spark.ui.enabled=false \
  --jars "$THIN_JAR" "$CLI_JAR" \
  "${ARGS[@]}" --engine spark --out "$TMP/cluster"
t0=$(date +%s%N)
set +e
"${CMD[@]}" >"$TMP/logs/submit.out" 2>"$TMP/logs/submit.err"
CLUSTER_RC=$?
set -e
CLUSTER_S=$(seconds_since "$t0")
if [[ $CLUSTER_RC -gt 1 ]]; then
  tail -30 "$TMP/logs/submit.err" >&2
  die "spark-submit exited $CLUSTER_RC"
fi
NOTE=$(grep "spark engine:" "$TMP/logs/submit.err" || true)
[[ -n "$NOTE" ]] || { tail -30 "$TMP/logs/submit.err" >&2; die "no 'spark engine:' line from the driver"; }
say "cluster: exit $CLUSTER_RC, $CLUSTER_S s; $NOTE"
EXECUTORS=$(find "$TMP/work" -name stderr -path '*app-*' | wc -l)
[[ "$EXECUTORS" -ge 1 ]] || die "no executor ran on the worker (work dir $TMP/work is empty)"
say "executors started by the worker: $EXECUTORS"

# --- the fairkd launcher pointed at the same cluster (no spark-submit: spark.jars set by fairkd) ---
t0=$(date +%s%N)
set +e
"$ROOT/fairkd" "${ARGS[@]}" --engine spark --master "$MASTER_URL" --out "$TMP/launcher" \
  >"$TMP/logs/launcher.out" 2>"$TMP/logs/launcher.err"
LAUNCHER_RC=$?
set -e
LAUNCHER_S=$(seconds_since "$t0")
if [[ $LAUNCHER_RC -gt 1 ]]; then
  tail -30 "$TMP/logs/launcher.err" >&2
  die "./fairkd --master $MASTER_URL exited $LAUNCHER_RC"
fi
say "fairkd launcher on the cluster: exit $LAUNCHER_RC, $LAUNCHER_S s"
APPS=$(find "$TMP/work" -maxdepth 1 -name 'app-*' | wc -l)
[[ "$APPS" -ge 2 ]] || die "the launcher's run did not use the cluster ($APPS applications ran)"

# --- the comparison ---
BOUND=0
if [[ "$NOTE" =~ within\ ([0-9.eE+-]+)\ of ]]; then BOUND="${BASH_REMATCH[1]}"; fi
FAIL=0
for run in cluster launcher; do
  rc=$CLUSTER_RC
  [[ $run == launcher ]] && rc=$LAUNCHER_RC
  if [[ $LOCAL_RC -ne $rc ]]; then
    echo "cluster-smoke: MISMATCH: exit codes local $LOCAL_RC, $run $rc" >&2
    FAIL=1
    continue
  fi
  set +e
  java -cp "$CLI_JAR:$TEST_CLASSES" org.fairkd.spark.AuditJsonDiff \
    "$TMP/local/audit.json" "$TMP/$run/audit.json" "$BOUND"
  DIFF_RC=$?
  set -e
  if [[ $DIFF_RC -ne 0 ]]; then
    echo "cluster-smoke: MISMATCH between $TMP/local/audit.json and $TMP/$run/audit.json" >&2
    FAIL=1
  fi
done
if [[ $FAIL -ne 0 ]]; then
  KEEP=1
  exit 1
fi
echo "cluster-smoke: OK: $ROWS rows, $REPS replicates; local engine $LOCAL_S s," \
  "standalone cluster through spark-submit $CLUSTER_S s, through the fairkd launcher" \
  "$LAUNCHER_S s; exit code $LOCAL_RC from all three; audit.json equal (AUC bound $BOUND)"
