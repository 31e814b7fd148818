package io.weir.runtime.exactlyonce.job;

import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.JobPlanProvider;
import io.weir.runtime.plan.Partitioning;
import java.util.List;
import java.util.function.Supplier;

/**
 * The exactly-once acceptance job, written the way the processor generates plans: a replayable
 * source (positions in operator state) -> a keyed count -> a keyed sequence checker -> a
 * transactional file sink ({@link CommittedFileSink}, which can fail on purpose and be slow).
 * Both keyed exchanges cross the network when the parallelism is above one. Tests run it embedded
 * and package this package into a job jar for clusters.
 */
public final class SequenceJobPlan implements JobPlanProvider {
  public static final String NAME = "sequences";
  public static final String SOURCE = "source";
  public static final String COUNT = "count";
  public static final String CHECK = "check";
  public static final String SINK = "sink";

  @Override
  public JobPlan plan() {
    return plan(NAME, CommittedFileSink.class.getName(), CommittedFileSink_WeirInvoker::new);
  }

  /** The job with the sink {@code sinkClass} made by {@code sink}. */
  static JobPlan plan(String name, String sinkClass, Supplier<? extends OperatorInvoker<?>> sink) {
    return JobPlan.builder(name).defaultParallelism(2).maxParallelism(128)
        .source(SOURCE, "Sequences", SequenceSource.class.getName(), 0, SequenceSource_WeirSource::new,
            Event.Serializer.INSTANCE)
        .operator(COUNT, "Count", CountInvoker.class.getName(), 0, CountInvoker::new, Counted.Serializer.INSTANCE,
            List.of(Event.class.getName()), new Keys.OfEvent())
        .operator(CHECK, "Check", SequenceCheckerInvoker.class.getName(), 0, SequenceCheckerInvoker::new,
            Verdict.Serializer.INSTANCE, List.of(Counted.class.getName()), new Keys.OfCounted())
        .sink(SINK, "Committed", sinkClass, 0, sink, List.of(Verdict.class.getName()), null)
        .edge(SOURCE, COUNT, 0, Partitioning.HASH)
        .edge(COUNT, CHECK, 0, Partitioning.HASH)
        .edge(CHECK, SINK, 0, Partitioning.FORWARD)
        .build();
  }
}
