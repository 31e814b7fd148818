package io.weir.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartStrategyTest {
  @Test
  void noneGivesUpAtOnce() {
    assertEquals(-1, RestartStrategy.NONE.delayBeforeRestart(1));
  }

  @Test
  void fixedDelayRestartsAttemptsTimesWithTheSameDelay() {
    RestartStrategy fixed = RestartStrategy.fixedDelay(2, Duration.ofMillis(300));
    assertEquals(300, fixed.delayBeforeRestart(1));
    assertEquals(300, fixed.delayBeforeRestart(2));
    assertEquals(-1, fixed.delayBeforeRestart(3));
  }

  @Test
  void exponentialBackoffGrowsUpToItsMaximum() {
    RestartStrategy backoff = RestartStrategy.exponentialBackoff(5, Duration.ofMillis(100), Duration.ofMillis(350), 2);
    assertEquals(100, backoff.delayBeforeRestart(1));
    assertEquals(200, backoff.delayBeforeRestart(2));
    assertEquals(350, backoff.delayBeforeRestart(3));
    assertEquals(350, backoff.delayBeforeRestart(5));
    assertEquals(-1, backoff.delayBeforeRestart(6));
  }

  @Test
  void textFormRoundTrips() {
    for (String text : new String[] {"none", "fixed-delay:3:1000", "exponential:4:100:5000:1.5"}) {
      assertEquals(text, RestartStrategy.parse(text).toString());
    }
    assertThrows(IllegalArgumentException.class, () -> RestartStrategy.parse("fixed-delay:3"));
    assertThrows(IllegalArgumentException.class, () -> RestartStrategy.parse("exponential:1:500:100:2"));
    assertThrows(IllegalArgumentException.class, () -> RestartStrategy.parse("sometimes"));
  }
}
