package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @State} fields: types, modifiers, reducers, placement. */
class StateDiagnosticsTest {
  private static final JavaFileObject SUM = java("Sum", """
      public final class Sum implements ReduceFunction<Long> {
        public Long reduce(Long a, Long b) {
          return a + b;
        }
      }
      """);

  /** A keyed operator over strings (key: the string's length) with the given field declarations. */
  private static JavaFileObject counter(String keyed, String fields) {
    return java("Counter", """
        @Operator(from = Lines.class)
        %s
        public final class Counter {
          %s

          public String process(String line) {
            return line;
          }
        }
        """.formatted(keyed, fields));
  }

  private static Compilation compile(JavaFileObject counter) {
    return WeirCompiler.compile(lines(), SUM, counter, print("Counter.class"));
  }

  private static JavaFileObject keyed(String fields) {
    return counter("@Keyed(\"length\")", fields);
  }

  @Test
  void everyStateKindBindsWhenWellFormed() {
    assertThat(compile(keyed("""
        @State ValueState<String> last;
          @State ListState<Integer> seen;
          @State(reducer = Sum.class) ReducingState<Long> total;""")))
        .succeededWithoutWarnings();
  }

  @Test
  void fieldOfANonStateTypeIsReported() {
    JavaFileObject counter = keyed("@State Long total;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field total of Counter has type Long; state fields are"
            + " ValueState<T>, ListState<T>, ReducingState<T>, AggregatingState<IN, OUT> or MapState<K, V>")
        .inFile(counter).onLineContaining("@State Long total;");
  }

  @Test
  void rawStateTypeIsReported() {
    JavaFileObject counter = keyed("@SuppressWarnings(\"rawtypes\") @State ValueState raw;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field raw of Counter has no concrete type argument")
        .inFile(counter).onLineContaining("ValueState raw;");
  }

  @Test
  void privateFieldIsReported() {
    JavaFileObject counter = keyed("@State private ValueState<Long> count;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field count of Counter is private, but generated code assigns"
            + " it per instance. Fix: remove the private modifier.")
        .inFile(counter).onLineContaining("private ValueState<Long> count;");
  }

  @Test
  void finalFieldIsReported() {
    JavaFileObject counter = keyed("@State final ValueState<Long> count = null;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field count of Counter is final")
        .inFile(counter).onLineContaining("final ValueState<Long> count");
  }

  @Test
  void staticFieldIsReported() {
    JavaFileObject counter = keyed("@State static ValueState<Long> count;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field count of Counter is static")
        .inFile(counter).onLineContaining("static ValueState<Long> count;");
  }

  @Test
  void reducingStateWithoutReducerIsReported() {
    JavaFileObject counter = keyed("@State ReducingState<Long> total;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field total of Counter is a ReducingState but names no reducer")
        .inFile(counter).onLineContaining("@State ReducingState<Long> total;");
  }

  @Test
  void reducerOfAnotherTypeIsReportedOnTheReducerValue() {
    JavaFileObject counter = keyed("""
        @State(
              reducer = Sum.class) ReducingState<Integer> total;""");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field total of Counter: reducer Sum is not a"
            + " ReduceFunction<Integer>, but the state holds Integer.")
        .inFile(counter).onLineContaining("reducer = Sum.class");
  }

  @Test
  void reducerOnValueStateIsReported() {
    JavaFileObject counter = keyed("@State(reducer = Sum.class) ValueState<Long> count;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field count of Counter is a ValueState, which takes no reducer.")
        .inFile(counter).onLineContaining("ValueState<Long> count;");
  }

  @Test
  void abstractReducerIsReported() {
    JavaFileObject reducer = java("Half", """
        public abstract class Half implements ReduceFunction<Long> {}
        """);
    JavaFileObject counter = keyed("@State(reducer = Half.class) ReducingState<Long> total;");
    assertThat(WeirCompiler.compile(lines(), reducer, counter, print("Counter.class")))
        .hadErrorContaining("[weir.state-field] @State field total of Counter: reducer Half cannot be instantiated")
        .inFile(counter).onLineContaining("ReducingState<Long> total;");
  }

  @Test
  void twoFieldsWithOneStateNameAreReported() {
    JavaFileObject counter = keyed("""
        @State ValueState<Long> count;
          @State(name = "count") ValueState<Long> other;""");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field other of Counter reuses the state name 'count'")
        .inFile(counter).onLineContaining("ValueState<Long> other;");
  }

  @Test
  void stateInAnOperatorWithoutKeyIsReported() {
    JavaFileObject counter = counter("", "@State ValueState<Long> count;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-unkeyed] @State field count of Counter needs a @Keyed vertex")
        .inFile(counter).onLineContaining("ValueState<Long> count;");
  }

  @Test
  void stateInAClassWithoutRoleIsReported() {
    JavaFileObject holder = java("Holder", """
        public final class Holder {
          @State ValueState<Long> count;
        }
        """);
    assertThat(WeirCompiler.compile(holder))
        .hadErrorContaining("[weir.state-unkeyed] @State field count is in class Holder; only @Keyed operators and"
            + " sinks have keyed state, and only sources and sinks operator state.")
        .inFile(holder).onLineContaining("ValueState<Long> count;");
  }
}
