package io.weir.api;

/** The clock a timer follows. */
public enum TimeDomain {
  /** Fires when the operator's watermark reaches the timer's timestamp. */
  EVENT_TIME,
  /** Fires when the wall clock of the machine running the operator reaches the timestamp. */
  PROCESSING_TIME
}
