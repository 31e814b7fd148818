package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Window} operators: shape, aggregation, window method, timestamp. */
class WindowDiagnosticsTest {
  private static final JavaFileObject READING = java("Reading", "public record Reading(String sensor, long time, int value) {}\n");
  private static final JavaFileObject READINGS = java("Readings", """
      @Source(job = "demo")
      public final class Readings implements SourceReader<Reading> {
        public Status poll(Emitter<Reading> out) {
          return Status.END_OF_INPUT;
        }
      }
      """);
  private static final JavaFileObject SUM = java("Sum", """
      public final class Sum implements AggregateFunction<Reading, Long, Long> {
        public Long createAccumulator() { return 0L; }
        public Long add(Reading r, Long acc) { return acc + r.value(); }
        public Long getResult(Long acc) { return acc; }
      }
      """);
  private static final JavaFileObject PRINT = java("Print", """
      @Sink(from = Windowed.class)
      public final class Print {
        public void write(String line) {}
      }
      """);

  private static JavaFileObject windowed(String keyed, String window, String body) {
    return java("Windowed", """
        @Operator(from = Readings.class)
        %s
        @Window(%s)
        public final class Windowed {
          %s
        }
        """.formatted(keyed, window, body));
  }

  private static final String SUM_WINDOW =
      "public void window(String sensor, TimeWindow window, Long sum, Emitter<String> out) {}";

  private static Compilation compile(JavaFileObject windowed) {
    return WeirCompiler.compile(READING, READINGS, SUM, PRINT, windowed);
  }

  @Test
  void wellFormedWindowsCompileWithoutWarnings() {
    assertThat(compile(windowed("@Keyed(\"sensor\")",
        "sizeMillis = 1_000, slideMillis = 500, timestamp = \"time\", aggregator = Sum.class, allowedLatenessMillis = 5",
        SUM_WINDOW + "\n  public void late(Reading r, Emitter<String> out) {}")))
        .succeededWithoutWarnings();
    assertThat(compile(windowed("@Keyed(\"sensor\")", "sessionGapMillis = 100",
        "public void window(String sensor, TimeWindow window, List<Reading> all, Emitter<String> out) {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void windowWithoutKeyIsReported() {
    JavaFileObject windowed = windowed("", "sizeMillis = 1_000, aggregator = Sum.class", SUM_WINDOW);
    assertThat(compile(windowed))
        .hadErrorContaining("[weir.window] @Window Windowed is not @Keyed; windows are kept per key. Fix: add"
            + " @Keyed(...) naming the key of its input.")
        .inFile(windowed).onLineContaining("@Window(");
  }

  @Test
  void neitherSizeNorGapIsReported() {
    JavaFileObject windowed = windowed("@Keyed(\"sensor\")", "aggregator = Sum.class", SUM_WINDOW);
    assertThat(compile(windowed))
        .hadErrorContaining("[weir.window] @Window Windowed sets neither sizeMillis nor sessionGapMillis.")
        .inFile(windowed).onLineContaining("@Window(");
  }

  @Test
  void slideLargerThanSizeIsReportedOnTheSlide() {
    JavaFileObject windowed = windowed("@Keyed(\"sensor\")", """
        sizeMillis = 1_000,
            slideMillis = 2_000, aggregator = Sum.class""", SUM_WINDOW);
    assertThat(compile(windowed))
        .hadErrorContaining("[weir.window] @Window Windowed slides by 2000 ms, more than its size 1000 ms, so records"
            + " between windows would belong to none.")
        .inFile(windowed).onLineContaining("slideMillis = 2_000");
  }

  @Test
  void missingWindowMethodIsReported() {
    JavaFileObject windowed = windowed("@Keyed(\"sensor\")", "sizeMillis = 1_000, aggregator = Sum.class", "");
    assertThat(compile(windowed))
        .hadErrorContaining("[weir.window] @Window Windowed has no window method to receive its results. Fix: declare"
            + " `public void window(K key, TimeWindow window, Long result, Emitter<Out> out)`.")
        .inFile(windowed).onLineContaining("@Window(");
  }

  @Test
  void windowMethodTakingTheWrongResultIsReported() {
    JavaFileObject windowed = windowed("@Keyed(\"sensor\")", "sizeMillis = 1_000, aggregator = Sum.class",
        "public void window(String sensor, TimeWindow window, Double mean, Emitter<String> out) {}");
    assertThat(compile(windowed))
        .hadErrorContaining("[weir.window] @Window Windowed: its window method takes Double as its result, but the"
            + " aggregation produces Long.")
        .inFile(windowed).onLineContaining("public void window");
  }

  @Test
  void sessionWithAggregatorWithoutMergeIsReported() {
    JavaFileObject windowed = windowed("@Keyed(\"sensor\")", "sessionGapMillis = 100, aggregator = Sum.class",
        SUM_WINDOW);
    assertThat(compile(windowed))
        .hadErrorContaining("[weir.window] @Window Windowed is a session window, whose windows merge, but aggregator"
            + " Sum does not implement merge.")
        .inFile(windowed).onLineContaining("aggregator = Sum.class");
  }

  @Test
  void timestampThatIsNotALongIsReported() {
    JavaFileObject windowed = windowed("@Keyed(\"sensor\")",
        "sizeMillis = 1_000, timestamp = \"value\", aggregator = Sum.class", SUM_WINDOW);
    assertThat(compile(windowed))
        .hadErrorContaining("[weir.window] @Window Windowed reads its timestamp from 'value', which is int, not long"
            + " milliseconds. Fix: name a member of type long.")
        .inFile(windowed).onLineContaining("timestamp = \"value\"");
  }

  @Test
  void processMethodInAWindowIsReported() {
    JavaFileObject windowed = windowed("@Keyed(\"sensor\")", "sizeMillis = 1_000, aggregator = Sum.class",
        SUM_WINDOW + "\n  public String process(Reading r) { return \"\"; }");
    assertThat(compile(windowed))
        .hadErrorContaining("[weir.window] @Window Windowed declares process; a window operator's records go into its"
            + " windows, and its window method emits.")
        .inFile(windowed).onLineContaining("public String process");
  }
}
