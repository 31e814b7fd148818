package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;

import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One role per class; sources implement SourceReader with a concrete type. */
class RoleAndSourceDiagnosticsTest {

  @Test
  void twoRolesOnOneClassAreReported() {
    JavaFileObject both = java("Both", """
        @Operator(from = Lines.class)
        @Sink(from = Lines.class)
        public final class Both {
          public void write(String in) {}
        }
        """);
    assertThat(WeirCompiler.compile(lines(), both, print("Lines.class")))
        .hadErrorContaining("[weir.role-conflict] Both is annotated with @Operator and @Sink; a class plays one role.")
        .inFile(both).onLineContaining("public final class Both");
  }

  @Test
  void sourceNotImplementingSourceReaderIsReported() {
    JavaFileObject source = java("Lines", """
        @Source(job = "demo")
        public final class Lines {}
        """);
    assertThat(WeirCompiler.compile(source, print("Lines.class")))
        .hadErrorContaining("[weir.source-shape] @Source Lines does not implement SourceReader<T> with a type argument")
        .inFile(source).onLineContaining("public final class Lines");
  }

  @Test
  void sourceImplementingRawSourceReaderIsReported() {
    JavaFileObject source = java("Lines", """
        @Source(job = "demo")
        @SuppressWarnings({"rawtypes", "unchecked"})
        public final class Lines implements SourceReader {
          public Status poll(Emitter out) {
            return Status.END_OF_INPUT;
          }
        }
        """);
    assertThat(WeirCompiler.compile(source, print("Lines.class")))
        .hadErrorContaining("[weir.source-shape] @Source Lines does not implement SourceReader<T> with a type argument")
        .inFile(source).onLineContaining("public final class Lines");
  }

  @Test
  void sourceWithWildcardTypeIsReported() {
    JavaFileObject base = java("Base", """
        public abstract class Base<T extends CharSequence> implements SourceReader<List<? extends T>> {}
        """);
    JavaFileObject source = java("Lines", """
        @Source(job = "demo")
        public final class Lines extends Base<String> {
          public Status poll(Emitter<List<? extends String>> out) {
            return Status.END_OF_INPUT;
          }
        }
        """);
    assertThat(WeirCompiler.compile(base, source, print("Lines.class")))
        .hadErrorContaining("[weir.source-shape] @Source Lines implements SourceReader<List<? extends String>>, which is"
            + " not a concrete record type.")
        .inFile(source).onLineContaining("public final class Lines");
  }
}
