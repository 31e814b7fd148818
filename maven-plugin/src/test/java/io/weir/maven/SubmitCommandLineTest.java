package io.weir.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class SubmitCommandLineTest {
  private static final Path JAVA = Path.of("/opt/jdk/bin/java");

  @Test
  void minimalSubmissionNamesTheLauncherTheJobManagerAndTheJar() {
    List<String> command = new SubmitCommandLine(JAVA, List.of("/p/target/classes", "/repo/weir-runtime.jar"),
        " 10.0.0.5:6123 ", Path.of("/p/target/job.jar")).toList();
    assertEquals(List.of(JAVA.toString(), "-cp", "/p/target/classes" + File.pathSeparator + "/repo/weir-runtime.jar",
        "io.weir.runtime.cli.Weir", "submit", "--jobmanager", "10.0.0.5:6123", "/p/target/job.jar"), command);
  }

  @Test
  void everyOptionGoesBeforeTheJarAndProgramArgumentsAfterTheSeparator() {
    List<String> command = new SubmitCommandLine(JAVA, List.of("/cp"), "h:1", Path.of("/job.jar"))
        .detached(true).job("wordcount").parallelism(4).vertexParallelism("Count=8, Tokenize=2")
        .restart("fixed-delay:3:1000").stateBackend(" rocksdb ").secretFile("/etc/weir/secret")
        .dependencies(List.of(Path.of("/repo/lib.jar")))
        .programArgs(List.of("--input", "my file.txt"))
        .toList();
    assertEquals(List.of(JAVA.toString(), "-cp", "/cp", "io.weir.runtime.cli.Weir", "submit", "--jobmanager", "h:1",
        "--detached", "--parallelism", "4", "--vertex-parallelism", "Count=8", "--vertex-parallelism", "Tokenize=2",
        "--restart", "fixed-delay:3:1000", "--state-backend", "rocksdb", "--secret-file", "/etc/weir/secret",
        "--dependency", "/repo/lib.jar", "/job.jar", "wordcount", "--", "--input", "my file.txt"), command);
  }

  @Test
  void checkpointAndSavepointOptionsBecomeTheirFlags() {
    List<String> command = new SubmitCommandLine(JAVA, List.of("/cp"), "h:1", Path.of("/job.jar"))
        .checkpointInterval(" 10s ").checkpointDir("/shared/cp").checkpointingMode("at-least-once")
        .fromSavepoint("/shared/sp/savepoint-wordcount-3-abcdef").allowNonRestoredState(true)
        .toList();
    assertEquals(List.of(JAVA.toString(), "-cp", "/cp", "io.weir.runtime.cli.Weir", "submit", "--jobmanager", "h:1",
        "--checkpoint-interval", "10s", "--checkpoint-dir", "/shared/cp", "--checkpointing-mode", "at-least-once",
        "--from-savepoint", "/shared/sp/savepoint-wordcount-3-abcdef", "--allow-non-restored-state", "/job.jar"), command);
    List<String> unaligned = new SubmitCommandLine(JAVA, List.of("/cp"), "h:1", Path.of("/job.jar"))
        .checkpointInterval("1s").checkpointDir("/cp").unaligned(true).fromSavepoint(" ").toList();
    assertEquals(List.of("--checkpoint-interval", "1s", "--checkpoint-dir", "/cp", "--unaligned", "/job.jar"),
        unaligned.subList(7, unaligned.size()));
  }

  @Test
  void uploadsOnlyDependenciesTheClusterDoesNotHave() {
    Artifact runtime = artifact("io.weir", "weir-runtime", List.of("com.example:job:1", "io.weir:weir-runtime:0.1.0-SNAPSHOT"));
    Artifact netty = artifact("io.netty", "netty-handler",
        List.of("com.example:job:1", "io.weir:weir-runtime:0.1.0-SNAPSHOT", "io.netty:netty-handler:4.1"));
    Artifact own = artifact("com.google.guava", "guava", List.of("com.example:job:1", "com.google.guava:guava:33"));
    assertEquals(List.of(Path.of("/repo/guava.jar")), SubmitMojo.jobDependencies(List.of(runtime, netty, own)));
  }

  private static Artifact artifact(String group, String id, List<String> trail) {
    DefaultArtifact artifact = new DefaultArtifact(group, id, "1", "runtime", "jar", null, new DefaultArtifactHandler("jar"));
    artifact.setFile(new File("/repo/" + id.replace("-handler", "") + ".jar"));
    artifact.setDependencyTrail(trail);
    return artifact;
  }
}
