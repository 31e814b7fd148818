package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Operator state: {@code @State} fields of sources and of sinks that are not keyed. */
class OperatorStateDiagnosticsTest {

  /** A source of strings with the given field declarations. */
  private static JavaFileObject source(String fields) {
    return java("Offsets", """
        @Source(job = "demo")
        public final class Offsets implements SourceReader<String> {
          %s

          public Status poll(Emitter<String> out) {
            return Status.END_OF_INPUT;
          }
        }
        """.formatted(fields));
  }

  private static Compilation compileSource(JavaFileObject source) {
    return WeirCompiler.compile(source, print("Offsets.class"));
  }

  /** A sink of strings reading from Lines, with the given annotations and fields. */
  private static JavaFileObject sink(String annotations, String fields) {
    return java("Commit", """
        @Sink(from = Lines.class)
        %s
        public final class Commit {
          %s

          public void write(String line) {}
        }
        """.formatted(annotations, fields));
  }

  private static Compilation compileSink(JavaFileObject sink) {
    return WeirCompiler.compile(lines(), sink);
  }

  @Test
  void listStateOfSourcesAndUnkeyedSinksBindsInBothModes() {
    assertThat(compileSource(source("""
        @State ListState<Long> offsets;
          @State(name = "markers", redistribution = Redistribution.UNION) ListState<String> seen;""")))
        .succeededWithoutWarnings();
    assertThat(compileSink(sink("", "@State(redistribution = Redistribution.EVEN_SPLIT) ListState<String> pending;")))
        .succeededWithoutWarnings();
  }

  @Test
  void valueStateOfASourceIsReported() {
    JavaFileObject source = source("@State ValueState<Long> offset;");
    assertThat(compileSource(source))
        .hadErrorContaining("[weir.operator-state-kind] @State field offset of Offsets has type ValueState<Long>, but"
            + " the state of @Source Offsets is operator state (it belongs to the instance, not to a key), which is a"
            + " ListState<T> so that it can be split among instances when the parallelism changes. Fix: declare it as"
            + " ListState<T> (a single value is a list of at most one element).")
        .inFile(source).onLineContaining("ValueState<Long> offset;");
  }

  @Test
  void plainFieldTypeOfASourceIsReported() {
    JavaFileObject source = source("@State Long offset;");
    assertThat(compileSource(source))
        .hadErrorContaining("[weir.operator-state-kind] @State field offset of Offsets has type Long")
        .inFile(source).onLineContaining("@State Long offset;");
  }

  @Test
  void mapStateOfAnUnkeyedSinkIsReported() {
    JavaFileObject sink = sink("", "@State MapState<String, Long> perWord;");
    assertThat(compileSink(sink))
        .hadErrorContaining("[weir.operator-state-kind] @State field perWord of Commit has type MapState<String, Long>,"
            + " but the state of @Sink Commit is operator state")
        .inFile(sink).onLineContaining("MapState<String, Long> perWord;");
    assertThat(compileSink(sink)).hadErrorContaining("Fix: declare it as ListState<T> (a single value is a list of at"
        + " most one element), or add @Keyed to the sink for keyed state.");
  }

  @Test
  void redistributionOnKeyedStateIsReportedOnTheValue() {
    JavaFileObject sink = sink("@Keyed(\"length\")", """
        @State(
              redistribution = Redistribution.UNION) ListState<String> seen;""");
    assertThat(compileSink(sink))
        .hadErrorContaining("[weir.state-redistribution] @State field seen of Commit is keyed state (@Sink Commit is"
            + " @Keyed), which always follows its key; redistribution applies to the operator state of sources and of"
            + " sinks that are not keyed. Fix: remove redistribution = ...")
        .inFile(sink).onLineContaining("redistribution = Redistribution.UNION");
  }

  @Test
  void keyedSinkStillHasKeyedStateOfEveryKind() {
    assertThat(compileSink(sink("@Keyed(\"length\")", """
        @State ValueState<Long> count;
          @State ListState<String> seen;""")))
        .succeededWithoutWarnings();
  }

  @Test
  void finalOperatorStateIsReported() {
    JavaFileObject source = source("@State final ListState<Long> offsets = null;");
    assertThat(compileSource(source))
        .hadErrorContaining("[weir.state-field] @State field offsets of Offsets is final, but generated code assigns"
            + " it per instance. Fix: remove the final modifier.")
        .inFile(source).onLineContaining("final ListState<Long> offsets");
  }

  @Test
  void staticOperatorStateIsReported() {
    JavaFileObject sink = sink("", "@State static ListState<Long> pending;");
    assertThat(compileSink(sink))
        .hadErrorContaining("[weir.state-field] @State field pending of Commit is static")
        .inFile(sink).onLineContaining("static ListState<Long> pending;");
  }

  @Test
  void twoOperatorStatesWithOneNameAreReported() {
    JavaFileObject source = source("""
        @State ListState<Long> offsets;
          @State(name = "offsets", redistribution = Redistribution.UNION) ListState<Long> again;""");
    assertThat(compileSource(source))
        .hadErrorContaining("[weir.state-field] @State field again of Offsets reuses the state name 'offsets'")
        .inFile(source).onLineContaining("ListState<Long> again;");
  }

  @Test
  void rawOperatorStateIsReported() {
    JavaFileObject source = source("@SuppressWarnings(\"rawtypes\") @State ListState offsets;");
    assertThat(compileSource(source))
        .hadErrorContaining("[weir.state-field] @State field offsets of Offsets has no concrete type argument")
        .inFile(source).onLineContaining("ListState offsets;");
  }

  @Test
  void reducerOnOperatorStateIsReported() {
    JavaFileObject sum = java("Sum", """
        public final class Sum implements ReduceFunction<Long> {
          public Long reduce(Long a, Long b) {
            return a + b;
          }
        }
        """);
    JavaFileObject source = source("@State(reducer = Sum.class) ListState<Long> offsets;");
    assertThat(WeirCompiler.compile(sum, source, print("Offsets.class")))
        .hadErrorContaining("[weir.state-field] @State field offsets of Offsets is a ListState, which takes no reducer.")
        .inFile(source).onLineContaining("ListState<Long> offsets;");
  }

  @Test
  void stateInAnOperatorWithoutKeyStillNeedsAKey() {
    JavaFileObject upper = java("Upper", """
        @Operator(from = Lines.class)
        public final class Upper {
          @State ListState<Long> seen;

          public String process(String line) {
            return line;
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), upper, print("Upper.class")))
        .hadErrorContaining("[weir.state-unkeyed] @State field seen of Upper needs a @Keyed vertex: state is scoped"
            + " to the key of the record being processed (operator state, not keyed, is for sources and sinks only).")
        .inFile(upper).onLineContaining("ListState<Long> seen;");
  }
}
