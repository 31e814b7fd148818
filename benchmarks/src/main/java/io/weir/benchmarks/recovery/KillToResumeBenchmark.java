package io.weir.benchmarks.recovery;

import io.weir.benchmarks.CaseOptions;
import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.client.SubmitOptions;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Time from a TaskManager's SIGKILL to records flowing again (issue 5), on a real cluster of
 * separate processes on this machine, one run per JVM:
 *
 * <pre>
 *   java -cp BENCH_JAR:WEIR_HOME/lib/* io.weir.benchmarks.recovery.KillToResumeBenchmark weir=WEIR_HOME jar=BENCH_JAR
 *       [tms=3] [slots=1] [p=2] [rate=10000] [interval=1000] [warmup=3] [ckptDir=/tmp/weir-kill-ckpt]
 *       [runDir=target/kill-run] [tmOpts=-Xmx1g -XX:+UseG1GC] [jmOpts=-Xmx256m -XX:+UseSerialGC] [timeout=60]
 * </pre>
 *
 * It starts a JobManager and {@code tms} TaskManagers ({@code slots} slots each) with
 * {@code bin/weir}, submits the {@code kill-to-resume} job (W1's word count on lines paced at
 * {@code rate} per second per source instance; exactly-once aligned checkpoints every
 * {@code interval} ms; every other setting the default, so the restart strategy is the default
 * fixed delay of 1 s), waits until every sink instance wrote records, at least two checkpoints
 * completed and {@code warmup} seconds passed, then SIGKILLs a TaskManager that runs subtasks.
 *
 * <p>Measured from the SIGKILL ({@link System#nanoTime()} just before it; on Linux one clock for
 * every process of the machine, so the sinks' marks in the TaskManagers compare with it):
 * <ul>
 *   <li>{@code first_record_ms}: until the first sink instance of the restarted attempt wrote its
 *       first record (a sink instance opened after the kill: its {@code open_nanos} is later);
 *   <li>{@code all_sinks_ms}: until every one of the {@code p} new sink instances had written one:
 *       processing resumed everywhere. This is the headline figure;
 *   <li>{@code detected_ms}, {@code running_ms}: until the client heard that the job left RUNNING,
 *       and that it was RUNNING again in a later attempt (as the JobManager reports it: every
 *       subtask deployed), as received by this driver;
 *   <li>{@code jm_lost_ms}, {@code jm_deploy_ms}: until the JobManager logged the TaskManager lost,
 *       and the deployment of the next attempt (its log's wall-clock timestamps, millisecond
 *       resolution), which splits the time into detection, restart delay and deployment;
 *       {@code tm_started_ms}: until the last surviving TaskManager logged its subtasks of the new
 *       attempt started (restored and running).
 * </ul>
 * The run passes ({@code check=OK}) when the new attempt restored a checkpoint (not a restart from
 * scratch), all {@code p} new sink instances wrote records, and they still progress 2 s later.
 */
