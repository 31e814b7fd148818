package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code AggregatingState} aggregators and {@code MapState} type arguments. */
class AggregatingAndMapStateDiagnosticsTest {
  /** Averages integers with a record accumulator, which gets a generated serializer. */
  private static final JavaFileObject AVERAGE = java("Average", """
      public final class Average implements AggregateFunction<Integer, Average.Sum, Double> {
        public record Sum(long total, long count) {}

        public Sum createAccumulator() {
          return new Sum(0, 0);
        }

        public Sum add(Integer value, Sum sum) {
          return new Sum(sum.total() + value, sum.count() + 1);
        }

        public Double getResult(Sum sum) {
          return sum.count() == 0 ? 0.0 : (double) sum.total() / sum.count();
        }
      }
      """);

  private static JavaFileObject keyed(String fields) {
    return java("Counter", """
        @Operator(from = Lines.class)
        @Keyed("length")
        public final class Counter {
          %s

          public String process(String line) {
            return line;
          }
        }
        """.formatted(fields));
  }

  private static Compilation compile(JavaFileObject... files) {
    JavaFileObject[] all = new JavaFileObject[files.length + 3];
    all[0] = lines();
    all[1] = AVERAGE;
    all[2] = print("Counter.class");
    System.arraycopy(files, 0, all, 3, files.length);
    return WeirCompiler.compile(all);
  }

  @Test
  void aggregatingAndMapStateBindWhenWellFormed() {
    assertThat(compile(keyed("""
        @State(aggregator = Average.class) AggregatingState<Integer, Double> mean;
          @State MapState<String, Long> perWord;""")))
        .succeededWithoutWarnings();
  }

  @Test
  void aggregatingStateWithoutAggregatorIsReported() {
    JavaFileObject counter = keyed("@State AggregatingState<Integer, Double> mean;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-aggregator] @State field mean of Counter is an AggregatingState but names"
            + " no aggregator. Fix: declare @State(aggregator = MyAggregator.class), with MyAggregator implementing"
            + " AggregateFunction<Integer, ACC, Double>.")
        .inFile(counter).onLineContaining("AggregatingState<Integer, Double> mean;");
  }

  @Test
  void aggregatorWithOtherInputTypeIsReportedOnTheAggregatorValue() {
    JavaFileObject counter = keyed("""
        @State(
              aggregator = Average.class) AggregatingState<Long, Double> mean;""");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-aggregator] @State field mean of Counter: aggregator Average aggregates"
            + " Integer into Double, but the field is AggregatingState<Long, Double>.")
        .inFile(counter).onLineContaining("aggregator = Average.class");
  }

  @Test
  void aggregatorWithOtherOutputTypeIsReported() {
    JavaFileObject counter = keyed("@State(aggregator = Average.class) AggregatingState<Integer, Long> mean;");
    assertThat(compile(counter))
        .hadErrorContaining("aggregator Average aggregates Integer into Double, but the field is"
            + " AggregatingState<Integer, Long>.")
        .inFile(counter).onLineContaining("AggregatingState<Integer, Long> mean;");
  }

  @Test
  void aggregatorWithGenericAccumulatorIsReported() {
    JavaFileObject open = java("Collect", """
        public final class Collect implements AggregateFunction<Integer, List<?>, Double> {
          public List<?> createAccumulator() { return List.of(); }
          public List<?> add(Integer value, List<?> acc) { return acc; }
          public Double getResult(List<?> acc) { return 0.0; }
        }
        """);
    JavaFileObject counter = keyed("@State(aggregator = Collect.class) AggregatingState<Integer, Double> mean;");
    assertThat(compile(open, counter))
        .hadErrorContaining("[weir.state-aggregator] @State field mean of Counter: aggregator Collect has accumulator"
            + " type List<?>, which is not concrete, so Weir cannot serialize it.")
        .inFile(counter).onLineContaining("AggregatingState<Integer, Double> mean;");
  }

  @Test
  void abstractAggregatorIsReported() {
    JavaFileObject partial = java("Partial", """
        public abstract class Partial implements AggregateFunction<Integer, Long, Double> {}
        """);
    JavaFileObject counter = keyed("@State(aggregator = Partial.class) AggregatingState<Integer, Double> mean;");
    assertThat(compile(partial, counter))
        .hadErrorContaining("[weir.state-aggregator] @State field mean of Counter: aggregator Partial cannot be"
            + " instantiated by generated code.")
        .inFile(counter).onLineContaining("AggregatingState<Integer, Double> mean;");
  }

  @Test
  void aggregatorOnMapStateIsReported() {
    JavaFileObject counter = keyed("@State(aggregator = Average.class) MapState<String, Long> perWord;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-aggregator] @State field perWord of Counter is a MapState, which takes no"
            + " aggregator.")
        .inFile(counter).onLineContaining("MapState<String, Long> perWord;");
  }

  @Test
  void mapStateWithAWildcardIsReported() {
    JavaFileObject counter = keyed("@State MapState<String, ?> perWord;");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.state-field] @State field perWord of Counter has no concrete type argument")
        .inFile(counter).onLineContaining("MapState<String, ?> perWord;");
  }
}
