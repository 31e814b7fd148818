#!/usr/bin/env bash
# The whole benchmark suite of issue 7 in one run, Weir against the Apache Flink anchor
# (shared/anchors/flink-bench), interleaved case by case, every case in a fresh JVM with the
# anchor's flags:
#   1. W1 word count at p=1 and p=2 with both hand-written BASE loops, then the JMH
#      micro-benchmarks: serializers against Kryo and hand-written codecs, key groups, state (run.sh);
#   2. W2: W1 with a checkpoint every second, heap and RocksDB, beside W1 (run-w2.sh);
#   3. W3: the 1 s tumbling event-time window sum, with both BASE-window loops (run-w3.sh).
# Then one line per case: median records/s, the ratio to Flink's same case and to the hand-written
# loop of its side (summarize-suite.sh). Weir is built once, first, by this checkout's reactor,
# and every part runs from that private copy of the jars; measuring takes about 13 minutes on 2
# cores with the defaults.
#
# Environment knobs (defaults in brackets); each part's own knobs (JAVA, JAVA_OPTS, WORDS,
# ROCKS_WORDS, EVENTS, PARS, FLINK, JMH_OPTS, ...) pass through to it:
#   W1_REPS   passes of W1 and BASE         [2]
#   W2_REPS   passes of W2                  [1]
#   W3_REPS   passes of W3 and BASE-window  [1]
#   JMH       1 runs the micro-benchmarks   [1]
#   BUILD     1 rebuilds Weir first         [1]
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd .. && pwd)
W1_REPS=${W1_REPS:-2}
W2_REPS=${W2_REPS:-1}
W3_REPS=${W3_REPS:-1}
export BUILD=${BUILD:-1}
MVN=(nice -n 10 mvn -B -q -o)

# shellcheck source=weir-classpath.sh
source "$HERE/weir-classpath.sh"
WEIR_CP=$(weir_private_classpath suite)
export WEIR_CP
export BUILD=0 # built: the parts must not build again while measuring

newest() { ls -t results/$1-*.results 2>/dev/null | head -1; }
START=$(date +%s)
REPS=$W1_REPS ./run.sh
W1_OUT=$(newest run)
REPS=$W2_REPS CASES="w1 w2 w1-rocks w2-rocks" ./run-w2.sh
W2_OUT=$(newest w2)
REPS=$W3_REPS BACKENDS=heap ./run-w3.sh
W3_OUT=$(newest w3)
echo
echo "# suite: measured in $(( $(date +%s) - START )) s; results $W1_OUT $W2_OUT $W3_OUT"
echo "# one line per case: median records/s over the passes; vs_flink: / Flink's same case at the same p;"
echo "# vs_base: / the median hand-written loop of the same side (word count or window); n: passes"
./summarize-suite.sh "$W1_OUT" "$W2_OUT" "$W3_OUT"
