#!/usr/bin/env bash
# W1 word count on a Weir cluster of separate processes (a JobManager and 2 TaskManagers on this
# machine) beside the same job on the embedded runtime, INTERLEAVED case by case, each case in
# fresh JVMs. Prints one RESULT line per case as it ends, then medians (min-max) per case and p,
# and the ratio of the cluster to the embedded runtime.
#
# The job is w1-cluster (io.weir.benchmarks.cluster): W1's source, tokenizer and keyed count, and a
# sink that checks the words it received against the oracle. Sources and sinks run in several
# processes, so each subtask prints a machine-readable WEIRBENCH line (first record / end of input
# on System.nanoTime, which on Linux is one clock for the whole machine, plus its totals and check);
# RunSummary combines the lines of all processes into the RESULT line. The interval is the
# anchor's: first record of any source subtask to end of input of the last sink subtask.
#
# Cases (CASES):
#   embedded  w1-cluster on the embedded runtime: bin/weir's lib/ with LocalJobRunner, one JVM
#   cluster   w1-cluster on a fresh JobManager + 2 TaskManagers (SLOTS slots each), `weir submit`
#   w1        run.sh's W1 (WordCountBenchmark w1) on the same jars, as a reference for the variant
#
# Environment knobs (defaults in brackets):
#   JAVA          java binary                       [$JAVA_HOME/bin/java or java on PATH]
#   JAVA_OPTS     embedded JVM and each TaskManager [-Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch] (run.sh's)
#   JM_JAVA_OPTS  the JobManager and the client     [-Xmx256m -XX:+UseSerialGC]
#   WORDS         words per run                     [20000000]
#   SEED          generator seed                    [42]
#   PARS          parallelisms                      ["2 4"]
#   REPS          passes                            [3]
#   CASES         subset of: embedded cluster w1    [embedded cluster w1]
#   SLOTS         slots per TaskManager             [2] (p=2 spreads 1+1 over the two; p=4 needs 2 each)
#   CASE_TIMEOUT  seconds per case before it fails  [240]
#   BUILD         1 rebuilds distribution + benchmarks from this tree first [0: only when missing]
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd .. && pwd)

