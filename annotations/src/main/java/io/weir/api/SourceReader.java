package io.weir.api;

/**
 * Reads records for a {@link Source}. The task thread calls {@link #poll} repeatedly; between two
 * calls Weir may do other work (flush buffers, snapshot the source's operator state), so a call
 * should emit a modest batch and return rather than loop forever.
 *
 * <p>Each parallel instance reads its own share: use {@link SourceContext#subtaskIndex()} and
 * {@link SourceContext#parallelism()} to split the input. A source that must resume where it
 * stopped keeps its read positions in operator state ({@link State} on a {@code ListState<T>}
 * field, assigned before {@link #open}); a snapshot sees the lists as a poll left them, so update
 * them before {@code poll} returns. After a restore, {@code open} finds this instance's share of
 * the positions there, possibly at another parallelism.
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
