package io.weir.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.KeyGroupRange;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.IntSerializer;
import io.weir.state.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every keyed state kind on the heap backend, scoped to the current key. */
class HeapStateKindsTest {
  private final KeyedStateBackend backend =
      new HeapStateBackend().createKeyedBackend("op", new KeyGroupRange(0, 7), 8);
  private final AllKinds states = new AllKinds(backend);

  @Test
  void everyKindKeepsOneEntryPerKey() {
    backend.setCurrentKey("a", 1);
    states.apply(1);
    states.apply(2);
    backend.setCurrentKey("b", 5);
    states.apply(10);
    assertEquals("value=v10 list=[10] sum=10 mean=10.0 map={k1=10}", states.describe());
    backend.setCurrentKey("a", 1);
    assertEquals("value=v2 list=[1, 2] sum=3 mean=1.5 map={k1=1, k2=2}", states.describe());
    for (String name : List.of("value", "list", "sum", "mean", "map")) {
      assertEquals(2, backend.keyCount(name), name);
    }
  }

  @Test
  void mapStateOperations() {
    backend.setCurrentKey("a", 0);
    assertTrue(states.map.isEmpty());
    assertNull(states.map.get("x"));
    states.map.putAll(Map.of("x", 1L, "y", 2L));
    states.map.put("z", 3L);
    assertTrue(states.map.contains("y"));
    assertEquals(2L, states.map.get("y"));
    states.map.remove("y");
    states.map.remove("absent");
    assertFalse(states.map.contains("y"));
    List<String> keys = new ArrayList<>();
    states.map.keys().forEach(keys::add);
    keys.sort(null);
    assertEquals(List.of("x", "z"), keys);
    List<Long> values = new ArrayList<>();
    states.map.values().forEach(values::add);
    values.sort(null);
    assertEquals(List.of(1L, 3L), values);
    assertThrows(UnsupportedOperationException.class, () -> states.map.entries().iterator().remove());
    states.map.remove("x");
    states.map.remove("z");
    assertTrue(states.map.isEmpty());
    assertEquals(0, backend.keyCount("map"), "an emptied map leaves no entry");
    states.map.put("w", 1L);
    states.map.clear();
    assertTrue(states.map.isEmpty());
    assertThrows(NullPointerException.class, () -> states.map.put("k", null));
  }

  @Test
  void listStateOperations() {
    backend.setCurrentKey("a", 0);
    assertFalse(states.list.get().iterator().hasNext());
    states.list.addAll(List.of(1, 2));
    states.list.update(List.of(7));
    states.list.add(8);
    assertEquals("[7, 8]", states.describe().replaceAll(".*list=(\\[[^]]*]).*", "$1"));
    states.list.clear();
    assertEquals(0, backend.keyCount("list"));
  }

  @Test
  void aggregatingStateClearsAndStartsOver() {
    backend.setCurrentKey("a", 0);
    assertNull(states.mean.get());
    states.mean.add(4);
    states.mean.clear();
    assertNull(states.mean.get());
    states.mean.add(6);
    assertEquals(6.0, states.mean.get());
  }

  @Test
  void reRegisteringWithOtherSerializersFails() {
    assertThrows(IllegalArgumentException.class,
        () -> backend.mapState(StateDescriptor.map("map", IntSerializer.INSTANCE, StringSerializer.INSTANCE)));
    assertThrows(IllegalArgumentException.class,
        () -> backend.valueState(StateDescriptor.value("map", StringSerializer.INSTANCE)));
  }

  @Test
  void stateWithoutCurrentKeyFailsClearly() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> states.map.put("x", 1L));
    assertTrue(e.getMessage().contains("MAP state 'map' used with no current key"), e.getMessage());
  }
}
