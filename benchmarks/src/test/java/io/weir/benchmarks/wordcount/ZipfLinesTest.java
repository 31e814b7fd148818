package io.weir.benchmarks.wordcount;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pins the generator to the Flink anchor's: every expected value below was printed by the anchor's
 * own {@code bench.Gen} (shared/anchors/flink-bench), run side by side with this class on
 * 2026-11-23; all 4,000,000 lines of seed 42 (the default 40M-word run) were equal then.
 */
@Timeout(60)
class ZipfLinesTest {

  @Test
  void linesEqualTheAnchorsLines() {
    assertEquals("w958 w64 w1145 w1 w251 w45 w78 w155 w8 w59", ZipfLines.line(42, 0));
    assertEquals("w370 w142 w22 w267 w4 w193 w1965 w1373 w248 w195", ZipfLines.line(42, 1));
    assertEquals("w13 w4 w1 w1 w38 w21 w3 w2070 w1 w518", ZipfLines.line(42, 12345));
    assertEquals("w59 w29 w16 w8059 w1073 w1 w3 w19 w924 w2", ZipfLines.line(42, 3_999_999));
    assertEquals("w7601 w17 w465 w279 w8 w2 w1 w3046 w1 w9", ZipfLines.line(42, 987_654_321_987L));
    assertEquals("w2850 w6050 w56 w147 w4355 w23 w3959 w1 w42 w16", ZipfLines.line(7, 0));
    assertEquals("w22 w30 w265 w9 w7 w5 w544 w29 w2 w31", ZipfLines.line(7, 987_654_321_987L));
  }

  @Test
  void expectedCountsEqualTheAnchorsOracle() {
    long[] counts = ZipfLines.expectedCounts(42, 100_000);
    assertEquals(102_509, counts[1]);
    assertEquals(50_673, counts[2]);
    assertEquals(9, counts[10_000]);
    assertEquals(1_430_812_661, Arrays.hashCode(counts));

    WordCountCheck check = WordCountCheck.forLines(42, 100_000);
    assertEquals(10_000, check.distinctWords());
    assertEquals(1_000_000, check.occurrences());
  }

  @Test
  void expectedCountsAreTheCountsOfTheGeneratedWords() {
    long[] counted = new long[ZipfLines.VOCABULARY + 1];
    for (long i = 0; i < 5_000; i++) {
      for (String word : ZipfLines.line(3, i).split(" ")) {
        counted[ZipfLines.rankOf(word)]++;
      }
    }
    assertArrayEquals(counted, ZipfLines.expectedCounts(3, 5_000));
  }

  @Test
  void rankOfReadsTheWordsDigits() {
    assertEquals(1, ZipfLines.rankOf("w1"));
    assertEquals(10_000, ZipfLines.rankOf("w10000"));
    assertEquals("w734", ZipfLines.word(734));
  }

  @Test
  void handWrittenLoopPassesAndTheCheckCatchesLostOrRepeatedUpdates() {
    WordCountCheck check = WordCountCheck.forLines(42, 20_000);
    HandWrittenWordCount loop = new HandWrittenWordCount(42, 20_000);
    loop.run();
    assertEquals(200_000, loop.updates());
    assertTrue(loop.passes(check));

    // replay the correct update stream, then damage it in the ways the check must notice
    long[] seen = new long[ZipfLines.VOCABULARY + 1];
    long updates = 0;
    long sum = 0;
    BitSet completed = new BitSet();
    for (long i = 0; i < 20_000; i++) {
      for (int j = 0; j < ZipfLines.WORDS_PER_LINE; j++) {
        int rank = ZipfLines.rank(42, i, j);
        long n = ++seen[rank];
        updates++;
        sum += n;
        if (n == check.expected(rank)) {
          completed.set(rank);
        }
      }
    }
    assertTrue(check.passes(updates, 0, sum, completed));
    assertFalse(check.passes(updates - 1, 0, sum - 1, completed), "a lost update");
    assertFalse(check.passes(updates + 1, 0, sum + 1, completed), "a repeated update");
    assertFalse(check.passes(updates, 1, sum, completed), "an update past the total");
    BitSet missingWord = (BitSet) completed.clone();
    missingWord.clear(completed.nextSetBit(0));
    assertFalse(check.passes(updates, 0, sum, missingWord), "a word that never reached its total");
  }
}
