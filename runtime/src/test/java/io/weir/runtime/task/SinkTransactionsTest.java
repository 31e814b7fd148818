package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.JobParameters;
import io.weir.api.TwoPhaseCommitSink;
import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.runtime.operator.TransactionalSinkBinding;
import io.weir.state.operator.Redistribution;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-phase commit protocol around a fake sink: order of calls, snapshots, restores at any
 * parallelism (each handle committed by exactly one new instance), failures.
 */
@Timeout(30)
class SinkTransactionsTest {
  private static final String VERTEX = "tx-sink";

  @TempDir Path directory;
  private LocalDirectorySnapshotStorage storage;
  /** Every call on every fake sink instance, in order, e.g. "0:preCommit(3)". */
  private final List<String> calls = new ArrayList<>();
  /** How often each handle was committed, over all instances. */
  private final Map<String, Integer> commits = new HashMap<>();

  @BeforeEach
  void storage() throws IOException {
    storage = new LocalDirectorySnapshotStorage(directory);
  }

  /**
   * A sink whose transactions are counters: each write adds to the open one, preCommit names it
   * "s<subtask>-<n>" (null when nothing was written). Fails where told to.
   */
  private class FakeSink implements TwoPhaseCommitSink, TransactionalSinkBinding {
    final int subtask;
    int written;
    int transactions;
    String failOn = "";

    FakeSink(int subtask) {
      this.subtask = subtask;
    }

    void write() {
      written++;
    }

    @Override
    public String preCommit(long checkpointId) throws IOException {
      log("preCommit(" + (checkpointId == Long.MAX_VALUE ? "end" : checkpointId) + ")");
      if (failOn.equals("preCommit")) {
        throw new IOException("disk full");
      }
      if (written == 0) {
        return null;
      }
      written = 0;
      return "s" + subtask + "-" + transactions++;
    }

    @Override
    public void commit(String handle) throws IOException {
      log("commit(" + handle + ")");
      if (failOn.equals("commit " + handle)) {
        throw new IOException("rename refused");
      }
      commits.merge(handle, 1, Integer::sum);
    }

    @Override
    public void abortOpen() {
      log("abortOpen");
      if (failOn.equals("abortOpen")) {
        throw new IllegalStateException("cannot delete");
      }
      written = 0;
    }

    @Override
    public void recover(Set<String> restoredHandles) {
      log("recover(" + new TreeSet<>(restoredHandles) + ")");
    }

    @Override
    public TwoPhaseCommitSink transactionalSink() {
      return this;
    }

    private void log(String call) {
      calls.add(subtask + ":" + call);
    }
  }

  /** One running instance: its sink, operator state and transactions. */
  private record Instance(FakeSink sink, SubtaskOperatorState state, SinkTransactions transactions) {}

  private Instance start(int subtask, int parallelism, OperatorStateRestore restore) {
    FakeSink sink = new FakeSink(subtask);
    SubtaskOperatorState state = new SubtaskOperatorState(subtask, parallelism, restore);
    state.bind(VERTEX, sink);
    TaskOperatorContext context = new TaskOperatorContext("job", "TxSink", subtask, parallelism, JobParameters.empty());
    return new Instance(sink, state, SinkTransactions.bind(VERTEX, sink, state, context));
  }

  /** What a task does at a barrier: pre-commit, then snapshot the operator state. */
  private Map<String, String> snapshot(Instance instance, long checkpointId) {
    instance.transactions().preCommit(checkpointId);
    return instance.state().snapshot("chk-" + checkpointId, storage, Runnable::run).join();
  }

  private static List<String> handles(Instance instance) {
    return instance.transactions().pending().stream().map(PendingTransaction::handle).toList();
  }

  @Test
  void preCommitsAtTheBarrierAndCommitsOnCompletionInOrder() {
    Instance i = start(0, 1, null);
    i.sink().write();
    i.transactions().preCommit(1);
    i.transactions().preCommit(2); // nothing written since: no transaction
    i.sink().write();
    i.transactions().preCommit(3);
    assertEquals(List.of(new PendingTransaction(1, "s0-0"), new PendingTransaction(3, "s0-1")),
        i.transactions().pending());
    assertEquals(i.transactions().pending(), i.state().store(VERTEX).elements(SubtaskOperatorState.PENDING_TRANSACTIONS),
        "the reserved list state mirrors what is pending");

    i.transactions().commitUpTo(2); // checkpoint 2 completes: covers the transaction of checkpoint 1
    assertEquals(List.of(new PendingTransaction(3, "s0-1")), i.transactions().pending());
    i.transactions().commitUpTo(3);
    assertEquals(List.of("0:preCommit(1)", "0:preCommit(2)", "0:preCommit(3)", "0:commit(s0-0)", "0:commit(s0-1)"),
        calls);
    assertEquals(List.of(), i.state().store(VERTEX).elements(SubtaskOperatorState.PENDING_TRANSACTIONS));
  }

