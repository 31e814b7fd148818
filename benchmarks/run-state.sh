#!/usr/bin/env bash
# Keyed-state benchmarks (issue 3): the JMH KeyedStateBenchmark (every state kind, heap and
# RocksDB) and LargeStateSnapshots (about 1 GB of state: full and incremental snapshot time,
# bytes and task-thread pause), each in its own JVM. Builds the reactor's state, runtime and
# benchmarks classes from THIS tree (not ~/.m2) and runs on them, so it measures the checked-out code.
# Results: results/state-<UTC stamp>.txt (RESULT lines, JMH table) and results/jmh-state-<stamp>.csv.
#
# Environment knobs (defaults in brackets):
#   JAVA        java binary                        [$JAVA_HOME/bin/java or java on PATH]
#   JMH_OPTS    JMH run options                    [-f 1 -wi 2 -i 3 -w 1s -r 1s]
#   JMH_JVM     JVM flags of the JMH fork          [-Xms2g -Xmx2g -XX:+UseG1GC]
#   GB          state size of LargeStateSnapshots  [1]
#   BACKENDS    LargeStateSnapshots backends       [rocksdb heap]
#   LARGE_JVM   its JVM flags                      [-Xms8g -Xmx8g -XX:+UseG1GC]
#   DIR         its scratch directory              [/tmp/weir-large-state]
#   JMH, LARGE  1 runs that part                   [1, 1]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi
JMH_OPTS=${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1s -r 1s}
JMH_JVM=${JMH_JVM:--Xms2g -Xmx2g -XX:+UseG1GC}
GB=${GB:-1}
BACKENDS=${BACKENDS:-rocksdb heap}
LARGE_JVM=${LARGE_JVM:--Xms8g -Xmx8g -XX:+UseG1GC}
DIR=${DIR:-/tmp/weir-large-state}

(cd "$ROOT" && mvn -B -q -o -pl benchmarks -am compile -DskipTests -Dinvoker.skip \
  && mvn -B -q -o -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$PWD/benchmarks/target/state-cp.txt") >&2
# The Weir modules from this tree's target/classes instead of the jars in ~/.m2.
CP="target/classes:$(tr ':' '\n' < target/state-cp.txt | sed -E \
  -e "s#.*/weir-(runtime|state|annotations)-[^/]*\.jar#$ROOT/\1/target/classes#" | paste -sd: -)"

mkdir -p results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=results/state-$STAMP.txt
{
  echo "# date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')  host: $(nproc) cpus, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "# java: $("$JAVA" -version 2>&1 | head -1); commit: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "# other Maven/surefire processes at start: $(pgrep -f 'maven|surefire' | wc -l || true); load: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
if [[ ${LARGE:-1} == 1 ]]; then
  for backend in $BACKENDS; do
    echo "# LargeStateSnapshots backend=$backend gb=$GB, $LARGE_JVM, started $(date -u +%H:%M:%S)" | tee -a "$OUT"
    # shellcheck disable=SC2086
    "$JAVA" $LARGE_JVM -cp "$CP" io.weir.benchmarks.state.LargeStateSnapshots backend="$backend" gb="$GB" dir="$DIR" \
      2>&1 | tee -a "$OUT"
    echo "# ended $(date -u +%H:%M:%S); other Maven/surefire processes now: $(pgrep -f 'maven|surefire' | wc -l || true)" | tee -a "$OUT"
  done
fi
if [[ ${JMH:-1} == 1 ]]; then
  echo "# JMH KeyedStateBenchmark: $JMH_OPTS, fork with $JMH_JVM, started $(date -u +%H:%M:%S)" | tee -a "$OUT"
  # shellcheck disable=SC2086
  "$JAVA" -Xmx256m -cp "$CP" org.openjdk.jmh.Main 'micro.KeyedStateBenchmark' $JMH_OPTS -jvmArgs "$JMH_JVM" \
    -rf csv -rff "results/jmh-state-$STAMP.csv" 2>&1 | sed -n '/^Benchmark /,$p' | tee -a "$OUT"
  echo "# ended $(date -u +%H:%M:%S); other Maven/surefire processes now: $(pgrep -f 'maven|surefire' | wc -l || true)" | tee -a "$OUT"
fi
