package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.print;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @EventTime} on sources, {@code @OnTimer} and {@code TimerService} on keyed operators. */
class TimeDiagnosticsTest {

  /** A source of strings with {@code member} (e.g. an @EventTime method) in its body. */
  private static JavaFileObject lines(String member) {
    return java("Lines", """
        @Source(job = "demo")
        public final class Lines implements SourceReader<String> {
          %s

          public Status poll(Emitter<String> out) {
            return Status.END_OF_INPUT;
          }
        }
        """.formatted(member));
  }

  /** A string operator {@code Timed}, keyed or not, with {@code body}. */
  private static JavaFileObject timed(boolean keyed, String body) {
    return java("Timed", """
        @Operator(from = Lines.class)
        %s
        public final class Timed {
          %s
        }
        """.formatted(keyed ? "@Keyed(\"length\")" : "", body));
  }

  private static final String PROCESS_WITH_TIMERS = """
      public void process(String line, TimerService timers, Emitter<String> out) {
          timers.registerEventTimeTimer(1);
        }""";

  private static final String ON_TIMER = """
      @OnTimer
        public void onTimer(long timestamp, TimeDomain domain, TimerService timers, Emitter<String> out) {}""";

  private static Compilation compile(JavaFileObject... files) {
    JavaFileObject[] all = new JavaFileObject[files.length + 1];
    System.arraycopy(files, 0, all, 0, files.length);
    all[files.length] = print(files.length > 1 ? "Timed.class" : "Lines.class");
    return WeirCompiler.compile(all);
  }

  @Test
  void wellFormedEventTimeAndTimersCompileWithoutWarnings() {
    assertThat(compile(
        lines("""
            @EventTime(watermarks = WatermarkStrategy.MONOTONOUS, idleTimeoutMillis = 100)
              public long time(String line) { return line.length(); }"""),
        timed(true, PROCESS_WITH_TIMERS + "\n  " + ON_TIMER)))
        .succeededWithoutWarnings();
  }

  @Test
  void eventTimeMethodReturningTheWrongTypeIsReported() {
    JavaFileObject source = lines("@EventTime public int time(String line) { return 1; }");
    assertThat(compile(source))
        .hadErrorContaining("[weir.event-time] @EventTime method time of @Source Lines returns int instead of long"
            + " (milliseconds). Fix: declare it as `@EventTime public long time(String record)`.")
        .inFile(source).onLineContaining("public int time");
  }

  @Test
  void eventTimeMethodTakingAnotherTypeIsReported() {
    JavaFileObject source = lines("@EventTime public long time(Integer value) { return value; }");
    assertThat(compile(source))
        .hadErrorContaining("[weir.event-time] @EventTime method time of @Source Lines takes Integer, but the"
            + " source emits String. Fix:")
        .inFile(source).onLineContaining("public long time");
  }

  @Test
  void severalEventTimeMethodsAreReported() {
    JavaFileObject source = lines("""
        @EventTime public long first(String line) { return 1; }
          @EventTime public long second(String line) { return 2; }""");
    assertThat(compile(source))
        .hadErrorContaining("[weir.event-time] @Source Lines declares several @EventTime methods (first first)")
        .inFile(source).onLineContaining("long second");
  }

  @Test
  void negativeBoundIsReportedOnTheAttribute() {
    JavaFileObject source = lines("""
        @EventTime(
              maxOutOfOrdernessMillis = -5) public long time(String line) { return 1; }""");
    assertThat(compile(source))
        .hadErrorContaining("[weir.event-time] @EventTime of @Source Lines has maxOutOfOrdernessMillis = -5; a bound"
            + " cannot be negative. Fix: use 0 or more milliseconds.")
        .inFile(source).onLineContaining("maxOutOfOrdernessMillis = -5");
  }

  @Test
  void boundWithMonotonousWatermarksIsReported() {
    JavaFileObject source = lines("""
        @EventTime(watermarks = WatermarkStrategy.MONOTONOUS,
              maxOutOfOrdernessMillis = 5) public long time(String line) { return 1; }""");
    assertThat(compile(source))
        .hadErrorContaining("[weir.event-time] @EventTime of @Source Lines sets maxOutOfOrdernessMillis, which only"
            + " BOUNDED_OUT_OF_ORDERNESS uses, with watermarks = MONOTONOUS.")
        .inFile(source).onLineContaining("maxOutOfOrdernessMillis = 5");
  }

  @Test
  void customWatermarksWithoutGeneratorAreReported() {
    JavaFileObject source = lines("""
        @EventTime(watermarks = WatermarkStrategy.CUSTOM) public long time(String line) { return 1; }""");
    assertThat(compile(source))
        .hadErrorContaining("[weir.event-time] @EventTime of @Source Lines uses watermarks = CUSTOM but names no"
            + " generator. Fix: add generator = MyWatermarks.class, with MyWatermarks implementing"
            + " WatermarkGenerator<String>.")
        .inFile(source).onLineContaining("CUSTOM");
  }

