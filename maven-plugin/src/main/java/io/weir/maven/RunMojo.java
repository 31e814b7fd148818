package io.weir.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Runs a job of the current project on the embedded runtime, in a forked JVM whose class path is
 * the project's runtime class path. Compiles the project first if needed. The job's progress and
 * summary stream to the build output; the build fails when the job does.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RunMojo extends AbstractMojo {
  private static final String RUNTIME_GROUP = "io.weir";
  private static final String RUNTIME_ARTIFACT = "weir-runtime";
  /**
   * Time the job gets to shut down cleanly on Ctrl-C before it is killed: a little more than the
   * runner's own 10 s wait for the cancelled job, so user code gets closed.
   */
  private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(15);
  /** Lines of the fork's stderr kept for the failure message. */
  private static final int STDERR_LINES_KEPT = 10;

  /** The job to run. Needed only when the project has several jobs. */
  @Parameter(property = "weir.job")
  private String job;

  /** Overrides the job's default parallelism. */
  @Parameter(property = "weir.parallelism")
  private Integer parallelism;

  /**
   * Overrides the parallelism of single vertices by name, comma-separated: {@code Count=4,Tokenize=2}.
   * These win over everything else, including a vertex's declared parallelism.
   */
  @Parameter(property = "weir.vertexParallelism")
  private String vertexParallelism;

  /** Program arguments for the job, one string split like a shell: {@code --in 'my file.txt'}. */
  @Parameter(property = "weir.args")
  private String args;

  /** Options for the forked JVM, one string split like a shell: {@code -Xmx2g -ea}. */
  @Parameter(property = "weir.jvmArgs")
  private String jvmArgs;

  /** Milliseconds between progress lines; the runner's default (1000) when unset, 0 for none. */
  @Parameter(property = "weir.progressInterval")
  private Long progressInterval;

  /**
   * The state backend to run on, {@code heap} or {@code rocksdb}, replacing the one the job declares
   * in {@code @Job(stateBackend = ...)}; unset keeps the job's.
   */
  @Parameter(property = "weir.stateBackend")
  private String stateBackend;

  /**
   * Time between periodic checkpoints, as {@code weir submit} reads it: {@code 500ms}, {@code 10s},
   * {@code 1m} (a bare number is milliseconds); unset takes none.
   */
  @Parameter(property = "weir.checkpointInterval")
  private String checkpointInterval;

  /**
   * Where the job's checkpoint directory ({@code <dir>/<job>-<startMillis>}) is made and kept after
   * the run, so a later run can resume from it; unset uses a temporary one deleted at the end.
   */
  @Parameter(property = "weir.checkpointDir")
  private String checkpointDir;

  /** {@code exactly-once} (default) or {@code at-least-once}. */
  @Parameter(property = "weir.checkpointingMode")
  private String checkpointingMode;

  /** Unaligned checkpoints: barriers overtake in-flight data, which is stored with the checkpoint. */
  @Parameter(property = "weir.unaligned", defaultValue = "false")
  private boolean unaligned;

  /** A checkpoint or savepoint (its directory or metadata file) to resume the job from. */
  @Parameter(property = "weir.fromSavepoint")
  private String fromSavepoint;

  /** Resume even if the savepoint has state of operators the job no longer has (that state is dropped). */
  @Parameter(property = "weir.allowNonRestoredState", defaultValue = "false")
  private boolean allowNonRestoredState;

  /**
   * What the job does when a subtask fails, as {@code weir:submit} reads it: {@code none} (the
   * default: the run fails), {@code fixed-delay:ATTEMPTS:DELAY_MS} or
   * {@code exponential:ATTEMPTS:INITIAL_MS:MAX_MS:MULTIPLIER}; a restart resumes from the latest
   * completed checkpoint.
   */
  @Parameter(property = "weir.restart")
  private String restart;

  /** Skips the goal. */
  @Parameter(property = "weir.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Component
  private ToolchainManager toolchainManager;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping weir:run (weir.skip)");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog().info("Skipping weir:run in " + project.getArtifactId() + " (packaging pom)");
      return;
    }
    requireRuntimeDependency();
    List<String> jvmOptions = split("weir.jvmArgs", jvmArgs);
    List<String> programArgs = split("weir.args", args);
    Path java = javaExecutable();
    List<String> command =
        new JobCommand(java, runtimeClasspath())
            .jvmArgs(jvmOptions)
            .job(job)
            .parallelism(parallelism)
            .vertexParallelism(vertexParallelism)
            .progressIntervalMillis(progressInterval)
            .stateBackend(stateBackend)
            .checkpointInterval(checkpointInterval)
            .checkpointDir(checkpointDir)
            .checkpointingMode(checkpointingMode)
            .unaligned(unaligned)
            .fromSavepoint(fromSavepoint)
            .allowNonRestoredState(allowNonRestoredState)
            .restart(restart)
            .programArgs(programArgs)
            .toList();
    getLog().info("Running " + jobLabel() + " in a forked JVM (" + java + ")");
    if (getLog().isDebugEnabled()) {
      getLog().debug("Weir command: " + JobCommand.display(command));
    }
    LineCapture stderr = new LineCapture(System.err, STDERR_LINES_KEPT, nativeCharset());
    int exitCode = runForked(command, stderr);
    String failure =
        RunnerExit.failureMessage(
            blankToNull(job), exitCode, !jvmOptions.isEmpty(), stderr.lines());
    if (failure != null) {
      throw new MojoFailureException(failure);
    }
  }

  private static List<String> split(String parameter, String value) throws MojoFailureException {
    try {
      return ArgumentSplitter.split(parameter, value);
    } catch (IllegalArgumentException e) {
      // The message says it all; Maven would append the cause's message again.
      throw new MojoFailureException(e.getMessage());
    }
  }

  private List<String> runtimeClasspath() throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's runtime class path is not resolved", e);
    }
  }

  private int runForked(List<String> command, OutputStream stderr) throws MojoExecutionException {
    try {
      return new ProcessRunner(STOP_GRACE_PERIOD)
          .run(command, project.getBasedir().toPath(), System.out, stderr);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "could not start " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException(
          "interrupted while " + jobLabel() + " was running; it was stopped", e);
    }
  }

  /**
   * Without the runtime the fork would die with "could not find main class", which would read as a
   * failed job; say what is missing instead.
   */
  private void requireRuntimeDependency() throws MojoFailureException {
    for (Artifact artifact : project.getArtifacts()) {
      // Resolved with scope RUNTIME: these are exactly the compile and runtime dependencies.
      if (RUNTIME_GROUP.equals(artifact.getGroupId())
          && RUNTIME_ARTIFACT.equals(artifact.getArtifactId())) {
        return;
      }
    }
    throw new MojoFailureException(
        "weir:run needs " + RUNTIME_GROUP + ":" + RUNTIME_ARTIFACT
            + " on the runtime class path of " + project.getArtifactId()
            + ": add it as a dependency with compile or runtime scope");
  }

  /** The toolchain's java when the build selected a JDK toolchain, else the JDK running Maven. */
  private Path javaExecutable() {
    Toolchain toolchain = toolchainManager.getToolchainFromBuildContext("jdk", session);
    if (toolchain != null) {
      String java = toolchain.findTool("java");
      if (java != null) {
        getLog().info("Using the java of toolchain " + toolchain);
        return Path.of(java);
      }
    }
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return JobCommand.javaIn(Path.of(System.getProperty("java.home")), windows);
  }

  /** The encoding the forked JVM writes System.err in: the platform's, as for this JVM. */
  private static Charset nativeCharset() {
    try {
      return Charset.forName(System.getProperty("native.encoding"));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Charset.defaultCharset();
    }
  }

  private String jobLabel() {
    String name = blankToNull(job);
    return name == null ? "the Weir job of " + project.getArtifactId() : "Weir job '" + name + "'";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
