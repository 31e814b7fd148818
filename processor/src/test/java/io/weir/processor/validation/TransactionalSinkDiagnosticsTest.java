package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;

import io.weir.processor.RuntimeNames;
import io.weir.processor.WeirCompiler;
import io.weir.runtime.task.SubtaskOperatorState;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** [weir.transactional-sink]: TwoPhaseCommitSink on something other than a sink that is not keyed. */
class TransactionalSinkDiagnosticsTest {
  /** The methods of TwoPhaseCommitSink, doing nothing. */
  private static final String TRANSACTION_METHODS = """
        public String preCommit(long checkpointId) { return null; }
        public void commit(String handle) {}
        public void abortOpen() {}
      """;

  @Test
  void anUnkeyedTransactionalSinkCompiles() {
    JavaFileObject sink = java("Commit", """
        @Sink(from = Lines.class)
        public final class Commit implements TwoPhaseCommitSink {
          @State ListState<String> notes;
          public void write(String line) {}
        %s}
        """.formatted(TRANSACTION_METHODS));
    assertThat(WeirCompiler.compile(lines(), sink)).succeededWithoutWarnings();
  }

  @Test
  void aTransactionalOperatorIsReported() {
    JavaFileObject operator = java("Upper", """
        @Operator(from = Lines.class)
        public final class Upper implements TwoPhaseCommitSink {
          public String process(String line) { return line.toUpperCase(); }
        %s}
        """.formatted(TRANSACTION_METHODS));
    assertThat(WeirCompiler.compile(lines(), operator, print("Upper.class")))
        .hadErrorContaining("[weir.transactional-sink] @Operator Upper implements TwoPhaseCommitSink, but only a"
            + " @Sink's transactions are pre-committed at checkpoints and committed when they complete; a @Operator"
            + " would never see those calls. Fix: make the class a @Sink, or remove TwoPhaseCommitSink and emit to a"
            + " transactional @Sink downstream.")
        .inFile(operator).onLineContaining("public final class Upper implements TwoPhaseCommitSink");
  }

  @Test
  void aTransactionalSourceIsReported() {
    JavaFileObject source = java("Lines", """
        @Source(job = "demo")
        public final class Lines implements SourceReader<String>, TwoPhaseCommitSink {
          public Status poll(Emitter<String> out) { return Status.END_OF_INPUT; }
        %s}
        """.formatted(TRANSACTION_METHODS));
    assertThat(WeirCompiler.compile(source, print("Lines.class")))
        .hadErrorContaining("[weir.transactional-sink] @Source Lines implements TwoPhaseCommitSink")
        .inFile(source).onLineContaining("public final class Lines");
  }

  @Test
  void aKeyedTransactionalSinkIsReportedOnKeyed() {
    JavaFileObject sink = java("Commit", """
        @Sink(from = Lines.class)
        @Keyed("length")
        public final class Commit implements TwoPhaseCommitSink {
          public void write(String line) {}
        %s}
        """.formatted(TRANSACTION_METHODS));
    assertThat(WeirCompiler.compile(lines(), sink))
        .hadErrorContaining("[weir.transactional-sink] @Sink Commit is @Keyed and implements TwoPhaseCommitSink, but"
            + " a transaction belongs to a sink instance (all keys it writes), not to a key. Fix: remove @Keyed")
        .inFile(sink).onLineContaining("@Keyed(\"length\")");
  }

  @Test
  void aTransactionalSinkInheritingTheInterfaceIsCheckedToo() {
    JavaFileObject base = java("Base", """
        public abstract class Base implements TwoPhaseCommitSink {
        %s}
        """.formatted(TRANSACTION_METHODS));
    JavaFileObject operator = java("Upper", """
        @Operator(from = Lines.class)
        public final class Upper extends Base {
          public String process(String line) { return line; }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), base, operator, print("Upper.class")))
        .hadErrorContaining("[weir.transactional-sink] @Operator Upper implements TwoPhaseCommitSink")
        .inFile(operator).onLineContaining("public final class Upper extends Base");
  }

  @Test
  void stateNamedLikeThePendingTransactionsIsReported() {
    JavaFileObject sink = java("Commit", """
        @Sink(from = Lines.class)
        public final class Commit implements TwoPhaseCommitSink {
          @State(name = "weir.pending-transactions") ListState<String> mine;
          public void write(String line) {}
        %s}
        """.formatted(TRANSACTION_METHODS));
    assertThat(WeirCompiler.compile(lines(), sink))
        .hadErrorContaining("[weir.transactional-sink] @State field mine of Commit is named"
            + " \"weir.pending-transactions\", the name under which Weir keeps the pending transactions of @Sink"
            + " Commit. Fix: give the state another name.")
        .inFile(sink).onLineContaining("ListState<String> mine;");
  }

  @Test
  void theReservedNameIsTheOneTheRuntimeUses() {
    Assertions.assertEquals(SubtaskOperatorState.PENDING_TRANSACTIONS, RuntimeNames.PENDING_TRANSACTIONS_STATE);
  }
}