  @Test
  void theSnapshotTakenAfterThePreCommitHoldsItsHandleAndLaterChangesDoNotLeakIn() {
    Instance i = start(0, 1, null);
    i.sink().write();
    Map<String, String> saved = snapshot(i, 1);
    i.transactions().commitUpTo(1); // after the snapshot: the snapshot still holds the handle
    i.sink().write();
    i.transactions().preCommit(2);  // after the snapshot: not in it

    Instance restored = start(0, 1, OperatorStateRestore.of(storage, List.of(saved)));
    assertEquals(List.of("s0-0"), handles(restored));
  }

  @Test
  void restoreRecoversThenRecommitsHandlesAlreadyCommittedBeforeTheCrash() {
    Instance i = start(0, 1, null);
    i.sink().write();
    Map<String, String> saved = snapshot(i, 1);
    i.transactions().commitUpTo(1);
    i.sink().write();
    i.transactions().preCommit(2); // checkpoint 2 never completes: its transaction is not restored
    calls.clear();

    Instance restored = start(0, 1, OperatorStateRestore.of(storage, List.of(saved)));
    restored.transactions().recover(1);
    assertEquals(List.of("0:recover([s0-0])", "0:commit(s0-0)"), calls, "recover first, then the idempotent recommit");
    assertEquals(2, commits.get("s0-0"), "committed before the crash and again on restore");
    assertEquals(List.of(), restored.transactions().pending());
    assertEquals(List.of(), restored.state().store(VERTEX).elements(SubtaskOperatorState.PENDING_TRANSACTIONS));
  }