if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch}
JM_JAVA_OPTS=${JM_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
WORDS=${WORDS:-20000000}
SEED=${SEED:-42}
PARS=${PARS:-2 4}
REPS=${REPS:-3}
CASES=${CASES:-embedded cluster w1}
SLOTS=${SLOTS:-2}
CASE_TIMEOUT=${CASE_TIMEOUT:-240}
LINES=$((WORDS / 10))
JOB=w1-cluster

# ---- build from this source tree (the reactor, never ~/.m2), then run from a private copy, so a
# rebuild while the suite runs cannot pull a jar from under a running JVM
dist() { ls -d "$ROOT"/distribution/target/weir-*/weir-*/ 2>/dev/null | head -1; }
bench_jar() { ls "$HERE"/target/weir-benchmarks-*.jar 2>/dev/null | grep -v -e sources -e tests | head -1; }
if [[ ${BUILD:-0} == 1 || -z "$(dist)" || -z "$(bench_jar)" ]]; then
  echo "# building the distribution and weir-benchmarks from $ROOT ..." >&2
  (cd "$ROOT" && mvn -B -q -o -pl distribution,benchmarks -am package -DskipTests -Dinvoker.skip) >&2
fi
RUN_DIR=$HERE/target/cluster-run
rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR/cases"
cp -r "$(dist)" "$RUN_DIR/weir"
cp "$(bench_jar)" "$RUN_DIR/w1.jar"
WEIR=$RUN_DIR/weir/bin/weir
CP="$RUN_DIR/w1.jar:$RUN_DIR/weir/lib/*"

mkdir -p results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=results/cluster-$STAMP.log
OUT=results/cluster-$STAMP.results
: > "$OUT"

# shellcheck source=bench-common.sh
source "$HERE/bench-common.sh"
CASE_MARK=  # our processes go unmarked: others= counts Maven builds and tests only

# ---- processes: every one started here is remembered and stopped on exit, whatever happens
PIDS=()
stop_pids() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
CHILD=
# in_foreground CMD...: runs CMD in the background and waits for it, so that a signal reaches our trap at once
# (bash runs traps only between foreground commands) and the trap can stop CMD too
in_foreground() {
  local rc=0
  "$@" &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=
  return "$rc"
}
cleanup() {
  if [[ -n $CHILD ]]; then kill -TERM "$CHILD" 2>/dev/null || true; fi
  stop_pids
  if [[ -n $WATCH_PID ]]; then kill "$WATCH_PID" 2>/dev/null || true; rm -f "$WATCH_FILE"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# others=: other people's builds and tests (foreign_count, as run.sh: our JVMs carry neither "maven"
# nor "surefire"); other_jvms=: other people's JVMs of any kind (benchmarks too), every java process
# whose command line does not name this tree.
foreign_java_count() { pgrep -ax java | grep -v -c -- "$ROOT" || true; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# await_line FILE PATTERN COUNT SECONDS: until FILE holds COUNT lines matching PATTERN
await_line() {
  local deadline=$((SECONDS + $4)) n
  while n=$(grep -c -- "$2" "$1" 2>/dev/null || true); (( ${n:-0} < $3 )); do
    if (( SECONDS > deadline )); then echo "timed out waiting for '$2' in $1" >&2; return 1; fi
    sleep 0.1
  done
}

# summarize CASE RUN P FILES...: the RESULT line of one run from its subtasks' report lines
summarize() {
  local name=$1 run=$2 p=$3
  shift 3
  "$JAVA" -Xmx128m -XX:+UseSerialGC -cp "$CP" io.weir.benchmarks.cluster.RunSummary "$name" "$run" "$p" "$@"
}

# each case echoes one RESULT line (or a FAIL line) on stdout; details go to its directory and $LOG
case_embedded() {
  local p=$1 dir=$2 run=$3
  if in_foreground timeout "$CASE_TIMEOUT" "$JAVA" $JAVA_OPTS -cp "$CP" io.weir.runtime.client.LocalJobRunner --job "$JOB" \
      --parallelism "$p" --progress-interval 0 -- --lines "$LINES" --seed "$SEED" --run "$run" \
      > "$dir/embedded.out" 2> "$dir/embedded.err"; then
    summarize WEIR-W1-embedded "$run" "$p" "$dir/embedded.out" -- processes=1
  else
    echo "RESULT case=WEIR-W1-embedded p=$p check=FAIL (exit $?, see $dir)"
  fi
}

case_cluster() {
  local p=$1 dir=$2 run=$3 port tm status placed
  WEIR_JAVA_OPTS="$JM_JAVA_OPTS" "$WEIR" jobmanager --port 0 > "$dir/jm.out" 2> "$dir/jm.err" &
  PIDS+=($!)
  await_line "$dir/jm.out" 'JobManager listening on ' 1 60 || { stop_pids; echo "RESULT case=WEIR-W1-2TM p=$p check=FAIL (no JobManager)"; return; }
  port=$(sed -n 's/^JobManager listening on .*:\([0-9]*\)$/\1/p' "$dir/jm.out")
  for tm in 1 2; do
    WEIR_JAVA_OPTS="$JAVA_OPTS" "$WEIR" taskmanager --jobmanager "127.0.0.1:$port" --slots "$SLOTS" \
        > "$dir/tm$tm.out" 2> "$dir/tm$tm.err" &
    PIDS+=($!)
  done
  # both must have registered, or the JobManager would put every subtask into the first one
  await_line "$dir/jm.err" 'registered from' 2 120 || { stop_pids; echo "RESULT case=WEIR-W1-2TM p=$p check=FAIL (TaskManagers did not register)"; return; }
  status=0
  in_foreground timeout "$CASE_TIMEOUT" env WEIR_JAVA_OPTS="$JM_JAVA_OPTS" "$WEIR" submit --jobmanager "127.0.0.1:$port" \
      --parallelism "$p" --restart none "$RUN_DIR/w1.jar" "$JOB" -- --lines "$LINES" --seed "$SEED" --run "$run" \
      > "$dir/submit.out" 2>&1 || status=$?
  # where the subtasks ran: "started N subtask(s)" per TaskManager
  placed=$(for tm in 1 2; do sed -n "s/.*: started \([0-9]*\) subtask(s).*/\1/p" "$dir/tm$tm.err" | head -1; done | paste -sd+)
  stop_pids
  if (( status == 0 )); then
    summarize WEIR-W1-2TM "$run" "$p" "$dir/tm1.out" "$dir/tm2.out" -- processes=2 slots_per_tm="$SLOTS" subtasks_per_tm="${placed:-?}"
  else
    echo "RESULT case=WEIR-W1-2TM p=$p check=FAIL (submit exit $status, see $dir)"
  fi
}

case_w1() {
  local p=$1 dir=$2
  in_foreground timeout "$CASE_TIMEOUT" "$JAVA" $JAVA_OPTS -cp "$CP" io.weir.benchmarks.wordcount.WordCountBenchmark w1 \
      p="$p" words="$WORDS" seed="$SEED" > "$dir/w1.out" 2> "$dir/w1.err" || true
  grep '^RESULT' "$dir/w1.out" || echo "RESULT case=WEIR-W1-wordcount p=$p check=FAIL (see $dir)"
}

# run_kind KIND P: one case, its line annotated with the end time, the 1-minute load, others= (the
# most foreign Maven/surefire processes seen while it ran) and other_jvms= (the most foreign JVMs)
run_kind() {
  local kind=$1 p=$2 run dir line maven java
  run="$kind-p$p-r$rep-$STAMP"
  dir=$RUN_DIR/cases/$run
  mkdir -p "$dir"
  watch_start foreign_count foreign_java_count
  # not in $(...): the case's processes must be started by this shell, whose exit trap stops them
  "case_$kind" "$p" "$dir" "$run" > "$dir/result"
  line=$(cat "$dir/result")
  watch_stop
  read -r maven java <<< "$WATCHED"
  echo "$line at=$(date -u +%H:%M:%S) load1=$(load1) others=$maven other_jvms=$java" | tee -a "$OUT"
  cat "$dir"/*.err >> "$LOG" 2>/dev/null || true
}

{
  echo "# date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')  host: $(nproc) cpus, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "# java: $JAVA ($("$JAVA" -version 2>&1 | head -1)); tree at $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?');" \
       "jars built $(date -u -r "$(bench_jar)" '+%Y-%m-%d %H:%M UTC') (BUILD=1 rebuilds them)"
  echo "# JAVA_OPTS (embedded JVM, each TaskManager): $JAVA_OPTS; JM_JAVA_OPTS (JobManager, client): $JM_JAVA_OPTS"
  echo "# WORDS=$WORDS SEED=$SEED PARS='$PARS' REPS=$REPS CASES='$CASES' SLOTS=$SLOTS"
  echo "# load at start: $(cat /proc/loadavg); other Maven/test/java processes: $(pgrep -fa 'maven|surefire|java' | cut -c1-100 | tr '\n' ';' || true)"
} | tee -a "$OUT"

START=$(date +%s)
for ((rep = 1; rep <= REPS; rep++)); do
  for p in $PARS; do
    # alternate which runtime goes first, so neither always runs on a cooler machine
    if (( rep % 2 )); then order=$CASES; else order=$(echo "$CASES" | tr ' ' '\n' | tac | tr '\n' ' '); fi
    for kind in $order; do
      case $kind in
        embedded|cluster|w1) run_kind "$kind" "$p" ;;
        *) echo "unknown case $kind" >&2; exit 2 ;;
      esac
    done
  done
done
echo "# wall time: $(( $(date +%s) - START )) s; load at end: $(cat /proc/loadavg)" | tee -a "$OUT"

echo
echo "# median records/s (min-max) over the passes with check=OK; cluster/embedded: ratio of the medians at the same p"
awk '
  /^RESULT/ && / check=OK/ {
    c = ""; p = ""; r = ""
    for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "case") c = kv[2]; if (kv[1] == "p") p = kv[2]; if (kv[1] == "rec_per_s") r = kv[2] }
    key = c " p=" p; n[key]++; v[key, n[key]] = r; if (!(key in seen)) { seen[key] = 1; keys[++k] = key }
  }
  /^RESULT/ && !/ check=OK/ { failed++ }
  function median(key,   m, i, j, t, a) {
    m = n[key]; for (i = 1; i <= m; i++) a[i] = v[key, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    lo[key] = a[1]; hi[key] = a[m]
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    for (i = 1; i <= k; i++) { med[keys[i]] = median(keys[i]) }
    for (i = 1; i <= k; i++) {
      key = keys[i]; split(key, parts, " "); ratio = ""
      if (parts[1] == "WEIR-W1-2TM" && (("WEIR-W1-embedded " parts[2]) in med))
        ratio = sprintf("  cluster/embedded=%.2f", med[key] / med["WEIR-W1-embedded " parts[2]])
      printf "%-20s %-5s n=%d  %6.2f M/s (%.2f-%.2f)%s\n", parts[1], parts[2], n[key], med[key] / 1e6, lo[key] / 1e6, hi[key] / 1e6, ratio
    }
    if (failed) printf "# %d case(s) did not pass; see the RESULT lines\n", failed
  }' "$OUT" | tee -a "$OUT"
echo "# raw lines in $OUT, process logs in $LOG and $RUN_DIR/cases"
