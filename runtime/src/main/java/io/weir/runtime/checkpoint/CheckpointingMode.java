package io.weir.runtime.checkpoint;

/** The guarantee a checkpoint gives for state after recovery. */
public enum CheckpointingMode {
  /**
   * Barriers are aligned (or recorded, when unaligned): every record before the cut is in the
   * state, none after it. After recovery, nothing is lost and nothing counted twice.
   */
  EXACTLY_ONCE,
  /**
   * Channels are not blocked while barriers align: records after the cut on a channel whose
   * barrier came early reach the state before the snapshot and are replayed after recovery.
   * Nothing is lost; some records may be counted twice. Cheaper under skew.
   */
  AT_LEAST_ONCE
}
