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
}
