package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.weir.api.SourceReader;
import io.weir.runtime.operator.KeySelector;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.runtime.plan.EdgePlan;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.serialization.StringSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads the plan generated for the golden job through ServiceLoader and runs its invokers. */
class PlanLoadingTest {
  private static final String PKG = "com.example.wordcount.";
  private static JobPlan plan;

  @BeforeAll
  static void compileAndLoad() {
    Compilation compilation = WeirCompiler.compile(WeirCompiler.resourceSources("golden/input"));
    assertThat(compilation).succeeded();
    plan = JobCatalog.load(new CompiledClassLoader(compilation)).job("wordcount");
  }

  @Test
  void planHasJobSettingsAndVerticesInTopologicalOrder() throws Exception {
    assertEquals("wordcount", plan.name());
    assertEquals(2, plan.defaultParallelism());
    assertEquals(64, plan.maxParallelism());
    assertEquals(
        List.of("Lines", "Thresholds", "Tokenize", "Count", "Upper", "Alerts", "AlertSink", "frequent", "Print"),
        plan.vertices().stream().map(VertexPlan::name).toList());
    for (VertexPlan vertex : plan.vertices()) {
      assertEquals(sha256Prefix(vertex.className()), vertex.id(), vertex.name());
    }
    VertexPlan count = vertex("Count");
    assertEquals(VertexKind.OPERATOR, count.kind());
    assertEquals(4, count.parallelism());
    assertEquals(List.of(PKG + "Word"), count.inputTypes());
    assertTrue(count.keyed());
    assertEquals(List.of(PKG + "Threshold", PKG + "WordCount"), vertex("Alerts").inputTypes());
    assertEquals(VertexKind.SOURCE, vertex("Thresholds").kind());
    assertEquals(1, vertex("Thresholds").parallelism());
    assertEquals(VertexKind.SINK, vertex("Print").kind());
    assertNull(vertex("Print").outputSerializer());
    assertSame(StringSerializer.INSTANCE, vertex("Lines").outputSerializer());
    assertEquals(PKG + "Word_WeirSerializer", vertex("Tokenize").outputSerializer().getClass().getName());
  }

  @Test
  void edgesCarryTargetInputsAndPartitionings() {
    List<String> edges = plan.edges().stream().map(PlanLoadingTest::describe).toList();
    assertEquals(List.of(
        "Lines->Tokenize#0 FORWARD",
        "Tokenize->Count#0 HASH",
        "Count->Upper#0 REBALANCE",
        "Upper->Alerts#1 HASH",
        "Thresholds->Alerts#0 HASH",
        "Alerts->AlertSink#0 BROADCAST",
        "Upper->frequent#0 FORWARD",
        "frequent->Print#0 FORWARD",
        "Count->Print#0 FORWARD"), edges);
  }

