package io.weir.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.state.KeyGroups;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyGroupAssignerTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 100, 128, 1000, 4096, 32768})
  void agreesWithKeyGroupsForEveryHash(int maxParallelism) {
    KeyGroupAssigner assigner = new KeyGroupAssigner(maxParallelism);
    int[] edges = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, "a".hashCode(), "word".hashCode()};
    for (int hash : edges) {
      assertEquals(KeyGroups.keyGroupFor(hash, maxParallelism), assigner.keyGroup(hash), "hash " + hash);
    }
    SplittableRandom random = new SplittableRandom(maxParallelism);
    for (int i = 0; i < 200_000; i++) {
      int hash = random.nextInt();
      assertEquals(KeyGroups.keyGroupFor(hash, maxParallelism), assigner.keyGroup(hash), "hash " + hash);
    }
  }
}
