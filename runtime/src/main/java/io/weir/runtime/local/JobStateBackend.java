package io.weir.runtime.local;

import io.weir.runtime.plan.JobPlan;
import io.weir.state.backend.StateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state backend one job runs on: the instance the run options give, else the backend the run
 * options or the plan name. A named backend that keeps files gets a fresh directory under
 * {@code java.io.tmpdir}, owned by this job and deleted by {@link #close()} when the job ends.
 */
public final class JobStateBackend implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobStateBackend.class);

  private final StateBackend backend;
  private final Path ownedDirectory; // null unless this job created it

  private JobStateBackend(StateBackend backend, Path ownedDirectory) {
    this.backend = backend;
    this.ownedDirectory = ownedDirectory;
  }

  public static JobStateBackend resolve(JobPlan plan, RunOptions options) {
    if (options.stateBackend() != null) {
      return new JobStateBackend(options.stateBackend(), null); // the caller owns its backend's files
    }
    String name = options.stateBackendName() != null ? options.stateBackendName() : plan.stateBackend();
    if (!StateBackends.needsWorkingDirectory(name)) {
      return new JobStateBackend(StateBackends.create(name, null), null);
    }
    try {
      Path directory = Files.createTempDirectory("weir-" + plan.name() + "-" + name + "-");
      return new JobStateBackend(StateBackends.create(name, directory), directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a working directory for the " + name + " state backend", e);
    }
  }

  public StateBackend backend() {
    return backend;
  }

  /** Deletes the working directory this job created, if any; a failure is logged, not thrown. */
  @Override
  public void close() {
    if (ownedDirectory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(ownedDirectory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete state backend directory {}", ownedDirectory, e);
    }
  }
}
