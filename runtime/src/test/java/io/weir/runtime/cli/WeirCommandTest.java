package io.weir.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad usage is rejected before any process state is created. */
class WeirCommandTest {
  private static int run(StringWriter err, String... args) {
    CommandLine commandLine = Weir.commandLine();
    ConfigDefaults.install(commandLine, java.util.List.of(args), null);
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    return commandLine.execute(args);
  }

  @Test
  void malformedJobManagerAddressIsAUsageError() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "taskmanager", "--jobmanager", "no-port-here", "--slots", "2"));
    assertEquals(true, err.toString().contains("HOST:PORT"), err.toString());
  }

  @Test
  void listeningBeyondLoopbackWithoutASecretIsRefused() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "jobmanager", "--bind", "0.0.0.0", "--port", "0"));
    assertEquals(true, err.toString().contains("without a cluster secret"), err.toString());
  }

  @Test
  void missingRequiredOptionAndUnknownSubcommandAreUsageErrors() {
    assertEquals(2, run(new StringWriter(), "taskmanager", "--slots", "2"));
    assertEquals(2, run(new StringWriter(), "frobnicate"));
    assertEquals(2, run(new StringWriter(), "taskmanager", "--jobmanager", "127.0.0.1:1", "--slots", "0"));
  }

  @Test
  void aConfigurationFileSetsDefaultsAndFlagsWin(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("weir.properties"),
        "jobmanager = 127.0.0.1:1\ntaskmanager.slots = 0\n");
    StringWriter err = new StringWriter();
    // the file's jobmanager and slots are used...
    assertEquals(2, run(err, "taskmanager", "--config", config.toString()));
    assertEquals(true, err.toString().contains("--slots must be at least 1, got 0"), err.toString());
    // ...a flag wins over the file...
    StringWriter flagged = new StringWriter();
    assertEquals(2, run(flagged, "taskmanager", "--config", config.toString(), "--jobmanager", "nowhere"));
    assertEquals(true, flagged.toString().contains("got nowhere"), flagged.toString());
    // ...and the file wins over built-in defaults (the client's default is 127.0.0.1:6123)
    StringWriter client = new StringWriter();
    assertEquals(1, run(client, "list", "--config", config.toString()));
    assertEquals(true, client.toString().contains("127.0.0.1:1"), client.toString());
  }

  @Test
  void submitNeedsAnExistingJar() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "submit", "--jobmanager", "127.0.0.1:1", "no-such.jar", "--", "--lines", "1"));
    assertEquals(true, err.toString().contains("no jar at no-such.jar"), err.toString());
  }
}
