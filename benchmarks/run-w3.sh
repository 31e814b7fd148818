#!/usr/bin/env bash
# W3 (1 s tumbling event-time window sum over 10,000 keys) end to end: Weir on the embedded runtime
# (heap and RocksDB) and the Apache Flink anchor's W3 (shared/anchors/flink-bench), INTERLEAVED case
# by case, plus both hand-written BASE-window loops; each case in a fresh JVM with the anchor's
# flags. Prints one RESULT line per case, then medians with the ratios to Flink and to BASE-window
# (summarize-w3.sh). About 5 minutes per pass on 2 cores.
#
# Environment knobs (defaults in brackets):
#   JAVA          java binary                         [$JAVA_HOME/bin/java or java on PATH]
#   JAVA_OPTS     JVM flags of every case             [-Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch] (the anchor's)
#   EVENTS        events per W3/BASE-window run       [18000000] (the anchor's)
#   ROCKS_EVENTS  events per Weir RocksDB run         [3000000] (about 10x slower than heap)
#   SEED          generator seed                      [42]
#   PARS          parallelisms                        ["1 2"]
#   BACKENDS      Weir variants                       ["heap heap-exchange rocksdb"]
#                 (heap-exchange: p=1 only, the keyed exchange kept instead of chaining into one thread)
#   REPS          passes                              [3]
#   FLINK         1 runs the Flink anchor's cases     [1]
#   BASE          1 runs both BASE-window loops       [1]
#   CASE_TIMEOUT  seconds per JVM before it is killed [300]
#   ANCHOR_SRC    the anchor's sources (read-only)    [/work/shared/anchors/flink-bench]
#   FLINK_DIR     where the anchor is copied to build [target/flink-anchor] (shared with run.sh)
#   BUILD         1 builds Weir first with the reactor of this checkout [0: only when never built]
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd .. && pwd)

if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch}
EVENTS=${EVENTS:-18000000}
ROCKS_EVENTS=${ROCKS_EVENTS:-3000000}
SEED=${SEED:-42}
PARS=${PARS:-1 2}
BACKENDS=${BACKENDS:-heap heap-exchange rocksdb}
REPS=${REPS:-3}
FLINK=${FLINK:-1}
BASE=${BASE:-1}
CASE_TIMEOUT=${CASE_TIMEOUT:-300}
ANCHOR_SRC=${ANCHOR_SRC:-/work/shared/anchors/flink-bench}
FLINK_DIR=${FLINK_DIR:-target/flink-anchor}
MVN=(nice -n 10 mvn -B -q -o)

# ---- Weir: this tree's reactor build, run from a private copy of its jars (target/w3lib).
# shellcheck source=weir-classpath.sh
source "$HERE/weir-classpath.sh"
WEIR_CP=${WEIR_CP:-$(weir_private_classpath w3)}  # suite.sh passes one shared build

# shellcheck source=flink-anchor.sh
source "$HERE/flink-anchor.sh"
FLINK_CP=
if [[ $FLINK == 1 ]]; then
  FLINK_CP=$(flink_anchor_classpath)
fi

mkdir -p results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=results/w3-$STAMP.log
OUT=results/w3-$STAMP.results
: > "$OUT"

# shellcheck source=bench-common.sh
source "$HERE/bench-common.sh"
# Our timeout and JVM carry the mark, so others= counts every other java/Maven process: other
# people's builds and tests and other benchmarks (0 = nobody else was running a JVM).
CASE_MARK=WEIR_W3_CASE=$STAMP
RESULT_FIELDS="steal_s at load others"

weir()  { run_case "weir-$1" "$WEIR_CP" io.weir.benchmarks.window.WindowBenchmark "$@"; }
flink() { if [[ $FLINK == 1 ]]; then run_case "flink-$1" "$FLINK_CP" bench.Main "$@" ckptDir=/tmp/flink-bench-ckpt objectReuse=false; fi; }

{
  echo "# date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')  host: $(nproc) cpus, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "# java: $JAVA ($("$JAVA" -version 2>&1 | head -1))"
  echo "# JAVA_OPTS: $JAVA_OPTS"
  echo "# weir: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?') ($ROOT)"
  if [[ $FLINK == 1 ]]; then echo "# $("$JAVA" -cp "$FLINK_CP" bench.Main version 2>>"$LOG" | sed 's/^RESULT //')"; fi
  echo "# EVENTS=$EVENTS ROCKS_EVENTS=$ROCKS_EVENTS SEED=$SEED PARS='$PARS' BACKENDS='$BACKENDS' REPS=$REPS FLINK=$FLINK BASE=$BASE"
  echo "# load at start: $(cat /proc/loadavg); other java/Maven processes: $(pgrep -fa 'maven|surefire|java' | cut -c1-80 | tr '\n' ';' || true)"
  echo "# log: $LOG"
} | tee -a "$OUT"

sleep 2 # let the header's JVMs finish exiting, so the first case does not count them as others
START=$(date +%s)
for ((rep = 1; rep <= REPS; rep++)); do
  # Weir first in odd passes, Flink first in even ones
  if [[ $BASE == 1 ]]; then
    if (( rep % 2 )); then weir base-win events="$EVENTS"; flink base-win events="$EVENTS";
    else flink base-win events="$EVENTS"; weir base-win events="$EVENTS"; fi
  fi
  for p in $PARS; do
    if (( rep % 2 == 0 )); then flink w3 p="$p" events="$EVENTS"; fi
    for backend in $BACKENDS; do
      case $backend in
        heap) weir w3 p="$p" events="$EVENTS" backend=heap ;;
        heap-exchange) if [[ $p == 1 ]]; then weir w3 p=1 events="$EVENTS" backend=heap exchange=true; fi ;;
        rocksdb) weir w3 p="$p" events="$ROCKS_EVENTS" backend=rocksdb ;;
        *) echo "unknown backend $backend" >&2; exit 2 ;;
      esac
    done
    if (( rep % 2 )); then flink w3 p="$p" events="$EVENTS"; fi
  done
done
echo "# wall time: $(( $(date +%s) - START )) s" | tee -a "$OUT"
echo
./summarize-w3.sh "$OUT"
