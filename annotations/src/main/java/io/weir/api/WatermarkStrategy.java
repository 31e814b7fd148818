package io.weir.api;

/** How a source's watermark follows the timestamps of the records it emits; see {@link EventTime}. */
public enum WatermarkStrategy {
  /** Timestamps never decrease: the watermark is the largest timestamp seen, minus one. */
  MONOTONOUS,
  /**
   * Records may arrive up to {@code maxOutOfOrdernessMillis} late: the watermark is the largest
   * timestamp seen minus that bound, minus one.
   */
  BOUNDED_OUT_OF_ORDERNESS,
  /** A {@link WatermarkGenerator} of your own, named by {@code generator}. */
  CUSTOM
}
