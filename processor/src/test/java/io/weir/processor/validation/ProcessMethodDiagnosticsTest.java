package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Input methods of operators and sinks, and lifecycle methods. */
class ProcessMethodDiagnosticsTest {

  private static JavaFileObject op(String body) {
    return java("Op", """
        @Operator(from = Lines.class)
        public final class Op {
        %s
        }
        """.formatted(body));
  }

  private static Compilation compile(JavaFileObject op) {
    return WeirCompiler.compile(lines(), op, print("Op.class"));
  }

  @Test
  void operatorWithoutInputMethodIsReported() {
    JavaFileObject op = op("  public String transform(String in) { return in; }");
    assertThat(compile(op))
        .hadErrorContaining("[weir.process-method] @Operator Op has no input method, so it cannot consume records."
            + " Fix: declare `public void process(In in, Emitter<Out> out)`")
        .inFile(op).onLineContaining("public final class Op");
  }

  @Test
  void sinkWithoutWriteMethodIsReported() {
    JavaFileObject sink = java("Print", """
        @Sink(from = Lines.class)
        public final class Print {
          public void accept(String in) {}
        }
        """);
    assertThat(WeirCompiler.compile(lines(), sink))
        .hadErrorContaining("[weir.process-method] @Sink Print has no write method, so it cannot consume records."
            + " Fix: declare `public void write(In in)`.")
        .inFile(sink).onLineContaining("public final class Print");
  }

  @Test
  void nonPublicProcessMethodIsReportedOnTheMethod() {
    JavaFileObject op = op("  String process(String in) { return in; }");
    assertThat(compile(op))
        .hadErrorContaining("[weir.process-method] @Operator Op: process(String) is not public, so Weir cannot call it.")
        .inFile(op).onLineContaining("String process(String in)");
  }

  @Test
  void processMethodOfNoKnownShapeIsReported() {
    JavaFileObject op = op("  public void process(String in, List<String> out) {}");
    assertThat(compile(op))
        .hadErrorContaining("[weir.process-method] @Operator Op: process(String, List<String>) has neither the flatMap"
            + " shape")
        .inFile(op).onLineContaining("public void process(String in, List<String> out)");
  }

  @Test
  void wildcardEmitterIsReported() {
    JavaFileObject op = op("  public void process(String in, Emitter<?> out) {}");
    assertThat(compile(op))
        .hadErrorContaining("[weir.process-method] @Operator Op: process(String, Emitter<?>) emits to a raw or wildcard"
            + " Emitter")
        .inFile(op).onLineContaining("Emitter<?> out");
  }

  @Test
  void filterNotReturningBooleanIsReported() {
    JavaFileObject op = op("  public String filter(String in) { return in; }");
    assertThat(compile(op))
        .hadErrorContaining("[weir.process-method] @Operator Op: filter(String) does not have the filter shape")
        .inFile(op).onLineContaining("public String filter(String in)");
  }

  @Test
  void twoMethodsForOneInputTypeAreReported() {
    JavaFileObject op = op("""
          public String process(String in) { return in; }

          public boolean filter(String in) { return true; }
        """);
    assertThat(compile(op))
        .hadErrorContaining("[weir.process-method] @Operator Op has two input methods for String: process(String) and"
            + " filter(String)")
        .inFile(op).onLineContaining("public boolean filter(String in)");
  }

  @Test
  void inputMethodsEmittingDifferentTypesAreReported() {
    JavaFileObject op = op("""
          public String process(String in) { return in; }

          public Integer process(Long in) { return 1; }
        """);
    assertThat(compile(op))
        .hadErrorContaining("[weir.process-method] @Operator Op: process(Long) emits Integer but process(String) emits"
            + " String; all input methods of an operator emit one type.")
        .inFile(op).onLineContaining("public Integer process(Long in)");
  }

  @Test
  void nonPublicOpenIsReportedBecauseWeirWouldSkipIt() {
    JavaFileObject op = op("""
          void open(OperatorContext context) {}

          public String process(String in) { return in; }
        """);
    assertThat(compile(op))
        .hadErrorContaining("[weir.process-method] @Operator Op: open(OperatorContext) is not a public, non-static void"
            + " method, so Weir would never call it.")
        .inFile(op).onLineContaining("void open(OperatorContext context)");
  }

  @Test
  void inheritedProcessMethodIsUsed() {
    JavaFileObject base = java("Base", """
        public abstract class Base<T> {
          public T process(T in) {
            return in;
          }
        }
        """);
    JavaFileObject op = java("Op", """
        @Operator(from = Lines.class)
        public final class Op extends Base<String> {}
        """);
    assertThat(WeirCompiler.compile(lines(), base, op, print("Op.class"))).succeededWithoutWarnings();
  }
}