  @Test
  void invokersRunTheUserCodeAndKeyedStateFollowsTheKey() throws Exception {
    List<Object> lines = drain(vertex("Lines").sourceFactory().get());
    assertEquals(List.of("to be or not to be", "that is the question"), lines);

    List<Object> words = run(vertex("Tokenize"), null, 0, lines);
    assertEquals("[Word[text=to], Word[text=be], Word[text=or], Word[text=not], Word[text=to], Word[text=be],"
        + " Word[text=that], Word[text=is], Word[text=the], Word[text=question]]", words.toString());

    KeyedStateBackend countState = backend(vertex("Count"));
    List<Object> counts = run(vertex("Count"), countState, 0, words);
    assertEquals("WordCount[word=to, count=1]", counts.get(0).toString());
    assertEquals("WordCount[word=to, count=2]", counts.get(4).toString());
    assertEquals("WordCount[word=be, count=2]", counts.get(5).toString());
    assertEquals(8, countState.keyCount("count"));
    assertEquals(8, countState.keyCount("letters"));
    assertEquals(8, countState.keyCount("meanLength"));
    assertEquals(8, countState.keyCount("seenBy"));

    List<Object> upper = run(vertex("Upper"), null, 0, counts);
    assertEquals("WordCount[word=TO, count=2]", upper.get(4).toString());
    List<Object> frequent = run(vertex("frequent"), null, 0, upper);
    assertEquals("[WordCount[word=TO, count=2], WordCount[word=BE, count=2]]", frequent.toString());

    KeyedStateBackend alertState = backend(vertex("Alerts"));
    OperatorInvoker<Object> alerts = open(vertex("Alerts"), alertState);
    List<Object> thresholds = drain(vertex("Thresholds").sourceFactory().get(), operatorState(vertex("Thresholds")));
    List<Object> fired = new ArrayList<>();
    feed(vertex("Alerts"), alerts, alertState, 0, thresholds, fired);
    feed(vertex("Alerts"), alerts, alertState, 1, upper, fired);
    assertEquals("[Alert[word=TO, count=2, limit=2]]", fired.toString());

    OperatorInvoker<Object> print = open(vertex("Print"), null);
    print.process(0, counts.get(0), record -> {
      throw new AssertionError("sinks emit nothing");
    });
    assertThrows(IllegalArgumentException.class, () -> print.process(1, counts.get(0), r -> {}));
    print.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void generatedCodeBindsOperatorStateOfSourcesAndSinksThatSurvivesARestore() throws Exception {
    OperatorStateStore thresholdState = operatorState(vertex("Thresholds"));
    SourceReader<?> thresholds = vertex("Thresholds").sourceFactory().get();
    assertEquals("[Threshold[word=TO, limit=2]]", drain(thresholds, thresholdState).toString());
    assertEquals("[Threshold[word=TO, limit=2]]", thresholdState.elements("emitted").toString());
    assertThrows(NullPointerException.class, () -> drain(vertex("Thresholds").sourceFactory().get(), null),
        "without binding, the field stays unassigned");

    Path directory = Files.createTempDirectory("plan-loading");
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    thresholdState.snapshot("thresholds", storage, Runnable::run).join();
    OperatorStateStore restored = operatorState(vertex("Thresholds"));
    restored.restore(storage, List.of("thresholds"));
    assertEquals(List.of(), drain(vertex("Thresholds").sourceFactory().get(), restored),
        "the restored source remembers it already emitted");

    VertexPlan alertSink = vertex("AlertSink");
    OperatorInvoker<Object> sink = (OperatorInvoker<Object>) (OperatorInvoker<?>) alertSink.invokerFactory().get();
    OperatorStateStore sinkState = operatorState(alertSink);
    ((OperatorStateBinding) sink).bindOperatorState(sinkState);
    sink.open(new TestContext(plan.name(), alertSink.name(), 0, 1), null);
    sink.process(0, fire("TO"), r -> {});
    assertEquals(List.of("Alert[word=TO, count=2, limit=2]"), sinkState.elements("words"));
    assertFalse(vertex("Print").invokerFactory().get() instanceof OperatorStateBinding,
        "a sink without @State fields binds nothing");
  }

  /** An alert made through the golden job's own classes. */
  private static Object fire(String word) throws Exception {
    List<Object> counts = run(vertex("Count"), backend(vertex("Count")), 0,
        run(vertex("Tokenize"), null, 0, List.of(word.toLowerCase() + " " + word.toLowerCase())));
    List<Object> upper = run(vertex("Upper"), null, 0, counts);
    KeyedStateBackend alertState = backend(vertex("Alerts"));
    OperatorInvoker<Object> alerts = open(vertex("Alerts"), alertState);
    List<Object> fired = new ArrayList<>();
    feed(vertex("Alerts"), alerts, alertState, 0,
        drain(vertex("Thresholds").sourceFactory().get(), operatorState(vertex("Thresholds"))), fired);
    feed(vertex("Alerts"), alerts, alertState, 1, upper, fired);
    assertEquals(1, fired.size(), fired.toString());
    return fired.get(0);
  }

  private static OperatorStateStore operatorState(VertexPlan vertex) {
    return new OperatorStateStore(vertex.id(), 0, 1);
  }

  @Test
  void keySelectorHashesWithStableFunctions() {
    KeySelector keys = vertex("Count").keySelector();
    List<Object> words = run(vertex("Tokenize"), null, 0, List.of("question"));
    assertEquals("question", keys.key(0, words.get(0)));
    assertEquals("question".hashCode(), keys.keyHash(0, words.get(0)));
    assertSame(StringSerializer.INSTANCE, keys.keySerializer());
  }

  private static List<Object> run(VertexPlan vertex, KeyedStateBackend state, int input, List<Object> records) {
    try {
      OperatorInvoker<Object> invoker = open(vertex, state);
      List<Object> out = new ArrayList<>();
      feed(vertex, invoker, state, input, records, out);
      invoker.close();
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void feed(VertexPlan vertex, OperatorInvoker<Object> invoker, KeyedStateBackend state, int input,
      List<Object> records, List<Object> out) throws Exception {
    for (Object record : records) {
      if (state != null) {
        KeySelector keys = vertex.keySelector();
        state.setCurrentKey(keys.key(input, record),
            KeyGroups.keyGroupFor(keys.keyHash(input, record), plan.maxParallelism()));
      }
      invoker.process(input, record, out::add);
    }
  }

  @SuppressWarnings("unchecked")
  private static OperatorInvoker<Object> open(VertexPlan vertex, KeyedStateBackend state) throws Exception {
    OperatorInvoker<Object> invoker = (OperatorInvoker<Object>) vertex.invokerFactory().get();
    invoker.open(new TestContext(plan.name(), vertex.name(), 0, 1), state);
    return invoker;
  }

  private static KeyedStateBackend backend(VertexPlan vertex) {
    assertNotNull(vertex.keySelector());
    return new HeapStateBackend().createKeyedBackend(
        vertex.id(), new KeyGroupRange(0, plan.maxParallelism() - 1), plan.maxParallelism());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> drain(SourceReader<?> reader) throws Exception {
    return drain(reader, null);
  }

  /** Polls {@code reader} to its end, after binding its operator state to {@code state} if it has any. */
  @SuppressWarnings("unchecked")
  private static List<Object> drain(SourceReader<?> reader, OperatorStateStore state) throws Exception {
    if (state != null && reader instanceof OperatorStateBinding binding) {
      binding.bindOperatorState(state);
    }
    SourceReader<Object> source = (SourceReader<Object>) reader;
    List<Object> out = new ArrayList<>();
    while (source.poll(out::add) == SourceReader.Status.MORE) {
      // keep polling
    }
    return out;
  }

  private static VertexPlan vertex(String name) {
    return plan.vertices().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  private static String describe(EdgePlan edge) {
    return plan.vertex(edge.from()).name() + "->" + plan.vertex(edge.to()).name() + "#" + edge.targetInput() + " "
        + edge.partitioning();
  }

  private static String sha256Prefix(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, 16);
  }
}
