package io.weir.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhysicalGraphTest {
  private static final List<String> TAGGED = List.of("io.weir.runtime.fixtures.Tagged");

  private static JobPlan.Builder source(JobPlan.Builder b, String id, int parallelism) {
    return b.source(id, id, "test." + id, parallelism, Sources.range(id, 10, new Lifecycle()), TestSerializers.TAGGED);
  }

  private static JobPlan.Builder operator(JobPlan.Builder b, String id, int parallelism) {
    return b.operator(id, id, "test." + id, parallelism, LambdaInvoker.of((i, in, r, out) -> out.emit(r)), TestSerializers.TAGGED,
        TAGGED, null);
  }

  private static JobPlan.Builder sink(JobPlan.Builder b, String id, int parallelism) {
    return b.sink(id, id, "test." + id, parallelism, LambdaInvoker.of((i, in, r, out) -> {}), TAGGED, null);
  }

  private static GraphOptions options(int parallelism, Map<String, Integer> perVertex) {
    return new GraphOptions(parallelism, perVertex, true);
  }

  @Test
  void parallelismPrecedenceIsVertexOverrideThenDeclaredThenJobOverrideThenJobDefault() {
    JobPlan.Builder b = JobPlan.builder("p").defaultParallelism(2);
    source(b, "S", 0);
    operator(b, "Declared", 3);
    operator(b, "Undeclared", 0);
    sink(b, "K", 0);
    JobPlan plan = b.edge("S", "Declared", 0, Partitioning.FORWARD).edge("Declared", "Undeclared", 0, Partitioning.FORWARD)
        .edge("Undeclared", "K", 0, Partitioning.FORWARD).build();

    PhysicalGraph declared = PhysicalGraph.build(plan, GraphOptions.defaults());
    assertEquals(List.of(2, 3, 2, 2), parallelisms(declared, plan));

    PhysicalGraph jobOverride = PhysicalGraph.build(plan, options(5, Map.of()));
    assertEquals(List.of(5, 3, 5, 5), parallelisms(jobOverride, plan), "a declared vertex parallelism beats the job default");

    PhysicalGraph vertexOverride = PhysicalGraph.build(plan, options(5, Map.of("Declared", 1, "K", 4)));
    assertEquals(List.of(5, 1, 5, 4), parallelisms(vertexOverride, plan), "per-vertex overrides beat everything");
  }

  private static List<Integer> parallelisms(PhysicalGraph graph, JobPlan plan) {
    return plan.vertices().stream().map(graph::parallelism).toList();
  }

  @Test
  void rejectsUnknownVertexNamesAndKeyedParallelismAboveMax() {
    JobPlan plan = WordCountJob.plan("wc", 1, LambdaInvoker.of((i, in, r, out) -> {}));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> PhysicalGraph.build(plan, options(0, Map.of("Nope", 2))));
    assertTrue(unknown.getMessage().contains("'Nope'") && unknown.getMessage().contains("Tokenize"), unknown.getMessage());

    IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
        () -> PhysicalGraph.build(plan, options(0, Map.of("Count", 129))));
    assertTrue(tooWide.getMessage().contains("Count") && tooWide.getMessage().contains("128"), tooWide.getMessage());

    // a non-keyed vertex may be wider than the number of key groups
    PhysicalGraph wide = PhysicalGraph.build(plan, options(0, Map.of("Tokenize", 200)));
    assertEquals(200, wide.parallelism("tokenize"));
  }

  @Test
  void chainsForwardEdgesOfEqualParallelismIncludingFanOut() {
    JobPlan.Builder b = JobPlan.builder("fan").defaultParallelism(2);
    source(b, "S", 0);
    operator(b, "A", 0);
    sink(b, "B", 0);
    sink(b, "C", 0);
    JobPlan plan = b.edge("S", "A", 0, Partitioning.FORWARD).edge("A", "B", 0, Partitioning.FORWARD)
        .edge("A", "C", 0, Partitioning.FORWARD).build();
    PhysicalGraph graph = PhysicalGraph.build(plan, GraphOptions.defaults());
    assertEquals(1, graph.tasks().size());
    TaskSpec task = graph.tasks().get(0);
    assertEquals("S -> A -> B -> C", task.name());
    assertEquals("S -> A -> B -> C (2/2)", task.subtaskName(1));
    assertEquals(3, task.chainedEdges().size());
    assertTrue(task.networkOutputs().isEmpty());
    assertEquals(List.of("B", "C"), task.outputsOf("A").stream().map(e -> e.to().name()).toList());
  }

  @Test
  void forwardBetweenDifferentParallelismsBecomesRebalance() {
    JobPlan.Builder b = JobPlan.builder("r");
    source(b, "S", 1);
    sink(b, "K", 3);
    PhysicalGraph graph = PhysicalGraph.build(b.edge("S", "K", 0, Partitioning.FORWARD).build(), GraphOptions.defaults());
    PhysicalEdge edge = graph.edges().get(0);
    assertEquals(Partitioning.REBALANCE, edge.partitioning());
    assertFalse(edge.chained());
    assertEquals(2, graph.tasks().size());
  }

  @Test
  void aVertexWithSeveralInputsHeadsItsOwnTaskAndReadsForwardOverTheNetwork() {
    JobPlan.Builder b = JobPlan.builder("u").defaultParallelism(2);
    source(b, "S1", 0);
    source(b, "S2", 0);
    sink(b, "K", 0);
    JobPlan plan = b.edge("S1", "K", 0, Partitioning.FORWARD).edge("S2", "K", 0, Partitioning.FORWARD).build();
    PhysicalGraph graph = PhysicalGraph.build(plan, GraphOptions.defaults());
    assertEquals(List.of("S1", "S2", "K"), graph.tasks().stream().map(TaskSpec::name).toList());
    for (PhysicalEdge e : graph.edges()) {
      assertEquals(Partitioning.FORWARD, e.partitioning());
      assertFalse(e.chained());
    }
    assertEquals(2, graph.taskOf("K").inputs().size());
  }

  @Test
  void keyedEdgesChainOnlyBetweenSingleInstancesAndOnlyWhenAllowed() {
    JobPlan plan = WordCountJob.plan("wc", 1, LambdaInvoker.of((i, in, r, out) -> {}));
    assertEquals(List.of("Lines -> Tokenize -> Count -> Sink"),
        PhysicalGraph.build(plan, GraphOptions.defaults()).tasks().stream().map(TaskSpec::name).toList());
    assertEquals(List.of("Lines -> Tokenize", "Count -> Sink"),
        PhysicalGraph.build(plan, new GraphOptions(0, Map.of(), false)).tasks().stream().map(TaskSpec::name).toList());
    assertEquals(List.of("Lines -> Tokenize", "Count -> Sink"),
        PhysicalGraph.build(plan, options(2, Map.of())).tasks().stream().map(TaskSpec::name).toList());
  }

  @Test
  void everyEdgeIntoAKeyedVertexGoesByKey() {
    JobPlan base = WordCountJob.plan("wc", 2, LambdaInvoker.of((i, in, r, out) -> {}));
    JobPlan.Builder b = JobPlan.builder("k").defaultParallelism(2);
    base.vertices().forEach(b::vertex);
    JobPlan plan = b.edge("lines", "tokenize", 0, Partitioning.FORWARD).edge("tokenize", "count", 0, Partitioning.FORWARD)
        .edge("count", "sink", 0, Partitioning.FORWARD).build();
    PhysicalEdge intoCount = PhysicalGraph.build(plan, GraphOptions.defaults()).edges().get(1);
    assertEquals(Partitioning.HASH, intoCount.partitioning());
    assertFalse(intoCount.chained());
  }

  @Test
  void rejectsHashIntoAnUnkeyedVertexAndNetworkEdgesWithoutSerializer() {
    JobPlan.Builder b = JobPlan.builder("h");
    source(b, "S", 1);
    sink(b, "K", 1);
    JobPlan hash = b.edge("S", "K", 0, Partitioning.HASH).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhysicalGraph.build(hash, GraphOptions.defaults()));
    assertTrue(e.getMessage().contains("no key selector"), e.getMessage());

    JobPlan noSerializer = JobPlan.builder("n")
        .source("S", "S", "test.S", 1, Sources.range("S", 1, new Lifecycle()), null)
        .sink("K", "K", "test.K", 2, LambdaInvoker.of((i, in, r, out) -> {}), TAGGED, null)
        .edge("S", "K", 0, Partitioning.FORWARD).build();
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> PhysicalGraph.build(noSerializer, GraphOptions.defaults()));
    assertTrue(missing.getMessage().contains("no output serializer"), missing.getMessage());
  }
}
