package io.weir.runtime.clusterjob;

import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.JobPlanProvider;
import io.weir.runtime.plan.Partitioning;
import io.weir.state.serialization.StringSerializer;
import java.util.List;

/**
 * Word count written the way the processor generates plans: Lines -> Tokenize (forward) -> Count
 * (by word) -> Sink (forward). Source positions, counts and the sink's results are state, so the
 * job resumes exactly from a checkpoint or savepoint, also at another parallelism. Tests package this package into a jar with a service entry for this
 * class, the way a user's build does, and submit that jar to a cluster.
 */
public final class ClusterWordCountPlan implements JobPlanProvider {
  public static final String NAME = "cluster-wordcount";
  /** Key groups of the job: the sink needs them to keep its share of restored counts. */
  public static final int MAX_PARALLELISM = 128;

  @Override
  public JobPlan plan() {
    return JobPlan.builder(NAME).defaultParallelism(1).maxParallelism(MAX_PARALLELISM)
        .source("lines", "Lines", Lines.class.getName(), 0, Lines::new, StringSerializer.INSTANCE)
        .operator("tokenize", "Tokenize", TokenizeInvoker.class.getName(), 0, TokenizeInvoker::new,
            StringSerializer.INSTANCE, List.of("java.lang.String"), null)
        .operator("count", "Count", CountInvoker.class.getName(), 0, CountInvoker::new, WordCountSerializer.INSTANCE,
            List.of("java.lang.String"), new CountInvoker.WordKeys())
        .sink("sink", "Sink", FileSinkInvoker.class.getName(), 0, FileSinkInvoker::new, List.of(WordCount.class.getName()), null)
        .edge("lines", "tokenize", 0, Partitioning.FORWARD)
        .edge("tokenize", "count", 0, Partitioning.HASH)
        .edge("count", "sink", 0, Partitioning.FORWARD)
        .build();
  }
}
