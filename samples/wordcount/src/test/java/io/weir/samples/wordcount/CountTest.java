package io.weir.samples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.runtime.testing.OperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drives the generated invoker of {@link Count} directly, one record at a time. */
class CountTest {

  @Test
  void countsPerWordAndKeepsStatePerKey() throws Exception {
    try (OperatorHarness<WordCount> count = OperatorHarness.of(Count.class)) {
      count.process(new Word("the")).process(new Word("light")).process(new Word("the"));

      assertEquals(
          List.of(new WordCount("the", 1), new WordCount("light", 1), new WordCount("the", 2)), count.output());
      assertEquals(2L, count.<Long>valueState("count", "the"));
      assertEquals(1L, count.<Long>valueState("count", "light"));
      assertNull(count.valueState("count", "darkness"), "a key never seen has no state");
    }
  }
}
