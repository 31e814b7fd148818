package io.weir.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The waits of pool and gate: they block, wake on supply, and wake with an exception on cancel. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockingTest {

  @Test
  void producerBlocksWhenThePoolIsEmptyAndResumesWhenABufferComesBack() throws Exception {
    BufferPool pool = new BufferPool(2, 64);
    NetworkBuffer first = pool.request();
    pool.request();
    CompletableFuture<NetworkBuffer> third = CompletableFuture.supplyAsync(pool::request);
    while (pool.waits() == 0) {
      Thread.onSpinWait();
    }
    assertTrue(!third.isDone(), "no third buffer while two are in flight");
    first.recycle();
    assertSame(first, third.get(10, TimeUnit.SECONDS));
    assertEquals(2, pool.maxInUse());
  }

  @Test
  void cancellingThePoolWakesAWaitingProducer() throws Exception {
    BufferPool pool = new BufferPool(1, 64);
    pool.request();
    CompletableFuture<NetworkBuffer> waiting = CompletableFuture.supplyAsync(pool::request);
    while (pool.waits() == 0) {
      Thread.onSpinWait();
    }
    pool.cancel();
    Throwable e = waitForFailure(waiting);
    assertInstanceOf(TaskCancelledException.class, e);
  }

  @Test
  void consumerWaitsForInputAndCancelWakesIt() throws Exception {
    InputGate gate = new InputGate(1);
    CompletableFuture<NetworkBuffer> first = CompletableFuture.supplyAsync(gate::take);
    NetworkBuffer event = NetworkBuffer.event(EndOfInput.INSTANCE, 0);
    gate.add(event);
    assertSame(event, first.get(10, TimeUnit.SECONDS));

    CompletableFuture<NetworkBuffer> second = CompletableFuture.supplyAsync(gate::take);
    gate.cancel();
    assertInstanceOf(TaskCancelledException.class, waitForFailure(second));
  }

  @Test
  void failingTheGateWakesTheConsumerWithTheCause() throws Exception {
    InputGate gate = new InputGate(1);
    CompletableFuture<NetworkBuffer> waiting = CompletableFuture.supplyAsync(gate::take);
    IllegalStateException cause = new IllegalStateException("connection to TaskManager tm-x lost");
    gate.fail(cause);
    Throwable e = waitForFailure(waiting);
    assertInstanceOf(InputFailedException.class, e);
    assertSame(cause, e.getCause());
    gate.add(NetworkBuffer.event(EndOfInput.INSTANCE, 0));
    assertSame(cause, org.junit.jupiter.api.Assertions.assertThrows(InputFailedException.class, gate::poll).getCause(),
        "a failed gate stays failed, even with input queued");
  }

  private static Throwable waitForFailure(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("still blocked after 10 s", e);
    }
  }
}
