package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Received;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.Tagged;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Records reach exactly the instances each kind of edge promises, whether chained or over the network. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopologyTest {
  private static final List<String> TAGGED = List.of(Tagged.class.getName());
  private static final long N = 5_000;

  private static List<Long> values(Queue<Received> received) {
    return received.stream().map(r -> ((Tagged) r.record()).value()).sorted().toList();
  }

  private static List<Long> range(long n) {
    return LongStream.range(0, n).boxed().toList();
  }

  @Test
  void fanOutSendsEveryRecordToEverySuccessorChainedOrNot() {
    Queue<Received> chained = new ConcurrentLinkedQueue<>();
    Queue<Received> remote = new ConcurrentLinkedQueue<>();
    JobPlan plan = JobPlan.builder("fan").defaultParallelism(2)
        .source("s", "Numbers", "t.Numbers", 0, Sources.range("s", N, new Lifecycle()), TestSerializers.TAGGED)
        .sink("a", "Local", "t.Local", 0, LambdaInvoker.collect(chained), TAGGED, null)
        .sink("b", "Remote", "t.Remote", 3, LambdaInvoker.collect(remote), TAGGED, null)
        .edge("s", "a", 0, Partitioning.FORWARD)
        .edge("s", "b", 0, Partitioning.FORWARD)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults()).orThrow();

    assertEquals(range(N), values(chained));
    assertEquals(range(N), values(remote));
    assertEquals(N, result.vertex("Numbers").recordsOut(), "one emission, counted once, feeds both");
    assertEquals(N, result.vertex("Local").recordsIn());
    assertEquals(N, result.vertex("Remote").recordsIn());
    Set<String> localThreads = chained.stream().map(Received::thread).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("Numbers -> Local (1/2)", "Numbers -> Local (2/2)"), localThreads);
    for (Received r : chained) {
      assertEquals(((Tagged) r.record()).subtask(), r.subtask(), "forward keeps records in their instance");
    }
  }

  @Test
  void unionMergesUpstreamsOfOneTypeAndForwardOverTheNetworkKeepsInstances() {
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobPlan plan = JobPlan.builder("union").defaultParallelism(3)
        .source("a", "Evens", "t.Evens", 0, Sources.range("a", N, new Lifecycle()), TestSerializers.TAGGED)
        .source("b", "Odds", "t.Odds", 0, Sources.range("b", N, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Both", "t.Both", 0, LambdaInvoker.collect(received), TAGGED, null)
        .edge("a", "k", 0, Partitioning.FORWARD)
        .edge("b", "k", 0, Partitioning.FORWARD)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults()).orThrow();

    assertEquals(2 * N, received.size());
    Map<String, List<Long>> byOrigin = new HashMap<>();
    for (Received r : received) {
      Tagged t = (Tagged) r.record();
      byOrigin.computeIfAbsent(t.origin(), o -> new ArrayList<>()).add(t.value());
      assertEquals(t.subtask(), r.subtask(), "forward: upstream instance i feeds instance i");
      assertEquals(0, r.input());
    }
    assertEquals(range(N), byOrigin.get("a").stream().sorted().toList());
    assertEquals(range(N), byOrigin.get("b").stream().sorted().toList());
    assertEquals(2 * N, result.vertex("Both").recordsIn());
  }

  @Test
  void twoInputOperatorSeesEachUpstreamOnItsOwnInput() {
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobPlan plan = JobPlan.builder("two-inputs").defaultParallelism(2)
        .source("n", "Numbers", "t.Numbers", 0, Sources.range("n", N, new Lifecycle()), TestSerializers.TAGGED)
        .source("w", "Words", "t.Words", 1, () -> new io.weir.api.SourceReader<String>() {
          private int next;

          @Override
          public Status poll(io.weir.api.Emitter<String> out) {
            out.emit("word" + next++);
            return next < 100 ? Status.MORE : Status.END_OF_INPUT;
          }
        }, TestSerializers.STRING)
        .operator("j", "Join", "t.Join", 0, LambdaInvoker.of((instance, input, record, out) -> {
          out.emit(input == 0 ? "n" + ((Tagged) record).value() : "s:" + record);
        }), TestSerializers.STRING, List.of(Tagged.class.getName(), "java.lang.String"), null)
        .sink("k", "Collect", "t.Collect", 0, LambdaInvoker.collect(received), List.of("java.lang.String"), null)
        .edge("n", "j", 0, Partitioning.FORWARD)
        .edge("w", "j", 1, Partitioning.REBALANCE)
        .edge("j", "k", 0, Partitioning.FORWARD)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults()).orThrow();

    long numbers = received.stream().filter(r -> ((String) r.record()).startsWith("n")).count();
    long words = received.stream().filter(r -> ((String) r.record()).startsWith("s:word")).count();
    assertEquals(N, numbers);
    assertEquals(100, words);
    assertEquals(N + 100, result.vertex("Join").recordsIn());
    assertEquals(N + 100, result.vertex("Collect").recordsIn());
  }

  @Test
  void rebalanceSpreadsRoundRobin() {
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobPlan plan = JobPlan.builder("rebalance")
        .source("s", "Numbers", "t.Numbers", 1, Sources.range("s", N, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Spread", "t.Spread", 4, LambdaInvoker.collect(received), TAGGED, null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults()).orThrow();

    assertEquals(range(N), values(received));
    for (int subtask = 0; subtask < 4; subtask++) {
      int s = subtask;
      List<Long> mine = received.stream().filter(r -> r.subtask() == s).map(r -> ((Tagged) r.record()).value()).sorted().toList();
      assertEquals(N / 4, mine.size(), "subtask " + subtask + " gets a quarter");
      long residue = Math.floorMod(mine.get(0), 4);
      assertTrue(mine.stream().allMatch(v -> v % 4 == residue), "round robin: every 4th record to the same instance");
      assertEquals(N / 4, result.vertex("Spread").subtasks().get(subtask).recordsIn());
    }
  }

  @Test
  void broadcastSendsEveryRecordToEveryInstance() {
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobPlan plan = JobPlan.builder("broadcast").defaultParallelism(2)
        .source("s", "Rules", "t.Rules", 0, Sources.range("s", N, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Everyone", "t.Everyone", 3, LambdaInvoker.collect(received), TAGGED, null)
        .edge("s", "k", 0, Partitioning.BROADCAST)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults()).orThrow();

    for (int subtask = 0; subtask < 3; subtask++) {
      int s = subtask;
      assertEquals(range(N), received.stream().filter(r -> r.subtask() == s).map(r -> ((Tagged) r.record()).value()).sorted().toList());
    }
    assertEquals(N, result.vertex("Rules").recordsOut());
    assertEquals(3 * N, result.vertex("Everyone").recordsIn());
  }

  @Test
  void vertexParallelismOverrideChangesInstancesAndChaining() {
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobPlan plan = JobPlan.builder("override").defaultParallelism(2)
        .source("s", "Numbers", "t.Numbers", 0, Sources.range("s", N, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Out", "t.Out", 0, LambdaInvoker.collect(received), TAGGED, null)
        .edge("s", "k", 0, Partitioning.FORWARD)
        .build();

    JobHandle handle = new LocalCluster().submit(plan, RunOptions.builder().parallelism("Out", 3).build());
    JobResult result = awaitFinished(handle);

    assertEquals(List.of("Numbers", "Out"), handle.graph().tasks().stream().map(t -> t.name()).toList());
    assertEquals(3, result.vertex("Out").parallelism());
    assertEquals(2, result.vertex("Numbers").parallelism());
    assertEquals(Set.of(0, 1, 2), received.stream().map(Received::subtask).collect(Collectors.toSet()));
    assertEquals(range(N), values(received));
  }

  @Test
  void aJobWithoutVerticesFinishesAtOnce() {
    JobResult result = new LocalCluster().run(JobPlan.builder("empty").build());
    assertEquals(JobStatus.FINISHED, result.status());
    assertTrue(result.vertices().isEmpty());
  }

  private static JobResult awaitFinished(JobHandle handle) {
    try {
      return handle.await().orThrow();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
