package com.example.wordcount;

import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.JobPlanProvider;
import io.weir.runtime.plan.Partitioning;
import io.weir.state.serialization.StringSerializer;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The plan of job {@code wordcount}.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class WordcountJobPlan implements JobPlanProvider {
  @Override
  public JobPlan plan() {
    return JobPlan.builder("wordcount")
        .defaultParallelism(2)
        .maxParallelism(64)
        .stateBackend("heap")
        .source("175f964a4262d44c", "Lines", "com.example.wordcount.Lines", 0,
            Lines::new, StringSerializer.INSTANCE)
        .source("595b3825135eae6a", "Thresholds", "com.example.wordcount.Thresholds", 1,
            Thresholds_WeirSource::new, Threshold_WeirSerializer.INSTANCE)
        .operator("ba568653d5241b3f", "Tokenize", "com.example.wordcount.Tokenize", 0,
            Tokenize_WeirInvoker::new, Word_WeirSerializer.INSTANCE, List.of("java.lang.String"), null)
        .operator("10c15b0a4c7a356c", "Count", "com.example.wordcount.Count", 4,
            Count_WeirInvoker::new, WordCount_WeirSerializer.INSTANCE, List.of("com.example.wordcount.Word"), new Count_WeirKeys())
        .operator("1a89e34055ac2d26", "Upper", "com.example.wordcount.Upper", 0,
            Upper_WeirInvoker::new, WordCount_WeirSerializer.INSTANCE, List.of("com.example.wordcount.WordCount"), null)
        .operator("59fe1216e2394f3e", "Alerts", "com.example.wordcount.Alerts", 0,
            Alerts_WeirInvoker::new, Alert_WeirSerializer.INSTANCE, List.of("com.example.wordcount.Threshold", "com.example.wordcount.WordCount"), new Alerts_WeirKeys())
        .sink("e1abb521915e4435", "AlertSink", "com.example.wordcount.AlertSink", 0,
            AlertSink_WeirInvoker::new, List.of("com.example.wordcount.Alert"), null)
        .operator("cabb1ee35b9b7fec", "frequent", "com.example.wordcount.Frequent", 0,
            Frequent_WeirInvoker::new, WordCount_WeirSerializer.INSTANCE, List.of("com.example.wordcount.WordCount"), null)
        .sink("237e81d4288c12ff", "Print", "com.example.wordcount.Print", 0,
            Print_WeirInvoker::new, List.of("com.example.wordcount.WordCount"), null)
        .edge("175f964a4262d44c", "ba568653d5241b3f", 0, Partitioning.FORWARD)
        .edge("ba568653d5241b3f", "10c15b0a4c7a356c", 0, Partitioning.HASH)
        .edge("10c15b0a4c7a356c", "1a89e34055ac2d26", 0, Partitioning.REBALANCE)
        .edge("1a89e34055ac2d26", "59fe1216e2394f3e", 1, Partitioning.HASH)
        .edge("595b3825135eae6a", "59fe1216e2394f3e", 0, Partitioning.HASH)
        .edge("59fe1216e2394f3e", "e1abb521915e4435", 0, Partitioning.BROADCAST)
        .edge("1a89e34055ac2d26", "cabb1ee35b9b7fec", 0, Partitioning.FORWARD)
        .edge("cabb1ee35b9b7fec", "237e81d4288c12ff", 0, Partitioning.FORWARD)
        .edge("10c15b0a4c7a356c", "237e81d4288c12ff", 0, Partitioning.FORWARD)
        .build();
  }
}
