# Sourced by run.sh, run-w2.sh, run-w3.sh, run-ckpt.sh and run-cluster.sh: one fresh JVM per case,
# a watch on other people's processes while it runs, and the fields its RESULT line gets.
# Expects, set by the caller (set -u catches a missing one):
#   LOG, OUT          the run's log and results files; JAVA, CASE_TIMEOUT (run_jvm, run_case)
#   CASE_MARK         NAME=VALUE put into the environment of the case's processes (inherited by any
#                     they start), or empty; see foreign_count
#   RESULT_FIELDS     the fields appended to each RESULT line, in order, from: steal_s at load load1
#                     others (the summaries and docs/benchmarks.md parse them, so the order is fixed
#                     per script)

HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
WATCH_PID=

# Ticks the hypervisor stole from this VM so far (the 8th value of /proc/stat's cpu line).
steal_ticks() { awk '/^cpu /{print $9; exit}' /proc/stat 2>/dev/null || echo 0; }

# Other people's processes now. Without CASE_MARK only Maven builds and tests, told by their command
# lines (our JVMs name neither maven nor surefire); with it every java/Maven process but ours.
foreign_count() {
  if [[ -z $CASE_MARK ]]; then
    pgrep -f 'maven|surefire' | wc -l || true  # pgrep fails when it finds none
    return
  fi
  local n=0 p
  for p in $(pgrep -f 'maven|surefire|java' || true); do
    # 2>/dev/null first: a process gone or not ours must not print an error (it counts as foreign)
    tr '\0' '\n' 2>/dev/null < "/proc/$p/environ" | grep -qxF "$CASE_MARK" || n=$((n + 1))
  done
  echo "$n"
}

# watch_foreign FILE COUNTER...: samples each counter every second until killed, keeping their
# maxima, space-separated, in FILE (rewritten only when one grows, so a kill never leaves it empty).
watch_foreign() {
  local file=$1 i n grew max=()
  shift
  for ((i = 1; i <= $#; i++)); do max[i]=0; done
  while true; do
    grew=0
    for ((i = 1; i <= $#; i++)); do
      n=$("${!i}")
      if (( n > max[i] )); then max[i]=$n; grew=1; fi
    done
    if (( grew )); then echo "${max[*]}" > "$file"; fi
    sleep 1
  done
}

# watch_start [COUNTER...]: watch_foreign in the background (foreign_count by default);
# watch_stop ends it and leaves the maxima in WATCHED. WATCH_PID is there for an exit trap.
watch_start() {
  (( $# )) || set -- foreign_count
  WATCH_FILE=$(mktemp)
  local zeros=() _
  for _ in "$@"; do zeros+=(0); done
  echo "${zeros[*]}" > "$WATCH_FILE"
  watch_foreign "$WATCH_FILE" "$@" & WATCH_PID=$!
}
watch_stop() {
  kill "$WATCH_PID" 2>/dev/null || true; wait "$WATCH_PID" 2>/dev/null || true
  WATCH_PID=
  WATCHED=$(cat "$WATCH_FILE")
  rm -f "$WATCH_FILE"
}

# run_jvm OPTS CLASSPATH MAIN ARGS...: one fresh JVM, marked with CASE_MARK and killed after
# CASE_TIMEOUT s, while foreign_count is watched. Leaves its stdout in the file CASE_STDOUT (also
# appended to LOG, stderr goes there directly), the seconds stolen in CASE_STEAL_S and the most
# foreign processes seen in CASE_OTHERS; case_result reports it.
# shellcheck disable=SC2086
run_jvm() {
  local opts=$1 cp=$2 main=$3 s0
  shift 3
  # OPTS unquoted: JVM flags, one word each
  CASE_STDOUT=$(mktemp)
  watch_start
  s0=$(steal_ticks)
  env ${CASE_MARK:+"$CASE_MARK"} timeout "$CASE_TIMEOUT" "$JAVA" $opts -cp "$cp" "$main" "$@" \
      >"$CASE_STDOUT" 2>>"$LOG" || true
  CASE_STEAL_S=$(awk -v a="$s0" -v b="$(steal_ticks)" -v hz="$HZ" 'BEGIN{printf "%.2f", (b-a)/hz}')
  watch_stop
  CASE_OTHERS=$WATCHED
  cat "$CASE_STDOUT" >> "$LOG"
}

# case_result LABEL ARGS: the last run_jvm's RESULT line (a FAIL line naming LABEL and ARGS when it
# printed none) with RESULT_FIELDS appended, to stdout and OUT.
case_result() {
  local label=$1 args=$2 line field
  line=$(grep '^RESULT' "$CASE_STDOUT" || true)
  if [[ -z $line ]]; then
    line="RESULT case=$label args=$args check=FAIL (no result: crashed or timed out, see $LOG)"
  fi
  for field in $RESULT_FIELDS; do
    case $field in
      steal_s) line+=" steal_s=$CASE_STEAL_S" ;;
      at) line+=" at=$(date -u +%H:%M:%S)" ;;
      load|load1) line+=" $field=$(cut -d' ' -f1 /proc/loadavg)" ;;  # the 1-minute load average
      others) line+=" others=$CASE_OTHERS" ;;
      *) echo "unknown RESULT field $field" >&2; return 2 ;;
    esac
  done
  echo "$line" | tee -a "$OUT"
  rm -f "$CASE_STDOUT"
}

# run_case LABEL CLASSPATH MAIN ARGS...: run_jvm with JAVA_OPTS and seed=SEED after ARGS, reported.
run_case() {
  local label=$1 cp=$2 main=$3
  shift 3
  run_jvm "$JAVA_OPTS" "$cp" "$main" "$@" seed="$SEED"
  case_result "$label" "$*"
}
