package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.network.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The task mailbox and the gate's wake-up: mail runs in order on the thread that asks, wakes a task
 * waiting on its gate, and once the mailbox is closed what was queued and what comes later runs
 * its closed alternative (the decline) instead.
 */
@Timeout(30)
class TaskMailboxTest {

  @Test
  void mailRunsInOrderOnlyWhenTheTaskAsks() {
    TaskMailbox mailbox = new TaskMailbox();
    AtomicInteger wakeUps = new AtomicInteger();
    mailbox.wakeUpWith(wakeUps::incrementAndGet);
    List<String> ran = new ArrayList<>();
    mailbox.put(() -> ran.add("a"), () -> ran.add("not a"));
    mailbox.put(() -> mailbox.put(() -> ran.add("c"), () -> {}), () -> {}); // mail queuing mail
    assertTrue(mailbox.hasMail());
    assertTrue(ran.isEmpty());
    assertEquals(2, wakeUps.get());
    mailbox.runAll();
    assertEquals(List.of("a", "c"), ran);
    assertFalse(mailbox.hasMail());
  }

  @Test
  void closingRunsTheAlternativeOfQueuedAndLaterMail() {
    TaskMailbox mailbox = new TaskMailbox();
    List<String> ran = new ArrayList<>();
    mailbox.put(() -> ran.add("trigger 1"), () -> ran.add("decline 1"));
    mailbox.close();
    mailbox.put(() -> ran.add("trigger 2"), () -> ran.add("decline 2"));
    mailbox.runAll();
    assertEquals(List.of("decline 1", "decline 2"), ran);
    assertFalse(mailbox.hasMail());
  }

  @Test
  void mailWakesATaskWaitingOnItsGate() throws Exception {
    InputGate gate = new InputGate(1);
    TaskMailbox mailbox = new TaskMailbox();
    mailbox.wakeUpWith(gate::wakeUp);
    CompletableFuture<NetworkBuffer> waited = CompletableFuture.supplyAsync(gate::take);
    Thread.sleep(20); // most likely waiting by now; if not, the wake-up makes its next take return null all the same
    mailbox.put(() -> {}, () -> {});
    assertNull(waited.get(10, TimeUnit.SECONDS)); // woken without input
    NetworkBuffer event = NetworkBuffer.event(new Watermark(1), 0);
    gate.add(event);
    assertSame(event, gate.take()); // the wake-up counted once
  }

  @Test
  void aWakeUpAlsoEndsATimedWait() {
    InputGate gate = new InputGate(1);
    gate.wakeUp();
    assertNull(gate.take(TimeUnit.SECONDS.toNanos(30)));
    NetworkBuffer event = NetworkBuffer.event(new Watermark(1), 0);
    gate.add(event);
    assertSame(event, gate.take(TimeUnit.SECONDS.toNanos(30)));
  }
}
