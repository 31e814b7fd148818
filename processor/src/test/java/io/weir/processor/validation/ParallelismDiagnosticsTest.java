package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;

import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Parallelism, max parallelism and exchange. */
class ParallelismDiagnosticsTest {

  private static JavaFileObject jobSource(String job) {
    return java("Lines", """
        %s
        @Source(job = "demo")
        public final class Lines implements SourceReader<String> {
          public Status poll(Emitter<String> out) {
            return Status.END_OF_INPUT;
          }
        }
        """.formatted(job));
  }

  private static JavaFileObject op(String attributes, String keyed) {
    return java("Op", """
        @Operator(from = Lines.class, %s)
        %s
        public final class Op {
          public String process(String in) { return in; }
        }
        """.formatted(attributes, keyed));
  }

  @Test
  void negativeVertexParallelismIsReported() {
    JavaFileObject op = op("parallelism = -1", "");
    assertThat(WeirCompiler.compile(lines(), op, print("Op.class")))
        .hadErrorContaining("[weir.parallelism] @Operator Op has parallelism -1.")
        .inFile(op).onLineContaining("parallelism = -1");
  }

  @Test
  void maxParallelismOutOfRangeIsReported() {
    JavaFileObject source = jobSource("@Job(name = \"demo\", maxParallelism = 40000)");
    assertThat(WeirCompiler.compile(source, print("Lines.class")))
        .hadErrorContaining("[weir.parallelism] @Job(name = \"demo\") has maxParallelism 40000, outside [1, 32768].")
        .inFile(source).onLineContaining("maxParallelism = 40000");
    JavaFileObject zero = jobSource("@Job(name = \"demo\", maxParallelism = 0)");
    assertThat(WeirCompiler.compile(zero, print("Lines.class")))
        .hadErrorContaining("[weir.parallelism] @Job(name = \"demo\") has maxParallelism 0, outside [1, 32768].")
        .inFile(zero).onLineContaining("maxParallelism = 0");
  }

  @Test
  void jobParallelismBelowOneIsReported() {
    JavaFileObject source = jobSource("@Job(name = \"demo\", parallelism = 0)");
    assertThat(WeirCompiler.compile(source, print("Lines.class")))
        .hadErrorContaining("[weir.parallelism] @Job(name = \"demo\") has parallelism 0; a job's default parallelism is"
            + " at least 1.")
        .inFile(source).onLineContaining("parallelism = 0");
  }

  @Test
  void jobParallelismAboveMaxParallelismIsReported() {
    JavaFileObject source = jobSource("@Job(name = \"demo\", parallelism = 16, maxParallelism = 8)");
    assertThat(WeirCompiler.compile(source, print("Lines.class")))
        .hadErrorContaining("[weir.parallelism] @Job(name = \"demo\") has parallelism 16, above its maxParallelism 8.")
        .inFile(source).onLineContaining("parallelism = 16");
  }

  @Test
  void vertexParallelismAboveTheJobsMaxParallelismIsReported() {
    JavaFileObject op = op("parallelism = 200", "");
    assertThat(WeirCompiler.compile(lines(), op, print("Op.class")))
        .hadErrorContaining("[weir.parallelism] @Operator Op has parallelism 200, above the maxParallelism 128 of job"
            + " 'demo'.")
        .inFile(op).onLineContaining("parallelism = 200");
  }

  @Test
  void exchangeOnAKeyedVertexIsReported() {
    JavaFileObject op = op("exchange = Exchange.BROADCAST", "@Keyed(\"length\")");
    assertThat(WeirCompiler.compile(lines(), op, print("Op.class")))
        .hadErrorContaining("[weir.parallelism] @Operator Op is @Keyed, so its inputs are partitioned by key; exchange ="
            + " BROADCAST cannot apply.")
        .inFile(op).onLineContaining("exchange = Exchange.BROADCAST");
  }
}
