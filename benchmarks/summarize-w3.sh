#!/usr/bin/env bash
# Medians of the W3 window RESULT lines (Weir's and the Flink anchor's) over one or more results
# files: records/s (= input events/s, first source record -> last sink end of input), events/s
# per core, the ratio to Flink's W3 at the same p and to the BASE-window loop of the same side.
# Cores: the cores the case's busy threads can use on this machine (min(nproc, threads)): Weir p=1
# runs source and window chained in one thread (1; heap-exchange: 2), Flink p=1 runs its source and window tasks in
# two (2), p=2 uses both cores on either side, a BASE loop one.
# QUIET_ONLY=1 leaves out the cases during which another java or Maven process ran (others>0).
# Usage: [QUIET_ONLY=1] ./summarize-w3.sh results/w3-*.results
set -euo pipefail
if [[ $# -eq 0 ]]; then set -- "$(dirname "$0")"/results/w3-*.results; fi
cat "$@" | grep '^RESULT case=' | awk -v quiet_only="${QUIET_ONLY:-0}" -v ncpu="$(nproc)" '
  function median(key,   n, i, j, t, a) {
    n = split(values[key], a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    lo[key] = a[1]; hi[key] = a[n]; count[key] = n
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(a, b) { return (b == "" || b == 0) ? "-" : sprintf("%.2f", a / b) }
  function cores(name, backend, p,   threads) {
    if (name ~ /BASE/) threads = 1; else if (name ~ /^WEIR-/ && p == 1 && backend !~ /exchange/) threads = 1; else threads = 2 * p
    return threads < ncpu ? threads : ncpu
  }
  { delete v
    for (i = 2; i <= NF; i++) { eq = index($i, "="); if (eq > 0) v[substr($i, 1, eq - 1)] = substr($i, eq + 1) }
    if (v["case"] !~ /window/) next
    if (v["check"] != "OK") { failed[++failures] = $0; next }
    if (quiet_only == 1 && v["others"] + 0 > 0) next
    key = v["case"] "|" v["backend"] "|" v["p"]
    if (!(key in values)) order[++keys] = key
    values[key] = values[key] " " v["rec_per_s"]
    if (v["others"] + 0 > 0) busy[key]++ }
  END {
    for (k = 1; k <= keys; k++) med[order[k]] = median(order[k])
    printf "%-30s %-14s %2s %2s %12s %11s %11s %5s %12s %8s %8s %4s\n", "case", "backend", "p", "n", "median_ev/s", "min", "max", "cores", "ev/s/core", "vs_flink", "vs_base", "busy"
    for (k = 1; k <= keys; k++) {
      key = order[k]; split(key, f, "|")
      base = (f[1] ~ /^WEIR-/) ? med["WEIR-BASE-handwritten-window|none|1"] : med["BASE-handwritten-window|none|1"]
      flink = (f[1] ~ /BASE/) ? med["BASE-handwritten-window|none|1"] : med["W3-window|hashmap|" f[3]]
      c = cores(f[1], f[2], f[3])
      printf "%-30s %-14s %2s %2d %12.0f %11.0f %11.0f %5d %12.0f %8s %8s %4d\n", f[1], f[2], f[3], count[key],
        med[key], lo[key], hi[key], c, med[key] / c, ratio(med[key], flink), ratio(med[key], base), busy[key]
    }
    for (i = 1; i <= failures; i++) print "# FAILED, left out: " failed[i]
  }'
