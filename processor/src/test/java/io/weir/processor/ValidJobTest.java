package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

class ValidJobTest {

  @Test
  void completeJobCompilesWithoutErrorsOrWarnings() {
    Compilation compilation = WeirCompiler.compile(WeirCompiler.resourceSources("golden/input"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.wordcount.WordcountJobPlan");
    assertThat(compilation).generatedSourceFile("com.example.wordcount.Count_WeirInvoker");
    assertThat(compilation).generatedSourceFile("com.example.wordcount.Count_WeirKeys");
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/services/io.weir.runtime.plan.JobPlanProvider");
  }
}