public final class KillToResumeBenchmark {
  private static final Pattern LISTENING = Pattern.compile("JobManager listening on .*:(\\d+)\\s*$");
  private static final Pattern REGISTERED = Pattern.compile("registered from");
  private static final Pattern STARTED = Pattern.compile("started (\\d+) subtask\\(s\\)");
  /** JobManager log lines start with an ISO-8601 UTC timestamp. */
  private static final Pattern LOG_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z)");
  private static final Pattern LOST = Pattern.compile("TaskManager \\S+ lost");
  private static final Pattern DEPLOYING_AGAIN = Pattern.compile("Deploying attempt [1-9]");
  /** A TaskManager has started its subtasks of a restarted attempt (attempt names end in #N). */
  private static final Pattern STARTED_AGAIN = Pattern.compile("Attempt \\S+#[1-9]\\d* of job .*: started \\d+ subtask");

  private KillToResumeBenchmark() {}

  /** A change of the job as this driver heard of it. */
  private record Heard(long nanos, ExecutionStatus status, int attempt, long restoredCheckpoint) {}

  public static void main(String[] args) throws Exception {
    String[] withCase = new String[args.length + 1];
    withCase[0] = "kill";
    System.arraycopy(args, 0, withCase, 1, args.length);
    Map<String, String> o = CaseOptions.parse(withCase);
    Path weirHome = Path.of(required(o, "weir"));
    Path jar = Path.of(required(o, "jar"));
    int tms = Integer.parseInt(o.getOrDefault("tms", "3"));
    int slots = Integer.parseInt(o.getOrDefault("slots", "1"));
    int p = Integer.parseInt(o.getOrDefault("p", "2"));
    long rate = Long.parseLong(o.getOrDefault("rate", "10000"));
    long interval = Long.parseLong(o.getOrDefault("interval", "1000"));
    long warmupSeconds = Long.parseLong(o.getOrDefault("warmup", "3"));
    int timeout = Integer.parseInt(o.getOrDefault("timeout", "60"));
    String ckptDir = o.getOrDefault("ckptDir", "/tmp/weir-kill-ckpt");
    String tmOpts = o.getOrDefault("tmOpts", "-Xmx1g -XX:+UseG1GC");
    String jmOpts = o.getOrDefault("jmOpts", "-Xmx256m -XX:+UseSerialGC");
    String run = "kill-" + System.currentTimeMillis();
    Path runDir = Path.of(o.getOrDefault("runDir", "target/kill-run")).resolve(run);
    Files.createDirectories(runDir);
    String what = String.format(Locale.ROOT, "p=%d tms=%d slots=%d rate=%d interval_ms=%d restart=default", p, tms,
        slots, rate, interval);

    List<WeirProcess> processes = new CopyOnWriteArrayList<>();
    // a driver stopped by a signal (the script's timeout) must not leave its cluster running
    Thread stopCluster = new Thread(() -> processes.forEach(WeirProcess::destroyNow), "stop-cluster");
    Runtime.getRuntime().addShutdownHook(stopCluster);
    String result;
    try {
      result = measure(weirHome, jar, runDir, run, processes, tms, slots, p, rate, interval, warmupSeconds, timeout,
          ckptDir, tmOpts, jmOpts);
    } catch (Exception e) {
      result = "check=FAIL problem=" + e.toString().replaceAll("\\s+", "_");
    } finally {
      for (WeirProcess process : processes) {
        process.close();
      }
      deleteTree(Path.of(ckptDir));
    }
    System.out.println("RESULT case=WEIR-kill-to-resume " + what + " " + result + " run_dir=" + runDir);
    System.exit(result.contains("check=OK") ? 0 : 1);
  }

  private static String measure(Path weirHome, Path jar, Path runDir, String run, List<WeirProcess> processes, int tms,
      int slots, int p, long rate, long interval, long warmupSeconds, int timeout, String ckptDir, String tmOpts,
      String jmOpts) throws Exception {
    WeirProcess jm = WeirProcess.start(weirHome, runDir, "jm", jmOpts, "jobmanager", "--port", "0");
    processes.add(jm);
    String port = jm.await(LISTENING, false, 60);
    if (port == null) {
      return "check=FAIL problem=no_JobManager";
    }
    List<WeirProcess> taskManagers = new ArrayList<>();
    for (int i = 1; i <= tms; i++) {
      WeirProcess tm = WeirProcess.start(weirHome, runDir, "tm" + i, tmOpts, "taskmanager", "--jobmanager",
          "127.0.0.1:" + port, "--slots", Integer.toString(slots));
      processes.add(tm);
      taskManagers.add(tm);
    }
    long registerDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (jm.countInLog(REGISTERED) < tms) {
      if (System.nanoTime() > registerDeadline) {
        return "check=FAIL problem=TaskManagers_did_not_register";
      }
      Thread.sleep(50);
    }

    try (ClusterClient client = ClusterClient.connect("127.0.0.1", Integer.parseInt(port), ClusterSecret.NONE)) {
      SubmitOptions submit = SubmitOptions.defaults().job(PacedLines.JOB).parallelism(p)
          .arguments("--rate", Long.toString(rate), "--run", run)
          .checkpointing(CheckpointConfig.every(Duration.ofMillis(interval), ckptDir));
      String jobId = client.submit(List.of(jar), submit);
      List<Heard> heard = new CopyOnWriteArrayList<>();
      Thread follower = new Thread(() -> {
        try {
          client.follow(jobId, info -> heard.add(new Heard(System.nanoTime(), info.status(), info.attempt(),
              info.checkpoints().restoredCheckpointId())));
        } catch (IOException | InterruptedException ignored) {
          // the driver is done with the job (cancelled) or the connection closed at the end
        }
      }, "job-follower");
      follower.setDaemon(true);
      follower.start();

      // ---- steady state: every sink instance wrote records, two checkpoints completed, warm-up passed
      long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
      long firstAllNanos = 0;
      long completedBefore = 0;
      while (true) {
        if (System.nanoTime() > deadline) {
          return "check=FAIL problem=no_steady_state_within_" + timeout + "s";
        }
        Map<Integer, Long> firsts = firstRecords(taskManagers, Long.MIN_VALUE);
        JobInfo info = client.status(jobId);
        if (info.status().isTerminal()) {
          return "check=FAIL problem=job_" + info.status() + "_before_the_kill:" + info.failure().replaceAll("\\s+", "_");
        }
        if (firsts.size() == p && firstAllNanos == 0) {
          firstAllNanos = System.nanoTime();
        }
        completedBefore = info.checkpoints().completed();
        if (firstAllNanos != 0 && completedBefore >= 2
            && System.nanoTime() - firstAllNanos >= Duration.ofSeconds(warmupSeconds).toNanos()) {
          break;
        }
        Thread.sleep(100);
      }

      // ---- the victim: a TaskManager running subtasks (with slot sharing, sinks among them)
      WeirProcess victim = null;
      int victimSubtasks = 0;
      for (WeirProcess tm : taskManagers) {
        int started = 0;
        for (String line : tm.errorLines()) {
          Matcher m = STARTED.matcher(line);
          if (m.find()) {
            started += Integer.parseInt(m.group(1));
          }
        }
        if (started > 0 && victim == null) {
          victim = tm;
          victimSubtasks = started;
        }
      }
      if (victim == null) {
        return "check=FAIL problem=no_TaskManager_reported_started_subtasks";
      }
      List<WeirProcess> survivors = new ArrayList<>(taskManagers);
      survivors.remove(victim);

      long killEpochMicros = epochMicros();
      long killNanos = System.nanoTime();
      victim.kill();

      // ---- until every sink instance of the new attempt wrote its first record
      Map<Integer, Long> resumed = Map.of();
      long resumeDeadline = killNanos + Duration.ofSeconds(timeout).toNanos();
      while (resumed.size() < p && System.nanoTime() < resumeDeadline) {
        Thread.sleep(5);
        resumed = firstRecords(survivors, killNanos);
      }
      if (resumed.size() < p) {
        return String.format(Locale.ROOT, "victim=%s victim_subtasks=%d checkpoints_before=%d resumed_sinks=%d"
            + " check=FAIL problem=processing_did_not_resume_within_%ds", victim.name, victimSubtasks, completedBefore,
            resumed.size(), timeout);
      }
      long first = resumed.values().stream().mapToLong(Long::longValue).min().orElseThrow();
      long all = resumed.values().stream().mapToLong(Long::longValue).max().orElseThrow();

      // ---- still flowing 2 s later: every new sink instance reports progress past its first record
      Thread.sleep(2000);
      Map<Integer, Long> progress = progressedSince(survivors, killNanos);
      boolean flowing = progress.size() == p;
      JobInfo now = client.status(jobId);
      long detected = firstHeard(heard, killNanos, h -> h.status() != ExecutionStatus.RUNNING || h.attempt() > 0);
      long running = firstHeard(heard, killNanos, h -> h.status() == ExecutionStatus.RUNNING && h.attempt() > 0);
      long restored = now.checkpoints().restoredCheckpointId();
      String lost = logMillisSince(jm, LOST, killEpochMicros);
      String deploying = logMillisSince(jm, DEPLOYING_AGAIN, killEpochMicros);
      String started = "-"; // the last surviving TaskManager to start its subtasks of the new attempt
      for (WeirProcess tm : survivors) {
        String at = logMillisSince(tm, STARTED_AGAIN, killEpochMicros);
        if (!at.equals("-") && (started.equals("-") || Long.parseLong(at) > Long.parseLong(started))) {
          started = at;
        }
      }
      boolean ok = flowing && restored > 0 && now.status() == ExecutionStatus.RUNNING;
      client.cancel(jobId);
      return String.format(Locale.ROOT,
          "victim=%s victim_subtasks=%d checkpoints_before=%d jm_lost_ms=%s jm_deploy_ms=%s tm_started_ms=%s"
              + " detected_ms=%s running_ms=%s"
              + " first_record_ms=%.0f"
              + " all_sinks_ms=%.0f restored_checkpoint=%d attempt=%d records_after_resume=%d check=%s%s",
          victim.name, victimSubtasks, completedBefore, lost, deploying, started, millisSince(detected, killNanos),
          millisSince(running, killNanos),
          (first - killNanos) / 1e6, (all - killNanos) / 1e6, restored, now.attempt(),
          progress.values().stream().mapToLong(Long::longValue).sum(), ok ? "OK" : "FAIL",
          ok ? "" : " problem=" + (restored <= 0 ? "no_checkpoint_restored" : flowing ? "job_" + now.status() : "records_stopped"));
    }
  }

  /** Per sink subtask: the first record's nanos of the instance opened after {@code openedAfter}. */
  private static Map<Integer, Long> firstRecords(List<WeirProcess> taskManagers, long openedAfter) throws IOException {
    Map<Integer, Long> firsts = new TreeMap<>();
    for (WeirProcess tm : taskManagers) {
      for (String line : tm.outputLines()) {
        Map<String, String> f = ResumeReport.parse(line);
        if ("first".equals(f.get("role")) && Long.parseLong(f.get("open_nanos")) > openedAfter) {
          firsts.merge(Integer.parseInt(f.get("subtask")), Long.parseLong(f.get("first_nanos")), Math::min);
        }
      }
    }
    return firsts;
  }

  /** Per sink subtask opened after {@code openedAfter}: the highest record count it reported. */
  private static Map<Integer, Long> progressedSince(List<WeirProcess> taskManagers, long openedAfter) throws IOException {
    Map<Integer, Long> records = new TreeMap<>();
    for (WeirProcess tm : taskManagers) {
      for (String line : tm.outputLines()) {
        Map<String, String> f = ResumeReport.parse(line);
        if ("progress".equals(f.get("role")) && Long.parseLong(f.get("open_nanos")) > openedAfter) {
          records.merge(Integer.parseInt(f.get("subtask")), Long.parseLong(f.get("records")), Math::max);
        }
      }
    }
    return records;
  }

  private static long firstHeard(List<Heard> heard, long after, java.util.function.Predicate<Heard> what) {
    for (Heard h : heard) {
      if (h.nanos() > after && what.test(h)) {
        return h.nanos();
      }
    }
    return 0;
  }

  /**
   * Milliseconds from {@code sinceEpochMicros} to the first log line of {@code process} matching {@code what}
   * logged at or after it (wall clock, millisecond resolution); "-" if none.
   */
  private static String logMillisSince(WeirProcess process, Pattern what, long sinceEpochMicros) throws IOException {
    for (String line : process.errorLines()) {
      Matcher time = LOG_TIME.matcher(line);
      if (what.matcher(line).find() && time.find()) {
        Instant at = Instant.parse(time.group(1));
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        if (micros >= sinceEpochMicros - 1_000) { // the log has millisecond resolution
          return String.format(Locale.ROOT, "%.0f", (micros - sinceEpochMicros) / 1e3);
        }
      }
    }
    return "-";
  }

  private static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private static String millisSince(long nanos, long start) {
    return nanos == 0 ? "-" : String.format(Locale.ROOT, "%.0f", (nanos - start) / 1e6);
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + "= is required");
    }
    return value;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
