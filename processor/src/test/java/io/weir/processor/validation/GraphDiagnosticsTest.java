package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;
import static io.weir.processor.Sources.stringMap;
import static io.weir.processor.Sources.stringSink;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Edges: types, upstreams, cycles, sinks as upstreams. */
class GraphDiagnosticsTest {

  @Test
  void upstreamOutputWithoutMatchingInputIsAnEdgeTypeError() {
    JavaFileObject lengths = java("Lengths", """
        @Operator(from = Lines.class)
        public final class Lengths {
          public Integer process(Integer in) {
            return in;
          }
        }
        """);
    Compilation compilation = WeirCompiler.compile(lines(), lengths, java("Print", """
        @Sink(from = Lengths.class)
        public final class Print {
          public void write(Integer in) {}
        }
        """));
    assertThat(compilation).hadErrorContaining(
            "[weir.edge-type] @Operator Lengths reads from Lines, which emits String, but Lengths has no input method"
                + " for it (its inputs: Integer).")
        .inFile(lengths).onLineContaining("@Operator(from = Lines.class)");
    assertThat(compilation).hadErrorContaining("Fix: add `public void process(String in, Emitter<Integer> out)`");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void assignableOutputFeedsASupertypeInput() {
    JavaFileObject chars = java("Chars", """
        @Operator(from = Lines.class)
        public final class Chars {
          public String process(CharSequence in) {
            return in.toString();
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), chars, print("Chars.class"))).succeededWithoutWarnings();
  }

  @Test
  void outputAcceptedBySeveralSupertypeInputsIsAmbiguous() {
    JavaFileObject both = java("Both", """
        @Operator(from = Lines.class)
        public final class Both {
          public String process(CharSequence in) {
            return "";
          }

          public String process(Comparable<String> in) {
            return "";
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), both, print("Both.class")))
        .hadErrorContaining("[weir.edge-type] @Operator Both reads from Lines, which emits String, which several input"
            + " methods accept")
        .inFile(both).onLineContaining("from = Lines.class");
  }

  @Test
  void genericTypesMustMatchUnerased() {
    JavaFileObject source = java("Numbers", """
        @Source(job = "demo")
        public final class Numbers implements SourceReader<List<Integer>> {
          public Status poll(Emitter<List<Integer>> out) {
            return Status.END_OF_INPUT;
          }
        }
        """);
    JavaFileObject sink = java("Print", """
        @Sink(from = Numbers.class)
        public final class Print {
          public void write(List<String> in) {}
        }
        """);
    assertThat(WeirCompiler.compile(source, sink))
        .hadErrorContaining("[weir.edge-type] @Sink Print reads from Numbers, which emits List<Integer>")
        .inFile(sink).onLineContaining("@Sink(from = Numbers.class)");
  }

  @Test
  void inputMethodNoUpstreamFeedsIsAWarning() {
    JavaFileObject extra = java("Extra", """
        @Operator(from = Lines.class)
        public final class Extra {
          public String process(String in) {
            return in;
          }

          public String process(Long in) {
            return "";
          }
        }
        """);
    Compilation compilation = WeirCompiler.compile(lines(), extra, print("Extra.class"));
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[weir.edge-type] @Operator Extra: process(Long) is fed by none of its upstreams.")
        .inFile(extra).onLineContaining("process(Long in)");
  }

  @Test
  void upstreamWithoutRoleIsReported() {
    JavaFileObject helper = java("Helper", "public final class Helper {}\n");
    JavaFileObject upper = java("Upper", """
        @Operator(from = {Lines.class,
            Helper.class})
        public final class Upper {
          public String process(String in) {
            return in;
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), helper, upper, print("Upper.class")))
        .hadErrorContaining("[weir.edge-upstream] @Operator Upper reads from Helper, which is not a @Source or"
            + " @Operator. Fix: annotate Helper")
        .inFile(upper).onLineContaining("Helper.class})");
  }

  @Test
  void upstreamNamedTwiceIsReported() {
    JavaFileObject upper = java("Upper", """
        @Operator(from = {Lines.class,
            Lines.class})
        public final class Upper {
          public String process(String in) {
            return in;
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), upper, print("Upper.class")))
        .hadErrorContaining("[weir.edge-upstream] @Operator Upper reads from Lines twice.")
        .inFile(upper).onLineContaining("Lines.class})");
  }

  @Test
  void cycleIsReportedOnceWithItsPath() {
    JavaFileObject a = java("A", """
        @Operator(from = {Lines.class, B.class})
        public final class A {
          public String process(String in) {
            return in;
          }
        }
        """);
    Compilation compilation = WeirCompiler.compile(lines(), a, stringMap("B", "A.class"), print("A.class"));
    assertThat(compilation)
        .hadErrorContaining("[weir.cycle] @Operator A is part of a cycle: A -> B -> A.")
        .inFile(a).onLineContaining("B.class})");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void operatorReadingFromItselfIsACycle() {
    JavaFileObject self = java("Self", """
        @Operator(from = {Lines.class, Self.class})
        public final class Self {
          public String process(String in) {
            return in;
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), self, print("Self.class")))
        .hadErrorContaining("[weir.cycle] @Operator Self is part of a cycle: Self -> Self.")
        .inFile(self).onLineContaining("Self.class})");
  }

  @Test
  void sinkAsUpstreamIsReported() {
    JavaFileObject after = java("After", """
        @Operator(from = Print.class)
        public final class After {
          public String process(String in) {
            return in;
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), print("Lines.class"), after, stringSink("End", "After.class")))
        .hadErrorContaining("[weir.sink-upstream] @Operator After reads from Print, which is a @Sink")
        .inFile(after).onLineContaining("@Operator(from = Print.class)");
  }

  @Test
  void emptyFromLeavesTheOperatorUnreachable() {
    JavaFileObject orphan = java("Orphan", """
        @Operator(from = {})
        public final class Orphan {
          public String process(String in) {
            return in;
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), print("Lines.class"), orphan))
        .hadErrorContaining("[weir.job-shape] @Operator Orphan has no upstream (from is empty), so no @Source"
            + " reaches it.")
        .inFile(orphan).onLineContaining("@Operator(from = {})");
  }
}