  @Test
  void generatorOfAnotherTypeIsReported() {
    JavaFileObject generator = java("LongWatermarks", """
        public final class LongWatermarks implements WatermarkGenerator<Long> {
          public void onEvent(Long record, long timestamp) {}
          public long currentWatermark() { return 0; }
        }
        """);
    JavaFileObject source = lines("""
        @EventTime(watermarks = WatermarkStrategy.CUSTOM,
              generator = LongWatermarks.class) public long time(String line) { return 1; }""");
    assertThat(compile(source, generator))
        .hadErrorContaining("[weir.event-time] @EventTime of @Source Lines: generator LongWatermarks is not a"
            + " WatermarkGenerator<String>.")
        .inFile(source).onLineContaining("generator = LongWatermarks.class");
  }

  @Test
  void eventTimeOnAnOperatorIsReported() {
    JavaFileObject timed = timed(false, """
        @EventTime public long time(String line) { return 1; }
          public String process(String line) { return line; }""");
    assertThat(compile(lines(""), timed))
        .hadErrorContaining("[weir.event-time] @EventTime method time of @Operator Timed: only sources read event"
            + " time; downstream it travels as watermarks. Fix: move the method to the @Source that emits the records.")
        .inFile(timed).onLineContaining("long time");
  }

  @Test
  void timerServiceWithoutKeyIsReported() {
    JavaFileObject timed = timed(false, PROCESS_WITH_TIMERS);
    assertThat(compile(lines(""), timed))
        .hadErrorContaining("[weir.timer] @Operator Timed takes a TimerService in process, but is not @Keyed; timers"
            + " belong to a key. Fix: add @Keyed(...) to the class, or drop the TimerService parameter.")
        .inFile(timed).onLineContaining("public void process");
  }

  @Test
  void timerServiceWithoutOnTimerIsReported() {
    JavaFileObject timed = timed(true, PROCESS_WITH_TIMERS);
    assertThat(compile(lines(""), timed))
        .hadErrorContaining("[weir.timer] @Operator Timed takes a TimerService in process but has no @OnTimer method"
            + " for its timers to call. Fix: declare `@OnTimer public void onTimer(long timestamp, TimeDomain domain,"
            + " TimerService timers, Emitter<String> out)`.")
        .inFile(timed).onLineContaining("public void process");
  }

  @Test
  void onTimerWithTheWrongShapeIsReported() {
    JavaFileObject timed = timed(true, PROCESS_WITH_TIMERS + """

          @OnTimer
          public void fire(long timestamp, Emitter<String> out) {}""");
    assertThat(compile(lines(""), timed))
        .hadErrorContaining("[weir.timer] @OnTimer method fire of @Operator Timed does not have the timer shape. Fix:")
        .inFile(timed).onLineContaining("public void fire");
  }

  @Test
  void onTimerEmittingAnotherTypeIsReported() {
    JavaFileObject timed = timed(true, PROCESS_WITH_TIMERS + """

          @OnTimer
          public void onTimer(long timestamp, TimeDomain domain, TimerService timers, Emitter<Integer> out) {}""");
    assertThat(compile(lines(""), timed))
        .hadErrorContaining("[weir.timer] @OnTimer method onTimer of @Operator Timed emits Integer, but its input"
            + " methods emit String.")
        .inFile(timed).onLineContaining("Emitter<Integer> out");
  }

  @Test
  void onTimerOnAnUnkeyedOperatorIsReported() {
    JavaFileObject timed = timed(false, """
        public String process(String line) { return line; }
          """ + ON_TIMER);
    assertThat(compile(lines(""), timed))
        .hadErrorContaining("[weir.timer] @OnTimer method onTimer of @Operator Timed, which is not @Keyed; timers"
            + " belong to a key. Fix: add @Keyed(...) to the class.")
        .inFile(timed).onLineContaining("public void onTimer");
  }

  @Test
  void onTimerOnASourceIsReported() {
    JavaFileObject source = lines("""
        @OnTimer
          public void onTimer(long timestamp, TimeDomain domain, TimerService timers, Emitter<String> out) {}""");
    assertThat(compile(source))
        .hadErrorContaining("[weir.timer] @OnTimer method onTimer of @Source Lines: sources have no timers; only keyed"
            + " operators do.")
        .inFile(source).onLineContaining("public void onTimer");
  }

  @Test
  void eventTimeOnAPlainClassIsReported() {
    JavaFileObject helper = java("Helper", """
        public final class Helper {
          @EventTime public long time(String line) { return 1; }
        }
        """);
    assertThat(compile(lines(""), helper))
        .hadErrorContaining("[weir.event-time] @EventTime method time of Helper, which is not a @Source; only sources"
            + " read event time.")
        .inFile(helper).onLineContaining("long time");
  }
}
