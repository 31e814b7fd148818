#!/usr/bin/env bash
# One line per case over results files of run.sh, run-w2.sh and run-w3.sh: median records/s,
# the ratio to the Apache Flink anchor's same case at the same parallelism (Weir's heap is
# Flink's hashmap; W2's Flink backends carry "+ckpt1s") and to the hand-written loop of its own
# side (BASE-handwritten-wordcount for W1/W2, BASE-handwritten-window for W3); W2 rows also give
# the ratio to W1 on the same side, backend and parallelism (vs_w1), rows at p>1 the ratio to the
# same case at p=1 (vs_p1).
# Usage: ./summarize-suite.sh results/run-X.results results/w2-Y.results results/w3-Z.results
set -euo pipefail
cat "$@" | grep '^RESULT case=' | awk '
  function median(key,   n, i, j, t, a) {
    n = split(values[key], a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    count[key] = n
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(a, b) { return (b == "" || b + 0 == 0) ? "-" : sprintf("%.2f", a / b) }
  # the anchor case a Weir case is compared with
  function flinkKey(c, b, p,   fc, fb) {
    fc = c; sub(/^WEIR-/, "", fc)
    fb = b; sub(/^heap(-exchange)?$/, "hashmap", fb); sub(/^rocksdb.*$/, "rocksdb", fb)
    if (fc ~ /^W2-/) fb = fb "+ckpt1s"
    return fc "|" fb "|" p
  }
  { delete v
    for (i = 2; i <= NF; i++) { eq = index($i, "="); if (eq > 0) v[substr($i, 1, eq - 1)] = substr($i, eq + 1) }
    if (v["check"] != "OK") { failed[++failures] = $0; next }
    if (v["case"] !~ /wordcount|window/) next
    key = v["case"] "|" v["backend"] "|" v["p"]
    if (!(key in values)) order[++keys] = key
    values[key] = values[key] " " v["rec_per_s"] }
  END {
    for (k = 1; k <= keys; k++) med[order[k]] = median(order[k])
    printf "%-34s %-16s %2s %2s %13s %9s %8s %6s %6s\n", "case", "backend", "p", "n", "median_rec/s", "vs_flink", "vs_base", "vs_w1", "vs_p1"
    for (k = 1; k <= keys; k++) {
      key = order[k]; split(key, f, "|")
      weir = (f[1] ~ /^WEIR-/)
      loop = (f[1] ~ /window/) ? "BASE-handwritten-window" : "BASE-handwritten-wordcount"
      base = med[(weir ? "WEIR-" : "") loop "|none|1"]
      flink = (weir && f[1] !~ /BASE/) ? med[flinkKey(f[1], f[2], f[3])] : ""
      # W2 against W1 on the same side, backend and p (issue 7: W2 heap >= 0.97 of W1)
      w1 = ""
      if (f[1] ~ /W2-/) { w1c = f[1]; sub(/W2-wordcount-ckpt/, "W1-wordcount", w1c); w1b = f[2]; sub(/\+ckpt1s$/, "", w1b); w1 = med[w1c "|" w1b "|" f[3]] }
      p1 = (f[3] > 1) ? med[f[1] "|" f[2] "|1"] : "" # parallel scaling (issue 7: W1 p=2 >= 1.6x p=1)
      printf "%-34s %-16s %2s %2d %13.0f %9s %8s %6s %6s\n", f[1], f[2], f[3], count[key], med[key], ratio(med[key], flink),
        ratio(med[key], base), ratio(med[key], w1), ratio(med[key], p1)
    }
    for (i = 1; i <= failures; i++) print "# FAILED, left out: " failed[i]
  }'
