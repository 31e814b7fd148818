package io.weir.benchmarks.window;

import io.weir.benchmarks.CaseOptions;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.util.Locale;
import java.util.Map;

/**
 * W3 driver, one case per JVM, printing one line in the anchor's {@code RESULT} format:
 *
 * <pre>
 *   java ... io.weir.benchmarks.window.WindowBenchmark CASE [p=1] [events=18000000] [seed=42] [backend=heap] [exchange=false] [handOver=true]
 *   CASE = w3        the W3 job on the embedded runtime (backend=heap|rocksdb; default options otherwise;
 *                    exchange=true keeps the keyed exchange at p=1 instead of chaining all into one thread;
 *                    handOver=false sends records through exchanges as bytes, backend label "...-bytes")
 *        | base-win  BASE-window: the hand-written single-threaded loop
 * </pre>
 *
 * The interval is the anchor's (first source record to the last sink's end of input); the
 * expectation is computed before it. Events are rounded as the anchor rounds them.
 */
public final class WindowBenchmark {
  private WindowBenchmark() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: WindowBenchmark w3|base-win [p=N] [events=N] [seed=S] [backend=heap|rocksdb] [exchange=true] [handOver=false]");
      System.exit(2);
    }
    Map<String, String> options = CaseOptions.parse(args);
    int p = Integer.parseInt(options.getOrDefault("p", "1"));
    long events = Long.parseLong(options.getOrDefault("events", "18000000"));
    long seed = Long.parseLong(options.getOrDefault("seed", "42"));
    String backend = options.getOrDefault("backend", "heap");
    boolean exchange = Boolean.parseBoolean(options.getOrDefault("exchange", "false"));
    boolean handOver = Boolean.parseBoolean(options.getOrDefault("handOver", "true"));
    switch (args[0]) {
      case "w3" -> runJob(backend, exchange, handOver, p, WindowEvents.roundedEvents(events, p), seed);
      case "base-win" -> runLoop(WindowEvents.roundedEvents(events, 1), seed);
      default -> throw new IllegalArgumentException("unknown case " + args[0]);
    }
  }

  private static void runJob(String backend, boolean exchange, boolean handOver, int p, long events, long seed) {
    WindowCheck check = WindowCheck.forEvents(seed, events);
    WindowTally.reset(check);
    JobPlan plan = JobCatalog.load(WindowBenchmark.class.getClassLoader()).job(TimedEvents.JOB);
    RunOptions options = RunOptions.builder()
        .parallelism(p)
        .stateBackend(backend)
        .chainSingleInstanceExchanges(!exchange)
        .handOverObjects(handOver)
        .parameters("--events", Long.toString(events), "--seed", Long.toString(seed))
        .build();

    long start = System.nanoTime();
    JobResult result = new LocalCluster().run(plan, options);
    long wall = System.nanoTime() - start;

    if (!result.finished()) {
      System.err.println("job " + result.status());
      if (result.failure() != null) {
        result.failure().printStackTrace();
      }
    }
    boolean ok = result.finished() && WindowTally.passes();
    String label = (exchange ? backend + "-exchange" : backend) + (handOver ? "" : "-bytes");
    print("WEIR-W3-window", label, p, events, WindowTally.intervalSeconds(), result.duration().toNanos() / 1e9,
        wall / 1e9, WindowTally.results(), ok, "expected_window_results=" + check.windowResults());
  }

  private static void runLoop(long events, long seed) {
    WindowCheck check = WindowCheck.forEvents(seed, events);
    HandWrittenWindow loop = new HandWrittenWindow(seed, events);
    double seconds = loop.run() / 1e9;
    print("WEIR-BASE-handwritten-window", "none", 1, events, seconds, seconds, seconds, loop.results(),
        loop.passes(check), "expected_window_results=" + check.windowResults());
  }

  /** The anchor's RESULT line; net runtime here is the job's own duration. */
  private static void print(String name, String backend, int p, long records, double intervalS, double netS,
      double wallS, long sinkRecords, boolean ok, String extra) {
    System.out.println(String.format(Locale.ROOT,
        "RESULT case=%s backend=%s p=%d records=%d interval_s=%.3f rec_per_s=%.0f"
            + " net_runtime_s=%.3f rec_per_s_net=%.0f execute_wall_s=%.3f sink_records=%d"
            + " checkpoints=- check=%s %s",
        name, backend, p, records, intervalS, records / intervalS, netS, records / netS, wallS, sinkRecords,
        ok ? "OK" : "FAIL", extra));
  }
}
