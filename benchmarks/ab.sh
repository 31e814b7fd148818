#!/usr/bin/env bash
# A/B of two builds of Weir on W1, interleaved in one time window (for a machine shared with other
# builds, where only ratios from the same window mean anything):
#
#   benchmarks/ab.sh OLD NEW          # OLD, NEW: directories holding a build's runtime jars (lib/*)
#
# Each pass runs BASE once, then every case with OLD and NEW back to back, the order of each pair
# alternating between passes. The benchmark classes (the driver and the W1 job) are this tree's
# target/classes for both sides, so only Weir's jars differ. Make a side with, e.g.:
#   git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -B -q -o -pl benchmarks -am -DskipTests \
#     -Dinvoker.skip package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/tmp/ab/old/lib)
# Prints one line per case and run; ab-summary.py turns them into per-pass ratios and medians.
# Knobs: REPS [5], WORDS [40000000], CASES ["w1 p=1|w1 p=2|w1-exchange p=1"], JAVA_OPTS (run.sh's).
set -euo pipefail
cd "$(dirname "$0")"
OLD=$1
NEW=$2
REPS=${REPS:-5}
WORDS=${WORDS:-40000000}
CASES=${CASES:-w1 p=1|w1 p=2|w1-exchange p=1}
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch}
[[ -d target/classes/META-INF ]] || { echo "build benchmarks first (run.sh builds it)" >&2; exit 2; }

# shellcheck disable=SC2086
run() { # SIDE-NAME LIB-DIR CASE-ARGS...
  local name=$1 lib=$2 line
  shift 2
  line=$(java $JAVA_OPTS -cp "target/classes:$lib/lib/*" io.weir.benchmarks.wordcount.WordCountBenchmark "$@" words="$WORDS" 2>&1 \
           | grep '^RESULT' | grep -o 'rec_per_s=[0-9]*\|check=[A-Z]*\|rec_per_cpu_s=[0-9]*' | tr '\n' ' ' || true)
  echo "$(date -u +%H:%M:%S) rep=$rep $name $* ${line:-check=FAIL} load=$(cut -d' ' -f1 /proc/loadavg)"
}
echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC') $(nproc) cpus; old=$OLD new=$NEW REPS=$REPS WORDS=$WORDS"
IFS='|' read -r -a cases <<< "$CASES"
for ((rep = 1; rep <= REPS; rep++)); do
  run new "$NEW" base-wc
  for c in "${cases[@]}"; do
    # shellcheck disable=SC2086
    if (( rep % 2 )); then run old "$OLD" $c; run new "$NEW" $c; else run new "$NEW" $c; run old "$OLD" $c; fi
  done
done
