package io.weir.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/**
 * Small source files for diagnostic tests, all in package {@code test} with the Weir API, the
 * state interfaces and java.util imported.
 */
public final class Sources {
  private static final String HEADER = """
      package test;

      import io.weir.api.*;
      import io.weir.state.*;
      import java.util.*;

      """;

  private Sources() {}

  /** Class {@code test.<simpleName>} with {@code body} as the file's text after the imports. */
  public static JavaFileObject java(String simpleName, String body) {
    return JavaFileObjects.forSourceString("test." + simpleName, HEADER + body);
  }

  /** {@code @Source(job = "<job>") Lines} emitting strings. */
  public static JavaFileObject lines(String job) {
    return java("Lines", """
        @Source(job = "%s")
        public final class Lines implements SourceReader<String> {
          public Status poll(Emitter<String> out) {
            return Status.END_OF_INPUT;
          }
        }
        """.formatted(job));
  }

  /** {@code @Source(job = "demo") Lines}. */
  public static JavaFileObject lines() {
    return lines("demo");
  }

  /** A sink of strings named {@code simpleName} reading from {@code from} (a class literal list). */
  public static JavaFileObject stringSink(String simpleName, String from) {
    return java(simpleName, """
        @Sink(from = %s)
        public final class %s {
          public void write(String line) {}
        }
        """.formatted(from, simpleName));
  }

  /** {@code Print}, a sink of strings reading from {@code from}. */
  public static JavaFileObject print(String from) {
    return stringSink("Print", from);
  }

  /** A map operator from String to String named {@code simpleName}, reading from {@code from}. */
  public static JavaFileObject stringMap(String simpleName, String from) {
    return java(simpleName, """
        @Operator(from = %s)
        public final class %s {
          public String process(String in) {
            return in;
          }
        }
        """.formatted(from, simpleName));
  }

  /** {@code record Word(String text, int length)}. */
  public static JavaFileObject word() {
    return java("Word", "public record Word(String text, int length) {}\n");
  }
}
