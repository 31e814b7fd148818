package io.weir.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Submits the project's job jar to a running Weir cluster ({@code weir submit}), packaging the
 * project first. Its runtime dependencies that the cluster does not already have (everything but
 * weir-runtime and what it brings) are uploaded with it. Attached (the default) it streams the job's
 * status changes and fails the build unless the job finishes; {@code -Dweir.detached} returns once
 * the job is submitted.
 */
@Mojo(name = "submit", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public class SubmitMojo extends AbstractMojo {
  private static final String RUNTIME_ID = "io.weir:weir-runtime";
  private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(5);

  /** The JobManager, {@code HOST:PORT}. */
  @Parameter(property = "weir.jobmanager", defaultValue = "127.0.0.1:6123")
  private String jobManager;

  /** Return once the job is submitted instead of following it to its end. */
  @Parameter(property = "weir.detached", defaultValue = "false")
  private boolean detached;

  /** The job to run. Needed only when the project has several jobs. */
  @Parameter(property = "weir.job")
  private String job;

  /** Overrides the job's default parallelism. */
  @Parameter(property = "weir.parallelism")
  private Integer parallelism;

  /** Parallelism of single vertices by name, comma-separated: {@code Count=4,Tokenize=2}. */
  @Parameter(property = "weir.vertexParallelism")
  private String vertexParallelism;

  /** Program arguments for the job, one string split like a shell. */
  @Parameter(property = "weir.args")
  private String args;

  /** {@code none}, {@code fixed-delay:ATTEMPTS:DELAY_MS} or {@code exponential:ATTEMPTS:INITIAL_MS:MAX_MS:MULTIPLIER}. */
  @Parameter(property = "weir.restart")
  private String restart;

  /** {@code heap} or {@code rocksdb}, replacing the job's own. */
  @Parameter(property = "weir.stateBackend")
  private String stateBackend;

  /** Checkpoint every so often ({@code 500ms}, {@code 10s}, {@code 5m}); needs {@code weir.checkpointDir}. */
  @Parameter(property = "weir.checkpointInterval")
  private String checkpointInterval;

  /** Where checkpoints go: a directory every process of the cluster sees at the same path. */
  @Parameter(property = "weir.checkpointDir")
  private String checkpointDir;

  /** {@code exactly-once} (default) or {@code at-least-once}. */
  @Parameter(property = "weir.checkpointingMode")
  private String checkpointingMode;

  /** Unaligned checkpoints: barriers overtake in-flight data (exactly-once only). */
  @Parameter(property = "weir.unaligned", defaultValue = "false")
  private boolean unaligned;

  /** Start the job from this savepoint directory instead of empty. */
  @Parameter(property = "weir.fromSavepoint")
  private String fromSavepoint;

  /** Start although the savepoint holds state no operator of the job claims (it is dropped). */
  @Parameter(property = "weir.allowNonRestoredState", defaultValue = "false")
  private boolean allowNonRestoredState;

  /** File holding the cluster secret (else the WEIR_CLUSTER_SECRET environment variable). */
  @Parameter(property = "weir.secretFile")
  private String secretFile;

  /** Skips the goal. */
  @Parameter(property = "weir.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The project as the forked package phase left it: its artifact has the jar. */
  @Parameter(defaultValue = "${executedProject}", readonly = true)
  private MavenProject executedProject;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping weir:submit (weir.skip)");
      return;
    }
    Artifact artifact = (executedProject != null ? executedProject : project).getArtifact();
    if (artifact == null || artifact.getFile() == null || !artifact.getFile().getName().endsWith(".jar")) {
      throw new MojoFailureException("weir:submit needs the project's jar; " + project.getArtifactId()
          + " has packaging " + project.getPackaging());
    }
    List<String> command;
    try {
      command = new SubmitCommandLine(java(), project.getRuntimeClasspathElements(), jobManager, artifact.getFile().toPath())
          .detached(detached).job(job).parallelism(parallelism).vertexParallelism(vertexParallelism)
          .restart(restart).stateBackend(stateBackend).secretFile(secretFile)
          .checkpointInterval(checkpointInterval).checkpointDir(absolute(checkpointDir))
          .checkpointingMode(checkpointingMode).unaligned(unaligned)
          .fromSavepoint(absolute(fromSavepoint)).allowNonRestoredState(allowNonRestoredState)
          .dependencies(jobDependencies(project.getArtifacts()))
          .programArgs(ArgumentSplitter.split("weir.args", args))
          .toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's runtime class path is not resolved", e);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage());
    }
    getLog().info("Submitting " + artifact.getFile().getName() + " to the Weir cluster at " + jobManager);
    int exitCode;
    try {
      exitCode = new ProcessRunner(STOP_GRACE_PERIOD).run(command, project.getBasedir().toPath(), System.out, System.err);
    } catch (IOException e) {
      throw new MojoExecutionException("could not start " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while following the job; it keeps running on the cluster", e);
    }
    switch (exitCode) {
      case 0 -> { }
      case 1 -> throw new MojoFailureException("The Weir job failed, or the cluster could not be reached or refused it: see above");
      case 2 -> throw new MojoFailureException("weir submit rejected its arguments: see above");
      case 3 -> throw new MojoFailureException("The Weir job was cancelled");
      default -> throw new MojoFailureException("weir submit exited with code " + exitCode);
    }
  }

  /**
   * The runtime dependencies to upload with the job: all but weir-runtime and what it brings
   * (a TaskManager has those), judged by each artifact's dependency trail.
   */
  static List<Path> jobDependencies(Iterable<Artifact> artifacts) {
    List<Path> jars = new ArrayList<>();
    for (Artifact artifact : artifacts) {
      String id = artifact.getGroupId() + ":" + artifact.getArtifactId();
      boolean fromRuntime = id.equals(RUNTIME_ID) || "io.weir".equals(artifact.getGroupId())
          || (artifact.getDependencyTrail() != null
              && artifact.getDependencyTrail().stream().anyMatch(step -> step.startsWith(RUNTIME_ID + ":")));
      if (!fromRuntime && artifact.getFile() != null && artifact.getFile().getName().endsWith(".jar")) {
        jars.add(artifact.getFile().toPath());
      }
    }
    return jars;
  }

  /** Paths relative to the project's directory, as Maven users expect (the launcher runs there anyway). */
  private String absolute(String path) {
    return path == null || path.isBlank() ? null : project.getBasedir().toPath().resolve(path.trim()).normalize().toString();
  }

  private static Path java() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return JobCommand.javaIn(Path.of(System.getProperty("java.home")), windows);
  }
}
