#!/usr/bin/env bash
# Tabulates a JMH CSV written by run.sh: serializer ns/op per record and codec, with the generated
# Weir serializer's speed-up over Kryo and over the hand-written codec (time of the other / time
# of Weir: above 1 means Weir is faster), each score with JMH's 99.9% error, then the other
# benchmarks as they are.
# Usage: ./summarize-jmh.sh results/jmh-*.csv
set -euo pipefail
awk -F',' '
  function unq(s) { gsub(/"/, "", s); return s }
  { sub(/\r$/, "") }
  NR == 1 {
    for (i = 1; i <= NF; i++) { col[unq($i)] = i; if (unq($i) ~ /^Param: /) params[++np] = i }
    next
  }
  { name = unq($col["Benchmark"]); sub(/^io\.weir\.benchmarks\.micro\./, "", name)
    score = unq($col["Score"]) + 0; err = unq($col["Score Error (99.9%)"])
    if (name ~ /^SerializerBenchmark\./) {
      op = name; sub(/^SerializerBenchmark\./, "", op)
      r = unq($col["Param: record"]); c = unq($col["Param: codec"])
      ns[r "|" op "|" c] = score; er[r "|" op "|" c] = err + 0
      if (!((r "|" op) in seen)) { seen[r "|" op] = 1; rows[++n] = r "|" op }
    } else {
      # the parameters (e.g. the state backend) tell otherwise identical rows apart
      for (j = 1; j <= np; j++) {
        v = unq($params[j]); if (v != "") name = name " " v
      }
      other[++m] = sprintf("%-52s %8.2f ± %5.2f ns/op", name, score, err)
    }
  }
  function pm(key) { return (key in ns) ? sprintf("%.2f ± %.2f", ns[key], er[key]) : "-" }
  function speedup(other, weir) { return (other == "" || weir == 0) ? "-" : sprintf("%.2f", other / weir) }
  END {
    if (n > 0) {
      printf "%-9s %-12s %16s %16s %16s %10s %10s\n", "record", "op", "weir_ns", "kryo_ns", "hand_ns", "kryo/weir", "hand/weir"
      for (i = 1; i <= n; i++) {
        split(rows[i], k, "|"); w = ns[rows[i] "|weir"]; y = ns[rows[i] "|kryo"]; h = ns[rows[i] "|hand"]
        printf "%-9s %-12s %16s %16s %16s %10s %10s\n", k[1], k[2], pm(rows[i] "|weir"), pm(rows[i] "|kryo"), pm(rows[i] "|hand"), speedup(y, w), speedup(h, w)
      }
    }
    for (i = 1; i <= m; i++) print other[i]
  }' "$@"
