package io.weir.processor;

/**
 * The stable tags of the processor's diagnostics. A tag never changes meaning once released, so
 * users can search for it and tests can assert it.
 */
public enum Tag {
  /** An upstream's output type does not match the downstream's input types. */
  EDGE_TYPE("weir.edge-type"),
  /** A class named in {@code from} is not a {@code @Source} or {@code @Operator}. */
  EDGE_UPSTREAM("weir.edge-upstream"),
  /** The {@code from} edges close a cycle. */
  CYCLE("weir.cycle"),
  /** A sink is used as an upstream. */
  SINK_UPSTREAM("weir.sink-upstream"),
  /** {@code @Keyed} names nothing usable. */
  KEY_MISSING("weir.key-missing"),
  /** The key's type has no stable hash. */
  KEY_TYPE("weir.key-type"),
  /** A {@code @State} field has an unsupported type, is private or final, or has a bad reducer. */
  STATE_FIELD("weir.state-field"),
  /**
   * An {@code AggregatingState} without an aggregator, or with one whose types do not match the
   * field or that generated code cannot instantiate.
   */
  STATE_AGGREGATOR("weir.state-aggregator"),
  /** A {@code @State} field in an operator that is not {@code @Keyed}. */
  STATE_UNKEYED("weir.state-unkeyed"),
  /**
   * Operator state (a {@code @State} field of a {@code @Source} or of a sink that is not keyed)
   * of a kind other than {@code ListState<T>}.
   */
  OPERATOR_STATE_KIND("weir.operator-state-kind"),
  /** {@code @State(redistribution = ...)} on keyed state, which always follows its key. */
  STATE_REDISTRIBUTION("weir.state-redistribution"),
  /** No method to process an input, or several for one input type, or outputs that disagree. */
  PROCESS_METHOD("weir.process-method"),
  /** The user class cannot be instantiated by generated code. */
  CONSTRUCTOR("weir.constructor"),
  /** Abstract, non-static inner, private, local or generic user class. */
  CLASS_SHAPE("weir.class-shape"),
  /** Two jobs, or two vertices of one job, share a name; or a job name is malformed. */
  DUPLICATE_NAME("weir.duplicate-name"),
  /** A job has no source or no sink, or a vertex belongs to no job or to several. */
  JOB_SHAPE("weir.job-shape"),
  /** A bad parallelism, max parallelism or exchange. */
  PARALLELISM("weir.parallelism"),
  /** A class annotated with two of {@code @Source}, {@code @Operator}, {@code @Sink}. */
  ROLE_CONFLICT("weir.role-conflict"),
  /** A {@code @Source} class that does not implement {@code SourceReader<T>} with a concrete T. */
  SOURCE_SHAPE("weir.source-shape"),
  /** A record type has no generated serializer and falls back to Kryo (warning). */
  KRYO_FALLBACK("weir.kryo-fallback"),
  /** A record type that can be neither generated nor handled by the fallback. */
  SERIALIZER("weir.serializer"),
  /**
   * A bad {@code @EventTime} declaration: not on a source, a method without the shape
   * {@code public long m(T record)}, or a watermark strategy with missing, negative or
   * contradictory settings.
   */
  EVENT_TIME("weir.event-time"),
  /**
   * Bad timers: an {@code @OnTimer} method with the wrong shape, on a class that is not a keyed
   * operator, several of them, or an input method taking a {@code TimerService} without one.
   */
  TIMER("weir.timer"),
  /**
   * A bad {@code @Window}: not on a keyed operator, a bad size, slide or gap, a missing or
   * mismatched aggregation, window method or timestamp member.
   */
  WINDOW("weir.window"),
  /**
   * A bad {@code @SideOutput} field (not an {@code Emitter<T>}, private or final, not on an
   * operator, a duplicate name), or {@code output = ...} naming a side output an upstream lacks.
   */
  SIDE_OUTPUT("weir.side-output"),
  /**
   * A class implementing {@code TwoPhaseCommitSink} that is not a sink, or is a {@code @Keyed}
   * sink (transactions belong to an instance, not to a key), or a transactional sink whose
   * {@code @State} takes the name the runtime reserves for its pending transactions.
   */
  TRANSACTIONAL_SINK("weir.transactional-sink"),
  /** The processor itself failed (a bug in Weir) or could not write its output. */
  INTERNAL("weir.internal");

  private final String id;

  Tag(String id) {
    this.id = id;
  }

  /** The tag as it appears in messages, e.g. {@code weir.edge-type}. */
  public String id() {
    return id;
  }
}
