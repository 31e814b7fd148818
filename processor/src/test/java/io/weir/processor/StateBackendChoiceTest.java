package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import org.junit.jupiter.api.Test;

/** {@code @Job(stateBackend = ...)} lands in the generated plan; heap when unset. */
class StateBackendChoiceTest {

  @Test
  void aJobDeclaringRocksDbGetsAPlanNamingRocksDb() {
    assertEquals("rocksdb", planOf("@Job(name = \"demo\", stateBackend = StateBackendKind.ROCKSDB)").stateBackend());
  }

  @Test
  void aJobDeclaringHeapOrNothingGetsAPlanNamingHeap() {
    assertEquals("heap", planOf("@Job(name = \"demo\", stateBackend = StateBackendKind.HEAP)").stateBackend());
    assertEquals("heap", planOf("@Job(name = \"demo\", parallelism = 2)").stateBackend());
    assertEquals("heap", planOf("").stateBackend());
  }

  @Test
  void anUnknownBackendDoesNotCompile() {
    Compilation compilation = compile("@Job(name = \"demo\", stateBackend = StateBackendKind.MEMORY)");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("MEMORY");
  }

  private static JobPlan planOf(String jobAnnotation) {
    Compilation compilation = compile(jobAnnotation);
    assertThat(compilation).succeededWithoutWarnings();
    return JobCatalog.load(new CompiledClassLoader(compilation)).job("demo");
  }

  private static Compilation compile(String jobAnnotation) {
    return WeirCompiler.compile(
        Sources.java("Lines", jobAnnotation + """

            @Source(job = "demo")
            public final class Lines implements SourceReader<String> {
              public Status poll(Emitter<String> out) {
                return Status.END_OF_INPUT;
              }
            }
            """),
        Sources.print("Lines.class"));
  }
}
