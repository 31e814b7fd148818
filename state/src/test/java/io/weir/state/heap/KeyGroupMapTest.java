package io.weir.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing key-group map against {@link HashMap} as the oracle. */
class KeyGroupMapTest {

  /** A key whose hashCode is chosen by the test, to force collisions. */
  private record Key(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.id == id;
    }
  }

  private static Map<Object, Object> contents(KeyGroupMap map) {
    Map<Object, Object> all = new HashMap<>();
    for (int slot = 0; slot < map.capacity(); slot++) {
      if (map.keyAt(slot) != null) {
        assertNull(all.put(map.keyAt(slot), map.valueAt(slot)), "a key in two slots");
      }
    }
    assertEquals(map.size(), all.size(), "size() counts the filled slots");
    return all;
  }

  private static Object get(KeyGroupMap map, Object key) {
    return map.get(key, KeyGroupMap.hashOf(key));
  }

  @Test
  void equalHashCodesAreTwoEntries() {
    KeyGroupMap map = new KeyGroupMap();
    assertEquals("Aa".hashCode(), "BB".hashCode());
    map.put("Aa", 1L);
    map.put("BB", 2L);
    assertEquals(1L, get(map, "Aa"));
    assertEquals(2L, get(map, "BB"));
    assertEquals(1L, map.remove("Aa", KeyGroupMap.hashOf("Aa")));
    assertNull(get(map, "Aa"));
    assertEquals(2L, get(map, "BB"), "the colliding key moved back into the gap and is still found");
  }

  @Test
  void keysAreComparedWithEqualsNotIdentity() {
    KeyGroupMap map = new KeyGroupMap();
    String stored = new String("word");
    map.put(stored, 1L);
    String probe = new String("word");
    int slot = map.find(probe, KeyGroupMap.hashOf(probe));
    assertTrue(slot >= 0);
    map.setValueAt(slot, 2L);
    assertEquals(2L, get(map, stored));
    assertEquals(1, map.size());
  }

  @Test
  void growsAndKeepsEveryEntryAndSlotsStayValidUntilTheStructureChanges() {
    KeyGroupMap map = new KeyGroupMap();
    int initialCapacity = map.capacity();
    int slotOfFirst = map.put("k0", 0);
    int structure = map.structure();
    map.setValueAt(slotOfFirst, 100);
    assertEquals(structure, map.structure(), "overwriting a value keeps every slot where it is");
    for (int i = 1; i < 1000; i++) {
      map.put("k" + i, i);
    }
    assertTrue(map.capacity() > initialCapacity);
    assertTrue(map.size() * 4 <= map.capacity() * 3, "at most 3/4 full");
    assertNotEquals(structure, map.structure());
    assertEquals(100, get(map, "k0"));
    for (int i = 1; i < 1000; i++) {
      assertEquals(i, get(map, "k" + i));
    }
  }

  @Test
  void randomOperationsWithManyCollisionsMatchHashMap() {
    randomOperationsMatchHashMap(false);
  }

  @Test
  void randomOperationsOnUnboxedLongValuesMatchHashMap() {
    randomOperationsMatchHashMap(true);
  }

  private static void randomOperationsMatchHashMap(boolean unboxedLongs) {
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      KeyGroupMap map = new KeyGroupMap(unboxedLongs);
      Map<Object, Object> oracle = new HashMap<>();
      int distinctHashes = 1 + random.nextInt(6); // long probe runs that wrap around the array end
      for (int op = 0; op < 3000; op++) {
        Key key = new Key(random.nextInt(200), random.nextInt(distinctHashes) * 0x10001);
        int hash = KeyGroupMap.hashOf(key);
        switch (random.nextInt(3)) {
          case 0, 1 -> {
            Long value = random.nextLong();
            map.put(key, hash, value);
            oracle.put(key, value);
          }
          default -> assertEquals(oracle.remove(key), map.remove(key, hash));
        }
        if (op % 97 == 0) {
          assertEquals(oracle, contents(map));
        }
      }
      assertEquals(oracle, contents(map));
      for (Object key : oracle.keySet()) {
        assertEquals(oracle.get(key), get(map, key));
      }
    }
  }

  @Test
  void removingEverythingLeavesAnEmptyUsableMap() {
    KeyGroupMap map = new KeyGroupMap();
    for (int i = 0; i < 50; i++) {
      map.put(i, "v" + i);
    }
    for (int i = 49; i >= 0; i--) {
      assertEquals("v" + i, map.remove(i, KeyGroupMap.hashOf(i)));
    }
    assertTrue(map.isEmpty());
    assertEquals(Map.of(), contents(map));
    assertNull(map.remove(3, KeyGroupMap.hashOf(3)));
    map.put(3, "again");
    assertEquals("again", get(map, 3));
  }

  @Test
  void aCopyIsIndependentInBothDirections() {
    aCopyIsIndependent(false);
  }

  @Test
  void aCopyOfUnboxedLongsIsIndependent() {
    aCopyIsIndependent(true);
  }

  private static void aCopyIsIndependent(boolean unboxedLongs) {
    KeyGroupMap original = new KeyGroupMap(unboxedLongs);
    for (long i = 0; i < 20; i++) {
      original.put(i, i);
    }
    Map<Object, Object> before = contents(original);
    KeyGroupMap copy = original.copy();
    assertEquals(before, contents(copy));
    for (long i = 0; i < 200; i++) { // grows the copy past several resizes
      copy.put(i, -i);
    }
    copy.remove(5L, KeyGroupMap.hashOf(5L));
    copy.setValueAt(copy.find(6L, KeyGroupMap.hashOf(6L)), 66L);
    assertEquals(before, contents(original), "the original never sees the copy's writes");
    original.put(1000L, 1L);
    assertNull(get(copy, 1000L), "nor the copy the original's");
    assertEquals(66L, get(copy, 6L));
  }

  @Test
  void unboxedLongsKeepEveryLongValue() {
    KeyGroupMap map = new KeyGroupMap(true);
    long[] samples = {0, 1, -1, 127, 128, -129, Long.MIN_VALUE, Long.MAX_VALUE};
    for (long v : samples) {
      map.put("k" + v, v);
    }
    for (long v : samples) {
      assertEquals(v, get(map, "k" + v));
    }
    assertEquals(Long.MAX_VALUE, map.remove("k" + Long.MAX_VALUE, KeyGroupMap.hashOf("k" + Long.MAX_VALUE)));
    int size = map.size();
    assertThrows(ClassCastException.class, () -> map.put("text", "not a long"));
    assertEquals(-1, map.find("text", KeyGroupMap.hashOf("text")), "a value of the wrong type adds no entry");
    assertEquals(size, map.size());
  }

  @Test
  void unboxedAccessorsSeeTheSameEntriesAsBoxedOnes() {
    KeyGroupMap map = new KeyGroupMap(true);
    for (long i = 0; i < 300; i++) { // inserts through putLong grow the map like put does
      assertEquals(map.find("k" + i, KeyGroupMap.hashOf("k" + i)), -1);
      int slot = map.putLong("k" + i, KeyGroupMap.hashOf("k" + i), i);
      assertEquals(i, map.longAt(slot));
    }
    int slot = map.putLong("k7", KeyGroupMap.hashOf("k7"), 70);
    assertEquals(300, map.size(), "an existing key is overwritten, not added");
    assertEquals(70L, get(map, "k7"));
    map.setLongAt(slot, 71);
    assertEquals(71L, map.valueAt(slot));
    map.put("k8", 80L);
    assertEquals(80L, map.longAt(map.find("k8", KeyGroupMap.hashOf("k8"))));
  }

  @Test
  void nullKeysAndValuesAreRejected() {
    KeyGroupMap map = new KeyGroupMap();
    assertThrows(NullPointerException.class, () -> map.put(null, 0, 1));
    assertThrows(NullPointerException.class, () -> map.put("k", null));
    int slot = map.put("k", 1);
    assertThrows(NullPointerException.class, () -> map.setValueAt(slot, null));
    assertEquals(1, get(map, "k"));
  }
}
