# Sourced by run.sh, run-w2.sh and run-w3.sh: the Apache Flink anchor (shared/anchors/flink-bench), copied to
# FLINK_DIR and built there, so that Weir's and Flink's cases can run interleaved in one session.
# Expects ANCHOR_SRC, FLINK_DIR and the MVN command array to be set by the caller.

# Copies the anchor when its sources changed, builds it when its jar or class path is missing, and
# prints the class path of its cases (build output goes to stderr).
flink_anchor_classpath() {
  if [[ ! -f $FLINK_DIR/pom.xml || -n "$(diff -rq "$ANCHOR_SRC/src" "$FLINK_DIR/src" 2>&1)" \
        || -n "$(diff -q "$ANCHOR_SRC/pom.xml" "$FLINK_DIR/pom.xml" 2>&1)" ]]; then
    echo "# copying the Flink anchor from $ANCHOR_SRC to $FLINK_DIR ..." >&2
    rm -rf "$FLINK_DIR" && mkdir -p "$FLINK_DIR"
    cp -r "$ANCHOR_SRC/pom.xml" "$ANCHOR_SRC/src" "$ANCHOR_SRC/summarize.sh" "$FLINK_DIR/"
  fi
  if [[ ! -f $FLINK_DIR/target/flink-bench-1.0.jar || ! -f $FLINK_DIR/target/classpath.txt ]]; then
    echo "# building the Flink anchor ..." >&2
    (cd "$FLINK_DIR" && "${MVN[@]}" -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) >&2
  fi
  echo "$FLINK_DIR/target/flink-bench-1.0.jar:$(cat "$FLINK_DIR/target/classpath.txt")"
}
