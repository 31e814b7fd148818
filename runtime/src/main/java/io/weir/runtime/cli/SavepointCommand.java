package io.weir.runtime.cli;

import io.weir.runtime.client.ClusterClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir savepoint JOB_ID [DIR]}: takes a savepoint of a running job into DIR (else
 * {@code --savepoint-dir}, configuration key {@code savepoint.dir}) and prints the savepoint's own
 * directory, which {@code weir submit --from-savepoint} takes. The job keeps running. Exits 1 when
 * no savepoint was taken (job not running, a subtask declined, timeout), naming the reason.
 */
@Command(name = "savepoint", mixinStandardHelpOptions = true,
    description = {"Takes a savepoint of a running job and prints its directory.",
        "DIR must be a directory every process of the cluster sees at the same path."})
final class SavepointCommand implements Callable<Integer> {
  @Mixin ClientOptions client;

  @Option(names = "--savepoint-dir", paramLabel = "DIR",
      description = "Where savepoints go when DIR is not given (configuration key savepoint.dir).")
  String defaultDirectory;

  @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job (weir list shows the ids).") String jobId;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "The directory to write the savepoint into.")
  String directory;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String target = targetDirectory(directory, defaultDirectory, spec);
    try (ClusterClient cluster = client.connect(spec)) {
      System.out.println(cluster.savepoint(jobId, target, false));
      return 0;
    }
  }

  /** The savepoint target, absolute (the JobManager and TaskManagers have other working directories). */
  static String targetDirectory(String given, String configured, CommandSpec spec) {
    String directory = given != null && !given.isBlank() ? given : configured;
    if (directory == null || directory.isBlank()) {
      throw new ParameterException(spec.commandLine(),
          "no savepoint directory: give DIR, --savepoint-dir or savepoint.dir in the configuration");
    }
    return CheckpointFlags.absolute(directory);
  }
}
