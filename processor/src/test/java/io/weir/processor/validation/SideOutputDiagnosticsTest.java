package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @SideOutput} fields and downstreams reading them with {@code output = "..."}. */
class SideOutputDiagnosticsTest {

  private static JavaFileObject split(String field) {
    return java("Split", """
        @Operator(from = Lines.class)
        public final class Split {
          %s

          public void process(String line, Emitter<String> out) {
            out.emit(line);
          }
        }
        """.formatted(field));
  }

  private static final JavaFileObject MAIN_SINK = java("Print", """
      @Sink(from = Split.class)
      public final class Print {
        public void write(String line) {}
      }
      """);

  private static JavaFileObject sideSink(String output, String type) {
    return java("Lengths", """
        @Sink(from = Split.class, output = "%s")
        public final class Lengths {
          public void write(%s value) {}
        }
        """.formatted(output, type));
  }

  private static Compilation compile(JavaFileObject... files) {
    JavaFileObject[] all = new JavaFileObject[files.length + 2];
    all[0] = lines();
    all[1] = MAIN_SINK;
    System.arraycopy(files, 0, all, 2, files.length);
    return WeirCompiler.compile(all);
  }

  @Test
  void aSideOutputReadByItsNameCompilesWithoutWarnings() {
    assertThat(compile(split("@SideOutput(\"lengths\") Emitter<Integer> lengths;"), sideSink("lengths", "Integer")))
        .succeededWithoutWarnings();
  }

  @Test
  void readingAnUndeclaredSideOutputIsReported() {
    JavaFileObject sink = sideSink("sizes", "Integer");
    assertThat(compile(split("@SideOutput(\"lengths\") Emitter<Integer> lengths;"), sink))
        .hadErrorContaining("[weir.side-output] @Sink Lengths reads side output 'sizes' of Split, which declares no"
            + " such output (its side outputs: [lengths]). Fix:")
        .inFile(sink).onLineContaining("output = \"sizes\"");
  }

  @Test
  void aSideOutputOfAnotherTypeThanTheInputIsAnEdgeTypeError() {
    JavaFileObject sink = sideSink("lengths", "Long");
    assertThat(compile(split("@SideOutput(\"lengths\") Emitter<Integer> lengths;"), sink))
        .hadErrorContaining("[weir.edge-type] @Sink Lengths reads from Split, which emits Integer on side output"
            + " 'lengths', but Lengths has no input method for it")
        .inFile(sink).onLineContaining("@Sink(from = Split.class");
  }

  @Test
  void aSideOutputThatIsNotAnEmitterIsReported() {
    JavaFileObject split = split("@SideOutput(\"lengths\") List<Integer> lengths;");
    assertThat(compile(split))
        .hadErrorContaining("[weir.side-output] @SideOutput field lengths of @Operator Split is not an Emitter<T> of a"
            + " concrete type.")
        .inFile(split).onLineContaining("List<Integer> lengths");
  }

  @Test
  void aPrivateSideOutputIsReported() {
    JavaFileObject split = split("@SideOutput(\"lengths\") private Emitter<Integer> lengths;");
    assertThat(compile(split))
        .hadErrorContaining("[weir.side-output] @SideOutput field lengths of @Operator Split is private, final or"
            + " static, but generated code assigns it per instance.")
        .inFile(split).onLineContaining("private Emitter<Integer> lengths");
  }

  @Test
  void aDuplicateNameIsReported() {
    JavaFileObject split = split("""
        @SideOutput("x") Emitter<Integer> a;
          @SideOutput("x") Emitter<Integer> b;""");
    assertThat(compile(split))
        .hadErrorContaining("[weir.side-output] @SideOutput field b of @Operator Split reuses the name 'x'.")
        .inFile(split).onLineContaining("Emitter<Integer> b");
  }
}
