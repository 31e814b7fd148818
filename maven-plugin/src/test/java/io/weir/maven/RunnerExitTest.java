package io.weir.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerExitTest {

  @Test
  void aFinishedJobIsNoFailure() {
    assertNull(RunnerExit.failureMessage("wordcount", 0, false, List.of()));
    assertNull(RunnerExit.failureMessage("wordcount", 0, true, List.of("noise")));
  }

  @Test
  void exitCodeOneMeansTheJobFailed() {
    assertEquals(
        "Weir job 'wordcount' failed: see the error above for the operator and cause",
        RunnerExit.failureMessage("wordcount", 1, false, List.of("Job 'wordcount' failed: ...")));
  }

  @Test
  void exitCodeOneWithJvmArgsAlsoPointsAtThem() {
    // The java launcher exits with 1 when it rejects an option, before the runner starts.
    String message = RunnerExit.failureMessage(null, 1, true, List.of());
    assertTrue(message.startsWith("The Weir job failed: see the error above"), message);
    assertTrue(message.endsWith("if the JVM did not start, check weir.jvmArgs"), message);
  }

  @Test
  void exitCodeTwoQuotesTheRunnersReason() {
    assertEquals(
        "The Weir job could not start: several jobs found [evens, odds]: choose one",
        RunnerExit.failureMessage(
            null,
            2,
            false,
            List.of(
                "SLF4J(W): No SLF4J providers were found.",
                "",
                "several jobs found [evens, odds]: choose one",
                "usage: LocalJobRunner ...")));
  }

  @Test
  void exitCodeTwoWithoutAReasonNamesTheSuspects() {
    String message = RunnerExit.failureMessage("x", 2, false, List.of("SLF4J: noise", " "));
    assertTrue(message.startsWith("Weir job 'x' could not start: the runner rejected"), message);
    assertTrue(message.contains("weir.job"), message);
  }

  @Test
  void anyOtherCodeMeansTheJvmCrashed() {
    String message = RunnerExit.failureMessage("wordcount", 137, false, List.of("oops"));
    assertTrue(message.startsWith("Weir job 'wordcount' crashed"), message);
    assertTrue(message.contains("exited with code 137"), message);
    assertFalse(message.contains("weir.jvmArgs"), message);
    assertFalse(message.contains("oops"), message);
  }
}
