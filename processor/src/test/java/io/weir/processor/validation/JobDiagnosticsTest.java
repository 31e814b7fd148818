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
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Job names, duplicate names, and the shape of jobs. */
class JobDiagnosticsTest {

  private static JavaFileObject source(String name, String job, String annotations) {
    return java(name, """
        %s
        @Source(job = "%s")
        public final class %s implements SourceReader<String> {
          public Status poll(Emitter<String> out) {
            return Status.END_OF_INPUT;
          }
        }
        """.formatted(annotations, job, name));
  }

  @Test
  void twoJobAnnotationsWithOneNameAreReported() {
    JavaFileObject first = source("Lines", "demo", "@Job(name = \"demo\", parallelism = 2)");
    JavaFileObject second = java("Settings", """
        @Job(name = "demo", parallelism = 3)
        public final class Settings {}
        """);
    Compilation compilation = WeirCompiler.compile(first, second, print("Lines.class"));
    assertThat(compilation)
        .hadErrorContaining("[weir.duplicate-name] @Job(name = \"demo\") is declared twice: on Lines and on Settings."
            + " Fix: keep one @Job per job.")
        .inFile(second).onLineContaining("@Job(name = \"demo\", parallelism = 3)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoVerticesWithOneNameInAJobAreReported() {
    JavaFileObject renamed = java("Upper", """
        @Operator(from = Lines.class,
            name = "Lower")
        public final class Upper {
          public String process(String in) { return in; }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), renamed, stringMap("Lower", "Upper.class"), print("Lower.class")))
        .hadErrorContaining("[weir.duplicate-name] job 'demo' has two vertices named 'Lower': test.Lower and test.Upper.")
        .inFile(renamed).onLineContaining("name = \"Lower\")");
  }

  @Test
  void malformedJobNameIsReportedOnTheJobValue() {
    JavaFileObject source = java("Lines", """
        @Source(
            job = "Word Count")
        public final class Lines implements SourceReader<String> {
          public Status poll(Emitter<String> out) {
            return Status.END_OF_INPUT;
          }
        }
        """);
    assertThat(WeirCompiler.compile(source, print("Lines.class")))
        .hadErrorContaining("[weir.duplicate-name] @Source Lines names job \"Word Count\", which is not a valid job name."
            + " Fix: use lower-case letters, digits and single '-'")
        .inFile(source).onLineContaining("job = \"Word Count\")");
  }

  @Test
  void jobWithoutSinkIsReported() {
    JavaFileObject source = lines("sinkless");
    assertThat(WeirCompiler.compile(source, stringMap("Upper", "Lines.class")))
        .hadErrorContaining("[weir.job-shape] job 'sinkless' has no @Sink, so its records go nowhere.")
        .inFile(source).onLineContaining("@Source(job = \"sinkless\")");
  }

  @Test
  void jobAnnotationWithoutSourceIsReported() {
    JavaFileObject settings = java("Settings", """
        @Job(name = "ghost")
        public final class Settings {}
        """);
    assertThat(WeirCompiler.compile(lines(), print("Lines.class"), settings))
        .hadErrorContaining("[weir.job-shape] @Job(name = \"ghost\") configures a job that no @Source names.")
        .inFile(settings).onLineContaining("@Job(name = \"ghost\")");
  }

  @Test
  void vertexReachableFromTwoJobsIsReported() {
    JavaFileObject shared = stringMap("Shared", "{Lines.class, Other.class}");
    Compilation compilation = WeirCompiler.compile(
        lines("one"), source("Other", "two", ""), shared, print("Shared.class"));
    assertThat(compilation)
        .hadErrorContaining("[weir.job-shape] @Operator Shared is reachable from the sources of several jobs [one, two]")
        .inFile(shared).onLineContaining("public final class Shared");
  }

  @Test
  void twoValidJobsAreBothRegistered() {
    Compilation compilation = WeirCompiler.compile(
        lines("b-job"), print("Lines.class"), source("Other", "a-job", ""), stringSink("OtherSink", "Other.class"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.weir.runtime.plan.JobPlanProvider")
        .contentsAsUtf8String().isEqualTo("test.AJobJobPlan\ntest.BJobJobPlan\n");
  }
}
