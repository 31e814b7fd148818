package io.weir.api;

/**
 * Reads records for a {@link Source}. The task thread calls {@link #poll} repeatedly; between two
 * calls Weir may do other work (flush buffers, and in later versions take snapshots), so a call
 * should emit a modest batch and return rather than loop forever.
 *
 * <p>Each parallel instance reads its own share: use {@link SourceContext#subtaskIndex()} and
 * {@link SourceContext#parallelism()} to split the input.
 */
public interface SourceReader<T> {

  /** What {@link #poll} reports about the source after the call. */
  enum Status {
    /** More records may be available right away; poll again. */
    MORE,
    /** Nothing is available now (unbounded source); Weir backs off briefly before polling again. */
    NOTHING_AVAILABLE,
    /** The source is exhausted; it is closed and never polled again. */
    END_OF_INPUT
  }

  /** Called once before the first {@link #poll}. */
  default void open(SourceContext context) throws Exception {}

  /** Emits zero or more records and says whether more will follow. */
  Status poll(Emitter<T> out) throws Exception;

  /** Called once when the source ends, fails or is cancelled. */
  default void close() throws Exception {}
}
