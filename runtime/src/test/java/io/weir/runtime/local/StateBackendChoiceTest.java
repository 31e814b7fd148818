package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.state.heap.HeapStateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The job's plan picks its state backend; run options override the pick. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StateBackendChoiceTest {
  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  @Test
  void aPlanWithoutChoiceRunsOnTheHeap() {
    assertEquals(Set.of("HeapKeyedStateBackend"), keyedBackendsUsed("choice-default", null, RunOptions.defaults()));
  }

  @Test
  void aPlanDeclaringRocksDbRunsOnRocksDbInATemporaryDirectoryDeletedAtTheEnd() throws IOException {
    assertEquals("rocksdb", plan("choice-rocksdb-plan", "rocksdb", Set.of()).stateBackend());
    assertEquals("heap", plan("choice-heap-plan", null, Set.of()).stateBackend());

    assertEquals(Set.of("RocksDbKeyedStateBackend"),
        keyedBackendsUsed("choice-rocksdb-plan", "rocksdb", RunOptions.defaults()));
    assertEquals(List.of(), leftoverDirectories("choice-rocksdb-plan"));
  }

  @Test
  void aNamedRunOptionOverridesThePlan() {
    RunOptions heap = RunOptions.builder().stateBackend("heap").build();
    assertEquals(Set.of("HeapKeyedStateBackend"), keyedBackendsUsed("choice-to-heap", "rocksdb", heap));

    RunOptions rocks = RunOptions.builder().stateBackend("rocksdb").build();
    assertEquals(Set.of("RocksDbKeyedStateBackend"), keyedBackendsUsed("choice-to-rocksdb", "heap", rocks));
  }

  @Test
  void aBackendInstanceInTheRunOptionsOverridesThePlan() {
    RunOptions options = RunOptions.builder().stateBackend("rocksdb").stateBackend(new HeapStateBackend()).build();
    assertEquals(Set.of("HeapKeyedStateBackend"), keyedBackendsUsed("choice-instance", "rocksdb", options));
  }

  @Test
  void anUnknownBackendNameIsRejectedListingTheChoices() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunOptions.builder().stateBackend("memory"));
    assertEquals("unknown state backend 'memory'; choose one of heap, rocksdb", e.getMessage());

    JobPlan plan = plan("choice-unknown", "memory", Set.of());
    assertThrows(IllegalArgumentException.class, () -> new LocalCluster().run(plan, RunOptions.defaults()));
  }

  /** Simple class names of the keyed state backends the job's keyed sink was given. */
  private static Set<String> keyedBackendsUsed(String name, String planBackend, RunOptions options) {
    Set<String> used = ConcurrentHashMap.newKeySet();
    RunOptions run = options.toBuilder().parallelism(2).parameters("--lines", "200").build();
    JobResult result = new LocalCluster().run(plan(name, planBackend, used), run).orThrow();
    assertEquals(200, result.vertex("Sink").recordsIn());
    assertTrue(!used.isEmpty(), "the keyed sink saw records");
    return used;
  }

  /** Lines -> a sink keyed by line that records which keyed state backend it was given. */
  private static JobPlan plan(String name, String stateBackend, Set<String> used) {
    JobPlan.Builder builder = JobPlan.builder(name);
    if (stateBackend != null) {
      builder.stateBackend(stateBackend);
    }
    return builder
        .source("lines", "Lines", WordCountJob.Lines.class.getName(), 0, WordCountJob.Lines::new, TestSerializers.STRING)
        .sink("sink", "Sink", "io.weir.runtime.fixtures.Sink", 0,
            LambdaInvoker.of((instance, input, record, out) -> used.add(instance.state.getClass().getSimpleName())),
            List.of("java.lang.String"), new WordCountJob.WordKeys())
        .edge("lines", "sink", 0, Partitioning.HASH)
        .build();
  }

  private static List<Path> leftoverDirectories(String jobName) throws IOException {
    try (Stream<Path> entries = Files.list(TMP)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("weir-" + jobName + "-")).toList();
    }
  }
}
