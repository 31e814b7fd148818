package io.weir.benchmarks.wordcount;

import io.weir.benchmarks.CaseOptions;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * End-to-end driver, one case per JVM (run.sh starts a fresh one each time), printing exactly one
 * line in the anchor's {@code RESULT case=... rec_per_s=... check=OK} format:
 *
 * <pre>
 *   java ... io.weir.benchmarks.wordcount.WordCountBenchmark CASE [p=1] [words=40000000] [seed=42]
 *   CASE = w1          W1 on the embedded runtime with default options
 *        | w1-exchange W1 with the keyed exchange kept even at p=1 (no single-instance chaining)
 *        | base-wc     BASE: the hand-written single-threaded loop
 *        | version     the JVM's figures
 * </pre>
 *
 * The job's interval is the anchor's: the first source record to the last sink's end of input.
 * The expected counts are computed before it, outside the interval.
 */
public final class WordCountBenchmark {
  private WordCountBenchmark() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: WordCountBenchmark w1|w1-exchange|base-wc|version [p=N] [words=N] [seed=S]");
      System.exit(2);
    }
    Map<String, String> options = CaseOptions.parse(args);
    int p = Integer.parseInt(options.getOrDefault("p", "1"));
    long words = Long.parseLong(options.getOrDefault("words", "40000000"));
    long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(ZipfLines.DEFAULT_SEED)));
    long lines = words / ZipfLines.WORDS_PER_LINE;
    switch (args[0]) {
      case "w1" -> runJob("heap", p, lines, seed, true);
      case "w1-exchange" -> runJob("heap-exchange", p, lines, seed, false);
      case "base-wc" -> runLoop(lines, seed);
      case "version" -> System.out.println("RESULT weir=" + weirVersion()
          + " java=" + System.getProperty("java.version") + " vm=" + System.getProperty("java.vm.name")
          + " cpus=" + Runtime.getRuntime().availableProcessors()
          + " maxHeapMiB=" + (Runtime.getRuntime().maxMemory() >> 20));
      default -> throw new IllegalArgumentException("unknown case " + args[0]);
    }
  }

  /** The version the benchmarks were built against, from a resource Maven filters. */
  private static String weirVersion() {
    Properties properties = new Properties();
    try (InputStream in = WordCountBenchmark.class.getResourceAsStream("/weir-benchmarks.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  private static void runJob(String variant, int p, long lines, long seed, boolean chainSingleInstance) {
    WordCountCheck check = WordCountCheck.forLines(seed, lines);
    RunTally.reset(check);
    JobPlan plan = JobCatalog.load(WordCountBenchmark.class.getClassLoader()).job(WordLines.JOB);
    RunOptions options = RunOptions.builder()
        .parallelism(p)
        .chainSingleInstanceExchanges(chainSingleInstance)
        .parameters("--lines", Long.toString(lines), "--seed", Long.toString(seed))
        .build();

    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    JobResult result = new LocalCluster().run(plan, options);
    long wall = System.nanoTime() - start;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;

    if (!result.finished()) {
      System.err.println("job " + result.status());
      if (result.failure() != null) {
        result.failure().printStackTrace();
      }
    }
    boolean ok = result.finished() && RunTally.passes();
    print("WEIR-W1-wordcount", variant, p, check.occurrences(), RunTally.intervalSeconds(),
        result.duration().toNanos() / 1e9, wall / 1e9, RunTally.updates(), ok,
        "distinct_words=" + check.distinctWords() + cpu(check.occurrences(), cpuSeconds));
  }

  private static void runLoop(long lines, long seed) {
    WordCountCheck check = WordCountCheck.forLines(seed, lines);
    HandWrittenWordCount loop = new HandWrittenWordCount(seed, lines);
    long cpuStart = processCpuNanos();
    double seconds = loop.run() / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    print("WEIR-BASE-handwritten-wordcount", "none", 1, check.occurrences(), seconds, seconds, seconds,
        loop.updates(), loop.passes(check), "distinct_words=" + check.distinctWords() + cpu(check.occurrences(), cpuSeconds));
  }

  /**
   * CPU time of the whole JVM (all threads: the job's, JIT compilers, GC). On a machine shared
   * with other builds, records per CPU second varies much less than records per wall second, so
   * A/B comparisons report both; it is not a throughput figure for multi-threaded cases.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String cpu(long records, double cpuSeconds) {
    return String.format(Locale.ROOT, " cpu_s=%.3f rec_per_cpu_s=%.0f", cpuSeconds, records / cpuSeconds);
  }

  /** The anchor's RESULT line; net runtime here is the job's own duration (start of its threads to their end). */
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
