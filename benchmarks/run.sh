#!/usr/bin/env bash
# Weir benchmark suite. Builds what is missing or stale, then runs, each case in a fresh JVM:
#   1. W1 word count end to end: Weir on the embedded runtime and the Apache Flink anchor
#      (shared/anchors/flink-bench), INTERLEAVED case by case, plus both hand-written BASE loops;
#   2. the JMH micro-benchmarks (serializers, key groups, heap ValueState) and bytes per record.
# Prints one RESULT line per case as it ends, then a summary with medians over the passes and
# the ratios to Flink and to BASE. About 8 minutes with the defaults on 2 cores (REPS=5: about 11).
#
# Environment knobs (defaults in brackets):
#   JAVA          java binary                         [$JAVA_HOME/bin/java or java on PATH]
#   JAVA_OPTS     JVM flags of every case             [-Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch] (the anchor's)
#   WORDS         words per W1/BASE run               [40000000] (the anchor's)
#   SEED          generator seed                      [42]
#   PARS          parallelisms of W1                  ["1 2"]
#   REPS          passes over the end-to-end cases    [3]
#   CASES         subset of: base w1 w1-exchange      [base w1 w1-exchange]  (w1-exchange: Weir only, p=1)
#   FLINK         1 runs the Flink anchor's cases     [1]
#   JMH           1 runs the micro-benchmarks         [1]
#   JMH_OPTS      JMH run options                     [-f 1 -wi 3 -i 5 -w 1s -r 1s]
#   JMH_INCLUDE   JMH benchmark regexp                [io.weir.benchmarks.micro]
#   CASE_TIMEOUT  seconds per JVM before it is killed [240]
#   ANCHOR_SRC    the anchor's sources (read-only)    [/work/shared/anchors/flink-bench]
#   FLINK_DIR     where the anchor is copied to build [target/flink-anchor]
#   OFFLINE       1 builds with mvn -o                [1 if ~/.m2 already holds JMH, else 0]
#   BUILD         1 rebuilds weir-benchmarks first    [0: only when stale]
#   REACTOR       1 builds Weir's modules from THIS tree with -am (state, runtime, annotations),
#                 0 takes them from ~/.m2 as installed [1] (the processor always comes from ~/.m2)
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd .. && pwd)

if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch}
WORDS=${WORDS:-40000000}
SEED=${SEED:-42}
PARS=${PARS:-1 2}
REPS=${REPS:-3}
CASES=${CASES:-base w1 w1-exchange}
FLINK=${FLINK:-1}
JMH=${JMH:-1}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -i 5 -w 1s -r 1s}
JMH_INCLUDE=${JMH_INCLUDE:-io.weir.benchmarks.micro}
CASE_TIMEOUT=${CASE_TIMEOUT:-240}
ANCHOR_SRC=${ANCHOR_SRC:-/work/shared/anchors/flink-bench}
FLINK_DIR=${FLINK_DIR:-target/flink-anchor}
if [[ -z "${OFFLINE:-}" ]]; then
  if [[ -d ~/.m2/repository/org/openjdk/jmh/jmh-core ]]; then OFFLINE=1; else OFFLINE=0; fi
fi
REACTOR=${REACTOR:-1}
MVN=(mvn -B -q)
if [[ $OFFLINE == 1 ]]; then MVN+=(-o); fi
if [[ $REACTOR == 1 ]]; then
  # worktrees must not install into the shared ~/.m2: build the modules the suite runs on here
  BUILD_SCOPE=(-pl benchmarks -am -Dinvoker.skip)
  SOURCES_TO_WATCH=(../state/src ../state/pom.xml ../runtime/src ../runtime/pom.xml ../annotations/src)
else
  BUILD_SCOPE=(-pl benchmarks)
  SOURCES_TO_WATCH=(~/.m2/repository/io/weir)
fi

# ---- build (only what is missing or older than its sources)
# The runtime class path is a private copy (target/lib), so that a module reinstalled into ~/.m2
# while the suite runs cannot pull a jar from under a running JVM.
WEIR_STAMP=target/lib/.built
# rebuilt when its sources changed or a Weir module (processor, runtime, ...) was reinstalled since;
# never when the caller (suite.sh) passes the class path of a build of its own in WEIR_CP
if [[ -n ${WEIR_CP:-} ]]; then
  :
