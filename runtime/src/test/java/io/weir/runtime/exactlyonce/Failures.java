package io.weir.runtime.exactlyonce;

/** Failure text for assertions: every message down a cause chain, with suppressed exceptions. */
final class Failures {
  private Failures() {}

  /** The class and message of {@code failure} and of each of its causes and suppressed exceptions. */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    append(text, failure, 0);
    return text.toString();
  }

  /** The full stack trace of {@code failure}, for a failure that was not expected at all. */
  static String trace(Throwable failure) {
    if (failure == null) {
      return "no failure";
    }
    java.io.StringWriter text = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }

  private static void append(StringBuilder text, Throwable t, int depth) {
    if (t == null || depth > 12) {
      return;
    }
    text.append(depth == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    for (Throwable suppressed : t.getSuppressed()) {
      text.append(" [suppressed: ");
      append(text, suppressed, depth + 1);
      text.append(']');
    }
    append(text, t.getCause(), depth + 1);
  }
}
