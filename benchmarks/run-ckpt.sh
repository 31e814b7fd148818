#!/usr/bin/env bash
# Checkpoint benchmarks of issue 5 besides W2 (run-w2.sh), each run in fresh JVMs:
#   1. size: checkpoint duration against state size (CheckpointSizeBenchmark): keyed state of KEYS
#      keys on the heap and on RocksDB (full and incremental checkpoints); per run the median total,
#      sync and async duration, alignment, full and written (incremental) bytes of the checkpoints
#      triggered after the state was loaded;
#   2. kill: time from a TaskManager's SIGKILL to processing resumed (KillToResumeBenchmark): a
#      JobManager and TMS TaskManagers started with this tree's bin/weir, a checkpointed job, one
#      TaskManager killed, measured until every sink instance of the restarted attempt wrote a record.
# Prints the RESULT lines as the runs end and a summary (medians over KILL_REPS for the kill runs).
#
# Environment knobs (defaults in brackets):
#   JAVA           java binary                          [$JAVA_HOME/bin/java or java on PATH]
#   PARTS          subset of: size kill                 [size kill]
#   KEYS           state sizes in keys                  ["100000 1000000 5000000"]
#   VARIANTS       size variants: heap rocksdb rocksdb-incremental  [heap rocksdb rocksdb-incremental]
#   SIZE_P         parallelism of the size job          [1]
#   SIZE_INTERVAL  checkpoint interval (ms) of the size job [2000]
#   SIZE_AFTER     checkpoints measured per size run    [3]
#   SIZE_JAVA_OPTS JVM flags of a size run              [-Xms4g -Xmx4g -XX:+UseG1GC -XX:+AlwaysPreTouch]
#   KILL_REPS      kill-to-resume runs (fresh cluster each) [3]
#   TMS, SLOTS, KILL_P  TaskManagers, slots each, job parallelism [3, 1, 2]
#   RATE           lines/s per source instance (10 words each) [10000]
#   KILL_INTERVAL  checkpoint interval (ms) of the kill job [1000]
#   TM_JAVA_OPTS   JVM flags of each TaskManager        [-Xmx1g -XX:+UseG1GC]
#   JM_JAVA_OPTS   JVM flags of the JobManager          [-Xmx256m -XX:+UseSerialGC]
#   CASE_TIMEOUT   seconds per run before it is killed  [300]
#   BUILD          1 rebuilds distribution + benchmarks from this tree first [0: only when missing]
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd .. && pwd)

if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi
PARTS=${PARTS:-size kill}
KEYS=${KEYS:-100000 1000000 5000000}
VARIANTS=${VARIANTS:-heap rocksdb rocksdb-incremental}
SIZE_P=${SIZE_P:-1}
SIZE_INTERVAL=${SIZE_INTERVAL:-2000}
SIZE_AFTER=${SIZE_AFTER:-3}
SIZE_JAVA_OPTS=${SIZE_JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseG1GC -XX:+AlwaysPreTouch}
KILL_REPS=${KILL_REPS:-3}
TMS=${TMS:-3}
SLOTS=${SLOTS:-1}
KILL_P=${KILL_P:-2}
RATE=${RATE:-10000}
KILL_INTERVAL=${KILL_INTERVAL:-1000}
TM_JAVA_OPTS=${TM_JAVA_OPTS:--Xmx1g -XX:+UseG1GC}
JM_JAVA_OPTS=${JM_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
CASE_TIMEOUT=${CASE_TIMEOUT:-300}

# ---- build from this source tree (the reactor, processor included; never ~/.m2), then run from a
# private copy, so that a rebuild while the suite runs cannot pull a jar from under a running JVM
dist() { ls -d "$ROOT"/distribution/target/weir-*/weir-*/ 2>/dev/null | head -1; }
bench_jar() { ls "$HERE"/target/weir-benchmarks-*.jar 2>/dev/null | grep -v -e sources -e tests | head -1; }
if [[ ${BUILD:-0} == 1 || -z "$(dist)" || -z "$(bench_jar)" ]]; then
  echo "# building the distribution and weir-benchmarks from $ROOT ..." >&2
  (cd "$ROOT" && nice -n 10 mvn -B -q -o -pl processor,distribution,benchmarks -am package -DskipTests -Dinvoker.skip) >&2
fi
RUN_DIR=$HERE/target/ckpt-run
rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR"
cp -r "$(dist)" "$RUN_DIR/weir"
cp "$(bench_jar)" "$RUN_DIR/bench.jar"
CP="$RUN_DIR/bench.jar:$RUN_DIR/weir/lib/*"

mkdir -p results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=results/ckpt-$STAMP.log
OUT=results/ckpt-$STAMP.results
: > "$OUT"

# shellcheck source=bench-common.sh
source "$HERE/bench-common.sh"
# This run's processes carry the mark (the cluster processes inherit it), so others= counts every
# other java/Maven process (0 = quiet: the "busy" state).
CASE_MARK=WEIR_CKPT_RUN=$STAMP
RESULT_FIELDS="at load others"

# run MAIN OPTS ARGS...: one JVM (the driver) with the JVM flags OPTS; its CKPT lines and its RESULT
# line to $OUT
run() {
  local main=$1 opts=$2
  shift 2
  run_jvm "$opts" "$CP" "$main" "$@"
  grep '^CKPT' "$CASE_STDOUT" >> "$OUT" || true
  case_result "$main" "$*"
}

{
  echo "# date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')  host: $(nproc) cpus, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "# java: $JAVA ($("$JAVA" -version 2>&1 | head -1)); tree at $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?');" \
       "jars built $(date -u -r "$(bench_jar)" '+%Y-%m-%d %H:%M UTC') (BUILD=1 rebuilds them)"
  echo "# PARTS='$PARTS' KEYS='$KEYS' VARIANTS='$VARIANTS' SIZE_P=$SIZE_P SIZE_INTERVAL=$SIZE_INTERVAL SIZE_AFTER=$SIZE_AFTER SIZE_JAVA_OPTS='$SIZE_JAVA_OPTS'"
  echo "# KILL_REPS=$KILL_REPS TMS=$TMS SLOTS=$SLOTS KILL_P=$KILL_P RATE=$RATE KILL_INTERVAL=$KILL_INTERVAL TM_JAVA_OPTS='$TM_JAVA_OPTS' JM_JAVA_OPTS='$JM_JAVA_OPTS'"
  echo "# load at start: $(cat /proc/loadavg); other Maven/test/java processes: $(pgrep -fa 'maven|surefire|java' | cut -c1-80 | tr '\n' ';' || true)"
  echo "# log: $LOG"
} | tee -a "$OUT"

START=$(date +%s)
for part in $PARTS; do
  case $part in
    size)
      for keys in $KEYS; do
        for variant in $VARIANTS; do
          case $variant in
            heap) args=(backend=heap) ;;
            rocksdb) args=(backend=rocksdb snapshot=full) ;;
            rocksdb-incremental) args=(backend=rocksdb snapshot=incremental) ;;
            *) echo "unknown variant $variant" >&2; exit 2 ;;
          esac
          run io.weir.benchmarks.checkpoint.CheckpointSizeBenchmark "$SIZE_JAVA_OPTS" "${args[@]}" keys="$keys" p="$SIZE_P" \
              interval="$SIZE_INTERVAL" after="$SIZE_AFTER" ckptDir=/tmp/weir-ckpt-size timeout=$((CASE_TIMEOUT - 30))
          rm -rf /tmp/weir-ckpt-size
        done
      done ;;
    kill)
      for ((rep = 1; rep <= KILL_REPS; rep++)); do
        run io.weir.benchmarks.recovery.KillToResumeBenchmark "-Xmx256m -XX:+UseSerialGC" weir="$RUN_DIR/weir" \
            jar="$RUN_DIR/bench.jar" tms="$TMS" slots="$SLOTS" p="$KILL_P" rate="$RATE" interval="$KILL_INTERVAL" \
            tmOpts="$TM_JAVA_OPTS" jmOpts="$JM_JAVA_OPTS" runDir="$RUN_DIR/kill" ckptDir=/tmp/weir-kill-ckpt
      done ;;
    *) echo "unknown part $part" >&2; exit 2 ;;
  esac
