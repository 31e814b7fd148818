#!/usr/bin/env bash
# Post-GC heap occupancy over time from a unified GC log written with
#   -Xlog:gc*:file=FILE:uptime,level,tags   (JDK 17, G1)
# One row per pause: JVM uptime, kind, heap before -> after, and the region counts after it
# (survivor, old, humongous; 1 MiB regions with a 2 GiB heap). Then the post-GC heap at the
# pauses nearest to the marks (seconds of uptime, MARKS="10 30 60" by default) and its min/max
# over the pauses after FROM seconds (default 5), to show whether steady-state memory grows.
# Usage: [MARKS="10 30 60"] [FROM=5] [ROWS=1] ./summarize-gc.sh gc.log
set -euo pipefail
log=$1
awk -v marks="${MARKS:-10 30 60}" -v from="${FROM:-5}" -v rows="${ROWS:-0}" '
  function secs(s) { gsub(/[\[\]s]/, "", s); return s + 0 }
  / GC\([0-9]+\) (Survivor|Old|Humongous) regions: / {
    id = $0; sub(/.* GC\(/, "", id); sub(/\).*/, "", id)
    split($0, a, "->"); after = a[2]; sub(/\(.*/, "", after)
    if ($0 ~ /Survivor/) surv[id] = after + 0; else if ($0 ~ /Old/) old[id] = after + 0; else hum[id] = after + 0
  }
  /\[gc +\] GC\([0-9]+\) Pause / {
    id = $0; sub(/.* GC\(/, "", id); sub(/\).*/, "", id)
    t = secs($1)
    kind = $0; sub(/.*Pause /, "", kind); sub(/\) [0-9]+M->.*/, ")", kind)
    m = $0; match(m, /[0-9]+M->[0-9]+M\([0-9]+M\)/); hb = substr(m, RSTART, RLENGTH)
    split(hb, h, /M->|M\(/); before = h[1] + 0; postgc = h[2] + 0
    n++; T[n] = t; A[n] = postgc; O[n] = old[id]; S[n] = surv[id]; H[n] = hum[id]
    if (rows == 1) printf "%8.3f s  %-40s %5dM -> %4dM  survivor %3d  old %3d  humongous %3d regions\n", t, kind, before, postgc, surv[id], old[id], hum[id]
  }
  END {
    if (n == 0) { print "no GC pauses found"; exit }
    k = split(marks, mk, " ")
    printf "pauses: %d, from %.1f s to %.1f s of uptime\n", n, T[1], T[n]
    for (j = 1; j <= k; j++) {
      best = 1; for (i = 2; i <= n; i++) if ((T[i] - mk[j])^2 < (T[best] - mk[j])^2) best = i
      printf "  nearest to %3d s: pause at %7.3f s, heap after %4dM (survivor %d, old %d, humongous %d regions)\n", mk[j], T[best], A[best], S[best], O[best], H[best]
    }
    lo = 1e18; hi = -1; c = 0
    for (i = 1; i <= n; i++) if (T[i] >= from) { c++; if (A[i] < lo) lo = A[i]; if (A[i] > hi) hi = A[i]; if (O[i] > ohi) ohi = O[i] }
    if (c > 0) printf "  after %d s: %d pauses, post-GC heap min %dM max %dM, old regions max %d; last pause %dM\n", from, c, lo, hi, ohi, A[n]
  }' "$log"
