#!/usr/bin/env python3
"""Summarizes ab.sh output: per case, the new/old ratio of records/s and of records per CPU second
in each pass, their medians, and each side's ratio to BASE of the same pass.
Usage: benchmarks/ab-summary.py AB-OUTPUT-FILE ["window N"]  (the second argument picks one "# window N," block)"""
import sys, re, statistics, collections
old, new = "old", "new"
d = collections.defaultdict(dict)  # (case) -> {(variant, rep): (rps, cpu)}
loads = []
window = sys.argv[2] if len(sys.argv) > 2 else None  # e.g. "window 3": only lines after that header
inside = window is None
for line in open(sys.argv[1]):
    if line.startswith('#') and window is not None:
        inside = line.startswith('# ' + window + ',')
        continue
    if not inside: continue
    m = re.match(r'\S+ rep=(\d+) (\S+) (.*?) (?:words=\d+ )?rec_per_s=(\d+) check=(\w+) rec_per_cpu_s=(\d+)\s+load=([\d.]+)', line)
    if not m: continue
    rep, v, case, rps, chk, cpu, load = int(m[1]), m[2], m[3].strip(), int(m[4]), m[5], int(m[6]), float(m[7])
    assert chk == 'OK', line
    d[case][(v, rep)] = (rps, cpu); loads.append(load)
print(f"load1 during the runs: min {min(loads)} median {statistics.median(loads)} max {max(loads)}")
base = {rep: val for (v, rep), val in d['base-wc'].items()}
print(f"BASE: rec/s median {statistics.median(x[0] for x in base.values())/1e6:.2f} M (" + ' '.join(f"{x[0]/1e6:.2f}" for _, x in sorted(base.items())) + ")")
for case in [c for c in d if c != 'base-wc']:
    reps = sorted({r for (v, r) in d[case] if (old, r) in d[case] and (new, r) in d[case]})
    o = [d[case][(old, r)] for r in reps]; n = [d[case][(new, r)] for r in reps]
    rr = [b[0] / a[0] for a, b in zip(o, n)]; rc = [b[1] / a[1] for a, b in zip(o, n)]
    ob = [d[case][(old, r)][0] / base[r][0] for r in reps if r in base]; nb = [d[case][(new, r)][0] / base[r][0] for r in reps if r in base]
    print(f"{case}: old {statistics.median(x[0] for x in o)/1e6:.2f} M ({' '.join(f'{x[0]/1e6:.2f}' for x in o)})  new {statistics.median(x[0] for x in n)/1e6:.2f} M ({' '.join(f'{x[0]/1e6:.2f}' for x in n)})")
    print(f"   new/old rec/s per pass {' '.join(f'{x:.2f}' for x in rr)} median {statistics.median(rr):.2f};  rec/cpu-s per pass {' '.join(f'{x:.2f}' for x in rc)} median {statistics.median(rc):.2f}")
    print(f"   vs BASE (same pass): old median {statistics.median(ob):.2f}, new median {statistics.median(nb):.2f}")
