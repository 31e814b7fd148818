package io.weir.samples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.testing.OperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizeTest {

  @Test
  void wordsAreRunsOfLettersAndDigitsLowerCased() throws Exception {
    try (OperatorHarness<Word> tokenize = OperatorHarness.of(Tokenize.class)) {
      tokenize.process("In the Beginning, 2 lights: Über-light!").process("").process("  ...  ");

      assertEquals(
          List.of("in", "the", "beginning", "2", "lights", "über", "light"),
          tokenize.output().stream().map(Word::text).toList());
    }
  }
}