elif [[ ${BUILD:-0} == 1 || ! -f $WEIR_STAMP || ! -d target/classes/META-INF \
      || -n "$(find pom.xml src ../pom.xml ~/.m2/repository/io/weir/weir-processor "${SOURCES_TO_WATCH[@]}" -newer $WEIR_STAMP \( -name '*.jar' -o -name '*.java' -o -name '*.xml' -o -name '*.properties' \) -print -quit 2>/dev/null)" ]]; then
  echo "# building weir-benchmarks (REACTOR=$REACTOR: 1 = Weir's modules from this tree, 0 = from ~/.m2) ..." >&2
  rm -rf target/lib
  (cd "$ROOT" && "${MVN[@]}" "${BUILD_SCOPE[@]}" -DskipTests package dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$HERE/target/lib") >&2
  touch "$WEIR_STAMP"
fi
WEIR_CP=${WEIR_CP:-"target/classes:target/lib/*"}

# shellcheck source=flink-anchor.sh
source "$HERE/flink-anchor.sh"
FLINK_CP=
if [[ $FLINK == 1 ]]; then
  FLINK_CP=$(flink_anchor_classpath)
fi

mkdir -p results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=results/run-$STAMP.log
OUT=results/run-$STAMP.results
: > "$OUT"

# shellcheck source=bench-common.sh
source "$HERE/bench-common.sh"
# Our JVMs go unmarked: others= counts other people's Maven builds and tests only (the "busy" state);
# load1 also reflects any other busy process (forked test JVMs, compilers, other benchmarks).
CASE_MARK=
RESULT_FIELDS="steal_s at others load1"

weir()  { run_case "weir-$1" "$WEIR_CP" io.weir.benchmarks.wordcount.WordCountBenchmark "$@"; }
flink() { if [[ $FLINK == 1 ]]; then run_case "flink-$1" "$FLINK_CP" bench.Main "$@" ckptDir=/tmp/flink-bench-ckpt objectReuse=false; fi; }
# both, in an order that alternates between passes so that neither always runs first
pair() { if (( rep % 2 )); then flink "$@"; weir "$@"; else weir "$@"; flink "$@"; fi; }

# shellcheck disable=SC2086
{
  echo "# date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')  host: $(nproc) cpus, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "# java: $JAVA ($("$JAVA" -version 2>&1 | head -1))"
  echo "# JAVA_OPTS: $JAVA_OPTS"
  echo "# $("$JAVA" -cp "$WEIR_CP" io.weir.benchmarks.wordcount.WordCountBenchmark version 2>>"$LOG" | sed 's/^RESULT //')"
  if [[ $FLINK == 1 ]]; then echo "# $("$JAVA" -cp "$FLINK_CP" bench.Main version 2>>"$LOG" | sed 's/^RESULT //')"; fi
  echo "# WORDS=$WORDS SEED=$SEED PARS='$PARS' REPS=$REPS CASES='$CASES' FLINK=$FLINK JMH=$JMH"
  echo "# other Maven/test/java processes at start: $(pgrep -fa 'maven|surefire|java' | cut -c1-100 | tr '\n' ';' || true)"
  echo "# log: $LOG"
} | tee -a "$LOG"

START=$(date +%s)
for ((rep = 1; rep <= REPS; rep++)); do
  for c in $CASES; do
    case $c in
      base) pair base-wc words="$WORDS" ;;
      w1) for p in $PARS; do pair w1 p="$p" words="$WORDS"; done ;;
      w1-exchange) weir w1-exchange p=1 words="$WORDS" ;;
      *) echo "unknown case $c" >&2; exit 2 ;;
    esac
  done
done
rm -rf /tmp/flink-bench-ckpt
echo "# end-to-end wall time: $(( $(date +%s) - START )) s" | tee -a "$LOG"

echo
echo "# W1 summary over $REPS pass(es): median records/s (= words/s, first source record -> last sink end of input);"
echo "# vs_flink: / Flink's W1 median at the same p; vs_base: / the median of the BASE loop of the same side;"
echo "# busy: runs during which someone else's Maven build or test was running"
./summarize-w1.sh "$OUT"

if [[ $JMH == 1 ]]; then
  JMH_CSV=results/jmh-$STAMP.csv
  echo
  echo "# bytes per record (mean over the 1024 benchmark values)"
  "$JAVA" -cp "$WEIR_CP" io.weir.benchmarks.micro.RecordSizes | tee -a "$OUT"
  echo "# JMH: $JMH_OPTS, forks with $JAVA_OPTS" | tee -a "$LOG"
  watch_start
  # shellcheck disable=SC2086
  "$JAVA" -Xmx256m -Duser.language=en -Duser.country=US -cp "$WEIR_CP" org.openjdk.jmh.Main "$JMH_INCLUDE" $JMH_OPTS -jvmArgs "$JAVA_OPTS" \
      -rf csv -rff "$JMH_CSV" >>"$LOG" 2>&1 || echo "# JMH failed, see $LOG"
  watch_stop
  echo "# JMH ended $(date -u +%H:%M:%S); others=$WATCHED (most foreign Maven/surefire processes seen while it ran)" | tee -a "$OUT"
  if [[ -f $JMH_CSV ]]; then ./summarize-jmh.sh "$JMH_CSV"; fi
fi
echo "# total wall time: $(( $(date +%s) - START )) s; raw lines in $OUT, logs in $LOG" | tee -a "$LOG"