done
echo "# wall time: $(( $(date +%s) - START )) s; load at end: $(cat /proc/loadavg)" | tee -a "$OUT"

echo
echo "# checkpoint duration against state size (medians over the checkpoints triggered after the load)"
awk '/^RESULT case=WEIR-CKPT-size/ {
    delete v; for (i = 2; i <= NF; i++) { eq = index($i, "="); if (eq > 0) v[substr($i, 1, eq - 1)] = substr($i, eq + 1) }
    if (!hdr++) printf "%-8s %-11s %9s %2s %7s %8s %7s %8s %6s %12s %12s %9s %12s %5s %6s\n", "backend", "snapshot", "keys", "p", "load_s", "total_ms", "sync_ms", "async_ms", "align", "state_MB", "written_MB", "1st_ms", "1st_writ_MB", "check", "others"
    printf "%-8s %-11s %9s %2s %7s %8s %7s %8s %6s %12.1f %12.2f %9s %12.2f %5s %6s\n", v["backend"], v["snapshot"], v["keys"], v["p"], v["load_s"],
      v["total_ms"], v["sync_ms"], v["async_ms"], v["align_ms"], v["state_bytes"] / 1048576, v["written_bytes"] / 1048576, v["first_total_ms"],
      v["first_written_bytes"] / 1048576, v["check"], v["others"] }' "$OUT" | tee -a "$OUT"
echo
echo "# kill-to-resume: ms from the SIGKILL (median (min-max) over the runs with check=OK)"
awk '/^RESULT case=WEIR-kill-to-resume/ {
    delete v; for (i = 2; i <= NF; i++) { eq = index($i, "="); if (eq > 0) v[substr($i, 1, eq - 1)] = substr($i, eq + 1) }
    if (v["check"] != "OK") { failed++; next }
    n++; lost[n] = v["jm_lost_ms"]; dep[n] = v["jm_deploy_ms"]; tms[n] = v["tm_started_ms"]; det[n] = v["detected_ms"]; run[n] = v["running_ms"]; fst[n] = v["first_record_ms"]; all[n] = v["all_sinks_ms"]; if (v["others"] + 0 > 0) busy++ }
  function med(a, n,   i, j, t, b) { for (i = 1; i <= n; i++) b[i] = a[i] + 0
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
    return sprintf("%s (%s-%s)", (n % 2) ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2, b[1], b[n]) }
  END { if (n) printf "runs=%d jm_lost_ms=%s jm_deploy_ms=%s tm_started_ms=%s detected_ms=%s running_ms=%s first_record_ms=%s all_sinks_ms=%s busy_runs=%d\n", n, med(lost, n), med(dep, n), med(tms, n), med(det, n), med(run, n), med(fst, n), med(all, n), busy
        if (failed) printf "# %d run(s) did not pass; see the RESULT lines\n", failed }' "$OUT" | tee -a "$OUT"
echo "# raw lines in $OUT, logs in $LOG, cluster process logs in $RUN_DIR/kill"
