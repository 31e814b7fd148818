#!/usr/bin/env bash
# Medians of the W1 word-count RESULT lines (Weir's and the Flink anchor's) over one or more
# results files, with each row's ratio to Flink's W1 at the same parallelism and to the BASE loop
# of its own side (Weir's loop uses Weir's generator, Flink's the anchor's).
# QUIET_ONLY=1 leaves out the runs during which someone else's build or test ran (others>0).
# Usage: [QUIET_ONLY=1] ./summarize-w1.sh results/run-*.results
set -euo pipefail
if [[ $# -eq 0 ]]; then set -- "$(dirname "$0")"/results/*.results; fi
cat "$@" | grep '^RESULT case=' | awk -v quiet_only="${QUIET_ONLY:-0}" '
  function median(key,   n, i, j, t, a) {
    n = split(values[key], a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    lo[key] = a[1]; hi[key] = a[n]; count[key] = n
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(a, b) { return (b == "" || b == 0) ? "-" : sprintf("%.2f", a / b) }
  { delete v
    for (i = 2; i <= NF; i++) { eq = index($i, "="); if (eq > 0) v[substr($i, 1, eq - 1)] = substr($i, eq + 1) }
    if (v["check"] != "OK" && v["case"] !~ /wordcount/) { failed[++failures] = $0; next }  # a crashed or timed-out case
    if (v["case"] !~ /wordcount/) next
    if (quiet_only == 1 && v["others"] + 0 > 0) next
    key = v["case"] "|" v["backend"] "|" v["p"]
    if (!(key in values)) order[++keys] = key
    values[key] = values[key] " " (v["rec_per_s"] == "" ? 0 : v["rec_per_s"])
    records[key] = v["records"]
    if (v["check"] != "OK") bad[key] = 1
    if (v["others"] + 0 > 0) busy[key]++ }
  END {
    for (k = 1; k <= keys; k++) med[order[k]] = median(order[k])
    printf "%-32s %-14s %2s %10s %2s %12s %12s %12s %8s %8s %5s %4s\n", "case", "backend", "p", "records", "n", "median_rec/s", "min", "max", "vs_flink", "vs_base", "check", "busy"
    for (k = 1; k <= keys; k++) {
      key = order[k]; split(key, f, "|")
      weir = (f[1] ~ /^WEIR-/)
      base = weir ? med["WEIR-BASE-handwritten-wordcount|none|1"] : med["BASE-handwritten-wordcount|none|1"]
      flink = (f[1] ~ /BASE/) ? med["BASE-handwritten-wordcount|none|1"] : med["W1-wordcount|hashmap|" f[3]]
      printf "%-32s %-14s %2s %10s %2d %12.0f %12.0f %12.0f %8s %8s %5s %4d\n", f[1], f[2], f[3], records[key], count[key],
        med[key], lo[key], hi[key], ratio(med[key], flink), ratio(med[key], base), (bad[key] ? "FAIL" : "OK"), busy[key]
    }
    for (i = 1; i <= failures; i++) print "# FAILED, left out: " failed[i]
  }'