  @Test
  void scaleUpFromTwoToThreeCommitsEveryHandleExactlyOnce() {
    List<Map<String, String>> saved = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      Instance old = start(subtask, 2, null);
      for (long checkpoint = 1; checkpoint <= 3; checkpoint++) { // no notification arrives: all pending
        old.sink().write();
        old.transactions().preCommit(checkpoint);
      }
      old.sink().write();
      saved.add(snapshot(old, 4));
      expected.addAll(handles(old));
    }
    assertEquals(8, expected.size());
    OperatorStateRestore restore = OperatorStateRestore.of(storage, saved);
    for (int subtask = 0; subtask < 3; subtask++) {
      Instance now = start(subtask, 3, restore);
      assertTrue(handles(now).size() >= 2, "even split: " + handles(now));
      now.transactions().recover(4);
    }
    assertEquals(expected, commits.keySet());
    commits.forEach((handle, times) -> assertEquals(1, times, handle));
    for (int subtask = 0; subtask < 3; subtask++) {
      assertTrue(calls.contains(subtask + ":recover(" + expected + ")"),
          "every instance keeps every restored handle, not only its share: " + calls);
    }
  }

  @Test
  void aRestoredInstanceSnapshotsOnlyItsShare() {
    Instance old = start(0, 1, null);
    for (long checkpoint = 1; checkpoint <= 4; checkpoint++) {
      old.sink().write();
      old.transactions().preCommit(checkpoint);
    }
    Map<String, String> saved = snapshot(old, 5);
    List<Map<String, String>> again = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      Instance now = start(subtask, 2, OperatorStateRestore.of(storage, List.of(saved)));
      assertEquals(subtask == 0 ? List.of("s0-0", "s0-1") : List.of("s0-2", "s0-3"), handles(now));
      again.add(snapshot(now, 6)); // no recover: the share stays pending, and only it is snapshotted
    }
    Instance merged = start(0, 1, OperatorStateRestore.of(storage, again));
    assertEquals(List.of("s0-0", "s0-1", "s0-2", "s0-3"), handles(merged));
  }

  @Test
  void scaleDownFromThreeToOneCommitsEveryHandleExactlyOnce() {
    List<Map<String, String>> saved = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      Instance old = start(subtask, 3, null);
      old.sink().write();
      old.transactions().preCommit(1);
      old.transactions().commitUpTo(1); // committed: not in the later snapshot
      for (int w = 0; w <= subtask; w++) { // subtask 0 writes nothing more: an empty share
        old.sink().write();
        old.transactions().preCommit(2 + w);
      }
      saved.add(snapshot(old, 9));
      expected.addAll(handles(old));
    }
    commits.clear();
    Instance merged = start(0, 1, OperatorStateRestore.of(storage, saved));
    assertEquals(6, handles(merged).size());
    merged.transactions().recover(9);
    assertEquals(expected, commits.keySet());
    commits.forEach((handle, times) -> assertEquals(1, times, handle));
  }

  @Test
  void endOfInputPreCommitsTheLastTransactionAndCommitsEverythingPending() {
    Instance i = start(0, 1, null);
    i.sink().write();
    i.transactions().preCommit(5); // checkpoint 5 has not completed yet
    i.sink().write();
    calls.clear();
    i.transactions().endOfInput();
    assertEquals(List.of("0:preCommit(end)", "0:commit(s0-0)", "0:commit(s0-1)"), calls);
    assertEquals(List.of(), i.transactions().pending());
  }

  @Test
  void preCommitFailureNamesTheSinkAndTheCheckpoint() {
    Instance i = start(1, 2, null);
    i.sink().failOn = "preCommit";
    OperatorException e = assertThrows(OperatorException.class, () -> i.transactions().preCommit(4));
    assertEquals("TxSink", e.operatorName());
    assertEquals(1, e.subtaskIndex());
    assertTrue(e.getMessage().contains("pre-commit for checkpoint 4 failed"), e.getMessage());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void aFailedCommitKeepsItsTransactionAndLaterOnesPendingButDropsEarlierOnes() {
    Instance i = start(0, 1, null);
    for (long checkpoint = 1; checkpoint <= 3; checkpoint++) {
      i.sink().write();
      i.transactions().preCommit(checkpoint);
    }
    i.sink().failOn = "commit s0-1";
    OperatorException e = assertThrows(OperatorException.class, () -> i.transactions().commitUpTo(3));
    assertTrue(e.getMessage().contains("commit of transaction 's0-1' (checkpoint 2) failed"), e.getMessage());
    assertEquals(List.of("s0-1", "s0-2"), handles(i));
    assertEquals(i.transactions().pending(), i.state().store(VERTEX).elements(SubtaskOperatorState.PENDING_TRANSACTIONS));
  }

  @Test
  void abortOpenDiscardsTheOpenTransactionAndAddsItsFailureToThePrimary() {
    Instance i = start(0, 1, null);
    i.sink().write();
    RuntimeException primary = new RuntimeException("task failed");
    i.transactions().abortOpen(primary);
    assertEquals(0, i.sink().written);
    assertEquals(0, primary.getSuppressed().length);

    i.sink().failOn = "abortOpen";
    i.transactions().abortOpen(primary);
    assertEquals(1, primary.getSuppressed().length);
    OperatorException suppressed = assertInstanceOf(OperatorException.class, primary.getSuppressed()[0]);
    assertTrue(suppressed.getMessage().contains("TxSink") && suppressed.getMessage().contains("aborting"),
        suppressed.getMessage());
  }

  @Test
  void recoverFailureIsNamedAndCommitsNothing() {
    Instance i = start(0, 1, null);
    i.sink().write();
    Map<String, String> saved = snapshot(i, 1);
    FakeSink failing = new FakeSink(0) {
      @Override
      public void recover(Set<String> restoredHandles) {
        throw new IllegalStateException("directory gone");
      }
    };
    SubtaskOperatorState state = new SubtaskOperatorState(0, 1, OperatorStateRestore.of(storage, List.of(saved)));
    state.bind(VERTEX, failing);
    SinkTransactions transactions = SinkTransactions.bind(VERTEX, failing, state,
        new TaskOperatorContext("job", "TxSink", 0, 1, JobParameters.empty()));
    OperatorException e = assertThrows(OperatorException.class, () -> transactions.recover(1));
    assertTrue(e.getMessage().contains("restoring checkpoint 1"), e.getMessage());
    assertEquals(List.of(new PendingTransaction(1, "s0-0")), transactions.pending());
    assertTrue(commits.isEmpty());
  }

  @Test
  void pendingTransactionsSitNextToTheSinksOwnOperatorState() {
    class StatefulSink extends FakeSink implements OperatorStateBinding {
      StatefulSink() {
        super(0);
      }

      @Override
      public void bindOperatorState(io.weir.state.operator.OperatorStateStore store) {
        store.listState("seen", LongSerializer.INSTANCE, Redistribution.UNION).add(7L);
      }
    }
    StatefulSink sink = new StatefulSink();
    SubtaskOperatorState state = new SubtaskOperatorState(0, 1, null);
    state.bind(VERTEX, sink);
    assertEquals(List.of(SubtaskOperatorState.PENDING_TRANSACTIONS, "seen"), state.store(VERTEX).stateNames());
    SinkTransactions transactions = SinkTransactions.bind(VERTEX, sink, state,
        new TaskOperatorContext("job", "TxSink", 0, 1, JobParameters.empty()));
    assertSame(sink, sink.transactionalSink());
    assertEquals(List.of(), transactions.pending());
  }

  @Test
  void pendingTransactionsOfASinkThatIsNoLongerTransactionalFailTheRestore() {
    Instance i = start(0, 1, null);
    i.sink().write();
    Map<String, String> saved = snapshot(i, 1);
    SubtaskOperatorState state = new SubtaskOperatorState(0, 1, OperatorStateRestore.of(storage, List.of(saved)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> state.bind(VERTEX, (OperatorStateBinding) store -> {}));
    assertTrue(e.getMessage().contains("no longer a transactional sink"), e.getMessage());
  }

  @Test
  void bindingAVertexThatIsNotTransactionalFails() {
    SubtaskOperatorState state = new SubtaskOperatorState(0, 1, null);
    state.bind(VERTEX, (OperatorStateBinding) store -> {});
    FakeSink sink = new FakeSink(0);
    assertThrows(IllegalStateException.class, () -> SinkTransactions.bind(VERTEX, sink, state,
        new TaskOperatorContext("job", "TxSink", 0, 1, JobParameters.empty())));
  }
}
