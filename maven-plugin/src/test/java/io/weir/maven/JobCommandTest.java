package io.weir.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobCommandTest {
  private static final Path JAVA = Path.of("/opt/jdk/bin/java");
  private static final String RUNNER = "io.weir.runtime.client.LocalJobRunner";

  @Test
  void withoutOptionsRunsTheRunnerOnTheClassPath() {
    List<String> command = new JobCommand(JAVA, List.of("/p/target/classes")).toList();

    assertEquals(List.of(JAVA.toString(), "-cp", "/p/target/classes", RUNNER), command);
  }

  @Test
  void placesJvmArgsBeforeTheClassPathAndRunnerOptionsBeforeProgramArgs() {
    List<String> command =
        new JobCommand(JAVA, List.of("/p/target/classes", "/repo/weir-runtime.jar"))
            .jvmArgs(List.of("-Xmx512m", "-Dmode=fast"))
            .job("wordcount")
            .parallelism(4)
            .vertexParallelism(" Count=8,Tokenize=2 ")
            .progressIntervalMillis(250L)
            .stateBackend(" rocksdb ")
            .programArgs(List.of("--input", "my file.txt"))
            .toList();

    assertEquals(
        List.of(
            JAVA.toString(),
            "-Xmx512m",
            "-Dmode=fast",
            "-cp",
            "/p/target/classes" + File.pathSeparator + "/repo/weir-runtime.jar",
            RUNNER,
            "--job",
            "wordcount",
            "--parallelism",
            "4",
            "--vertex-parallelism",
            "Count=8,Tokenize=2",
            "--progress-interval",
            "250",
            "--state-backend",
            "rocksdb",
            "--",
            "--input",
            "my file.txt"),
        command);
  }

  @Test
  void aBlankStateBackendKeepsTheJobsOwn() {
    assertEquals(List.of(JAVA.toString(), "-cp", "c", RUNNER),
        new JobCommand(JAVA, List.of("c")).stateBackend("  ").toList());
    assertEquals(List.of(JAVA.toString(), "-cp", "c", RUNNER, "--state-backend", "heap"),
        new JobCommand(JAVA, List.of("c")).stateBackend("heap").toList());
  }

  @Test
  void programArgsThatLookLikeRunnerOptionsStayBehindTheSeparator() {
    List<String> command =
        new JobCommand(JAVA, List.of("c")).programArgs(List.of("--job", "other")).toList();

    assertEquals(List.of(JAVA.toString(), "-cp", "c", RUNNER, "--", "--job", "other"), command);
  }

  @Test
  void aBlankJobNameLetsTheRunnerChoose() {
    assertEquals(
        List.of(JAVA.toString(), "-cp", "c", RUNNER),
        new JobCommand(JAVA, List.of("c")).job("  ").toList());
    assertEquals(
        List.of(JAVA.toString(), "-cp", "c", RUNNER, "--job", "clicks"),
        new JobCommand(JAVA, List.of("c")).job(" clicks ").toList());
  }

  @Test
  void theRunnerClassIsTheRuntimeEntryPoint() {
    assertEquals(RUNNER, JobCommand.RUNNER_CLASS);
  }

  @Test
  void anEmptyClassPathIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new JobCommand(JAVA, List.of()));
  }

  @Test
  void findsTheLauncherInAJavaHome() {
    Path home = Path.of("/usr/lib/jvm/jdk-25");
    assertEquals(home.resolve("bin").resolve("java"), JobCommand.javaIn(home, false));
    assertEquals(home.resolve("bin").resolve("java.exe"), JobCommand.javaIn(home, true));
  }

  @Test
  void displayQuotesOnlyWhatAShellWouldSplitOrExpand() {
    assertEquals(
        "java -cp a.jar Main -- --input 'my file.txt' --query 'a*b' --name 'it'\\''s' ''",
        JobCommand.display(
            List.of(
                "java", "-cp", "a.jar", "Main", "--", "--input", "my file.txt", "--query", "a*b",
                "--name", "it's", "")));
  }
}
