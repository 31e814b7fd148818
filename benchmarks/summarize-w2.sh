#!/usr/bin/env bash
# Medians of the W1/W2 word-count RESULT lines of run-w2.sh (Weir's and the Flink anchor's) over
# one or more results files, with the ratios issues 5 and 7 ask for:
#   vs_w1     this row / the same side's W1 on the same backend and p (Weir heap W2: target >= 0.97;
#             Weir RocksDB W2: target >= 0.90; Flink has no RocksDB W1, so "-" there)
#   vs_flink  this Weir row / Flink's row of the same kind (W1 hashmap, W2 hashmap, W2 rocksdb) and p
#             (Weir RocksDB W2: target >= 3)
# Weir's RocksDB rows with record_cache_kb=0 are labelled rocksdb-nocache (the record cache off).
# ckpts: median completed checkpoints; busy: runs during which another JVM or Maven build ran (others>0).
# QUIET_ONLY=1 leaves the busy runs out.
# Usage: [QUIET_ONLY=1] ./summarize-w2.sh results/w2-*.results
set -euo pipefail
if [[ $# -eq 0 ]]; then set -- "$(dirname "$0")"/results/w2-*.results; fi
cat "$@" | grep '^RESULT case=' | awk -v quiet_only="${QUIET_ONLY:-0}" '
  function median(list,   n, i, j, t, a) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    mlo = a[1]; mhi = a[n]; mn = n
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(a, b) { return (b == "" || b == 0) ? "-" : sprintf("%.2f", a / b) }
  { delete v
    for (i = 2; i <= NF; i++) { eq = index($i, "="); if (eq > 0) v[substr($i, 1, eq - 1)] = substr($i, eq + 1) }
    if (v["case"] !~ /wordcount/) { if (v["check"] != "OK") failed[++failures] = $0; next }
    if (quiet_only == 1 && v["others"] + 0 > 0) next
    side = (v["case"] ~ /^WEIR-/) ? "weir" : "flink"
    kind = (v["case"] ~ /W2/) ? "W2" : "W1"
    backend = v["backend"]; sub(/\+.*/, "", backend)   # the anchor says e.g. "rocksdb+ckpt1s"
    if (backend == "hashmap") backend = "heap"
    if (v["record_cache_kb"] == "0") backend = backend "-nocache"
    if (v["snapshot"] == "INCREMENTAL") backend = backend "-incremental"
    key = side "|" kind "|" backend "|" v["p"]
    if (!(key in rates)) order[++keys] = key
    rates[key] = rates[key] " " (v["rec_per_s"] == "" ? 0 : v["rec_per_s"])
    ckpts[key] = ckpts[key] " " (v["checkpoints"] == "-" ? 0 : v["checkpoints"])
    ckms[key] = ckms[key] " " (v["ckpt_ms_median"] == "" ? 0 : v["ckpt_ms_median"])
    records[key] = v["records"]; label[key] = v["case"] " " backend
    if (v["check"] != "OK") bad[key] = 1
    if (v["others"] + 0 > 0) busy[key]++ }
  END {
    for (k = 1; k <= keys; k++) {
      key = order[k]; med[key] = median(rates[key]); lo[key] = mlo; hi[key] = mhi; n[key] = mn
      ck[key] = median(ckpts[key]); cms[key] = median(ckms[key])
    }
    printf "%-44s %2s %9s %2s %11s %11s %11s %6s %8s %6s %8s %5s %4s\n", "case backend", "p", "records", "n", "median_rec/s", "min", "max", "ckpts", "ckpt_ms", "vs_w1", "vs_flink", "check", "busy"
    for (k = 1; k <= keys; k++) {
      key = order[k]; split(key, f, "|")
      fb = f[3]; sub(/-incremental$/, "", fb)
      w1 = med[f[1] "|W1|" fb "|" f[4]]
      sub(/-nocache$/, "", fb)   # the record cache is Weir only: compare with the anchor plain RocksDB case
      flink = (f[1] == "weir") ? med["flink|" f[2] "|" fb "|" f[4]] : ""
      printf "%-44s %2s %9s %2d %11.0f %11.0f %11.0f %6s %8s %6s %8s %5s %4d\n", label[key], f[4], records[key], n[key],
        med[key], lo[key], hi[key], (f[2] == "W2" ? ck[key] : "-"), (f[2] == "W2" && f[1] == "weir" ? cms[key] : "-"),
        (f[2] == "W2" ? ratio(med[key], w1) : "-"), ratio(med[key], flink), (bad[key] ? "FAIL" : "OK"), busy[key]
    }
    for (i = 1; i <= failures; i++) print "# FAILED, left out: " failed[i]
  }'
