package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.testing.compile.Compilation;
import io.weir.api.TwoPhaseCommitSink;
import io.weir.api.files.TransactionalFileSink;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.TransactionalSinkBinding;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.testing.OperatorHarness;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invoker of a {@code @Sink} implementing TwoPhaseCommitSink (here through the ready
 * TransactionalFileSink, whose write, open and close are inherited) hands the runtime the instance,
 * and runs through a checkpoint in the harness: its file appears when the checkpoint completes.
 */
@Timeout(60)
class TransactionalSinkInvokerTest {
  @TempDir Path directory;

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

  @Test
  void theGeneratedSinkWritesFilesThatAppearWhenTheirCheckpointCompletes() throws Exception {
    JobPlan plan = JobCatalog.load(new CompiledClassLoader(compileFileSinkJob())).job("demo");
    Path output = directory.resolve("out");
    try (OperatorHarness<Void> files = OperatorHarness.<Void>of(plan, "Files")
        .withParameters("--output", output.toString())) {
      files.process("a").process("b");
      files.snapshot(1, new LocalDirectorySnapshotStorage(directory.resolve("snapshots")));
      assertEquals(List.of(), committed(output));
      files.notifyCheckpointComplete(1);
      assertEquals(List.of("A\nB\n"), committed(output));
    }
  }

  private static List<String> committed(Path output) throws Exception {
    try (Stream<Path> files = Files.list(output)) {
      List<Path> done = files.filter(p -> !p.toString().endsWith(TransactionalFileSink.IN_PROGRESS)).sorted().toList();
      return done.stream().map(p -> {
        try {
          return Files.readString(p);
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
      }).toList();
    }
  }
}
