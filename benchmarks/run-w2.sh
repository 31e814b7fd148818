#!/usr/bin/env bash
# W2 (issue 7) / checkpoint throughput (issue 5): W1's word count with an exactly-once aligned
# checkpoint every second, on the heap and on RocksDB, against the same job without checkpoints,
# for Weir on the embedded runtime and the Apache Flink anchor (shared/anchors/flink-bench, cases
# w1, w2-heap, w2-rocks), INTERLEAVED case by case, each case in a fresh JVM with the anchor's
# flags. Prints one RESULT line per case (W2 lines carry checkpoints=<completed>), then medians and
# the ratios the issues ask for (summarize-w2.sh): W2/W1 per backend and Weir/Flink per case.
# About 2 minutes per pass with PARS=1 on 2 cores (4 with PARS="1 2").
#
# Environment knobs (defaults in brackets):
#   JAVA          java binary                         [$JAVA_HOME/bin/java or java on PATH]
#   JAVA_OPTS     JVM flags of every case             [-Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch] (the anchor's)
#   WORDS         words per heap run                  [40000000] (the anchor's)
#   ROCKS_WORDS   words per RocksDB run               [3500000] (the anchor's ROCKS_WORDS)
#   INTERVAL      checkpoint interval in ms           [1000]
#   SEED          generator seed                      [42]
#   PARS          parallelisms                        ["1 2"]
#   CASES         subset of: w1 w2 w1-rocks w2-rocks w2-rocks-inc w1-rocks-nocache w2-rocks-nocache
#                 [w1 w2 w1-rocks w2-rocks]
#                 w1: Weir w1 + Flink w1; w2: Weir w2 + Flink w2-heap; w1-rocks: Weir only (the
#                 anchor has no RocksDB case without checkpoints); w2-rocks: Weir (full snapshots,
#                 as Flink's default) + Flink w2-rocks; w2-rocks-inc: Weir with incremental ones;
#                 *-nocache: Weir's w1-rocks / w2-rocks with the RocksDB record cache off (cacheKB=0)
#   REPS          passes                              [3]
#   FLINK         1 runs the Flink anchor's cases     [1]
#   CASE_TIMEOUT  seconds per JVM before it is killed [300]
#   CKPT_DIR      Weir's checkpoint root (emptied after every case) [/tmp/weir-bench-ckpt]
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
WORDS=${WORDS:-40000000}
ROCKS_WORDS=${ROCKS_WORDS:-3500000}
INTERVAL=${INTERVAL:-1000}
SEED=${SEED:-42}
PARS=${PARS:-1 2}
CASES=${CASES:-w1 w2 w1-rocks w2-rocks}
REPS=${REPS:-3}
FLINK=${FLINK:-1}
CASE_TIMEOUT=${CASE_TIMEOUT:-300}
CKPT_DIR=${CKPT_DIR:-/tmp/weir-bench-ckpt}
ANCHOR_SRC=${ANCHOR_SRC:-/work/shared/anchors/flink-bench}
FLINK_DIR=${FLINK_DIR:-target/flink-anchor}
MVN=(nice -n 10 mvn -B -q -o)
if (( INTERVAL != 1000 )) && [[ $FLINK == 1 ]]; then
  echo "# note: the anchor always checkpoints every 1000 ms; INTERVAL=$INTERVAL changes Weir's only" >&2
fi

# ---- Weir: this tree's reactor build, run from a private copy of its jars (target/w2lib).
# shellcheck source=weir-classpath.sh
source "$HERE/weir-classpath.sh"
WEIR_CP=${WEIR_CP:-$(weir_private_classpath w2)}  # suite.sh passes one shared build

# shellcheck source=flink-anchor.sh
source "$HERE/flink-anchor.sh"
FLINK_CP=
if [[ $FLINK == 1 ]]; then
  FLINK_CP=$(flink_anchor_classpath)
fi

mkdir -p results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=results/w2-$STAMP.log
OUT=results/w2-$STAMP.results
: > "$OUT"

# shellcheck source=bench-common.sh
source "$HERE/bench-common.sh"
# Our timeout and JVM carry the mark, so others= counts every other java/Maven process: other
# people's builds and tests and other benchmarks (0 = nobody else was running a JVM).
CASE_MARK=WEIR_W2_CASE=$STAMP
RESULT_FIELDS="steal_s at load others"

weir()  { run_case "weir-$1" "$WEIR_CP" io.weir.benchmarks.wordcount.WordCountBenchmark "$@" interval="$INTERVAL" ckptDir="$CKPT_DIR"; rm -rf "$CKPT_DIR"; }
flink() { if [[ $FLINK == 1 ]]; then run_case "flink-$1" "$FLINK_CP" bench.Main "$@" ckptDir=/tmp/flink-bench-ckpt objectReuse=false; rm -rf /tmp/flink-bench-ckpt; fi; }
# pair WEIR_CASE FLINK_CASE ARGS...: both, Weir first in odd passes and Flink first in even ones
pair() {
  local w=$1 f=$2
  shift 2
  if (( rep % 2 )); then weir "$w" "$@"; flink "$f" "$@"; else flink "$f" "$@"; weir "$w" "$@"; fi
}

{
  echo "# date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')  host: $(nproc) cpus, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "# java: $JAVA ($("$JAVA" -version 2>&1 | head -1))"
  echo "# JAVA_OPTS: $JAVA_OPTS"
  echo "# weir: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?') ($ROOT)"
  if [[ $FLINK == 1 ]]; then echo "# $("$JAVA" -cp "$FLINK_CP" bench.Main version 2>>"$LOG" | sed 's/^RESULT //')"; fi
  echo "# WORDS=$WORDS ROCKS_WORDS=$ROCKS_WORDS INTERVAL=$INTERVAL SEED=$SEED PARS='$PARS' CASES='$CASES' REPS=$REPS FLINK=$FLINK"
  echo "# load at start: $(cat /proc/loadavg); other java/Maven processes: $(pgrep -fa 'maven|surefire|java' | cut -c1-80 | tr '\n' ';' || true)"
  echo "# log: $LOG"
} | tee -a "$OUT"

sleep 2 # let the header's JVMs finish exiting, so the first case does not count them as others
START=$(date +%s)
for ((rep = 1; rep <= REPS; rep++)); do
  for p in $PARS; do
    for c in $CASES; do
      case $c in
        w1) pair w1 w1 p="$p" words="$WORDS" ;;
        w2) pair w2 w2-heap p="$p" words="$WORDS" ;;
        w1-rocks) weir w1-rocks p="$p" words="$ROCKS_WORDS" ;;
        w2-rocks) pair w2-rocks w2-rocks p="$p" words="$ROCKS_WORDS" ;;
        w2-rocks-inc) weir w2-rocks p="$p" words="$ROCKS_WORDS" snapshot=incremental ;;
        w1-rocks-nocache) weir w1-rocks p="$p" words="$ROCKS_WORDS" cacheKB=0 ;;
        w2-rocks-nocache) weir w2-rocks p="$p" words="$ROCKS_WORDS" cacheKB=0 ;;
        *) echo "unknown case $c" >&2; exit 2 ;;
      esac
    done
  done
done
echo "# wall time: $(( $(date +%s) - START )) s" | tee -a "$OUT"
echo
./summarize-w2.sh "$OUT"
