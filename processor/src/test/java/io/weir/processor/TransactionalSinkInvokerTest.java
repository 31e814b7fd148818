package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.testing.compile.Compilation;
import io.weir.api.TwoPhaseCommitSink;
import io.weir.api.files.TransactionalFileSink;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.TransactionalSinkBinding;
import org.junit.jupiter.api.Test;

/**
 * The invoker of a {@code @Sink} implementing TwoPhaseCommitSink (here through the ready
 * TransactionalFileSink, whose write, open and close are inherited) hands the runtime the instance.
 */
class TransactionalSinkInvokerTest {

  static Compilation compileFileSinkJob() {
    Compilation compilation = WeirCompiler.compile(Sources.lines(),
        Sources.java("Files", """
            import io.weir.api.files.TransactionalFileSink;
            import java.nio.file.Path;

            @Sink(from = Lines.class)
            public final class Files extends TransactionalFileSink<String> {
              protected Path directory(OperatorContext context) {
                return Path.of(context.parameters().get("output", "out"));
              }

              protected String format(String line) {
                return line.toUpperCase();
              }
            }
            """),
        Sources.print("Lines.class"));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  @Test
  void theInvokerOfATransactionalSinkReturnsItsInstance() throws Exception {
    ClassLoader loader = new CompiledClassLoader(compileFileSinkJob());
    Object invoker = loader.loadClass("test.Files_WeirInvoker").getConstructor().newInstance();
    assertInstanceOf(OperatorInvoker.class, invoker);
    TwoPhaseCommitSink sink = ((TransactionalSinkBinding) invoker).transactionalSink();
    assertInstanceOf(TransactionalFileSink.class, sink);
    assertSame(sink, ((TransactionalSinkBinding) invoker).transactionalSink(), "the one instance it invokes");
  }

  @Test
  void theInvokerOfAPlainSinkIsNotTransactional() throws Exception {
    ClassLoader loader = new CompiledClassLoader(compileFileSinkJob());
    Object invoker = loader.loadClass("test.Print_WeirInvoker").getConstructor().newInstance();
    assertFalse(invoker instanceof TransactionalSinkBinding);
  }
}
