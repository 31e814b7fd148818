package io.weir.runtime.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.runtime.rpc.Message.TaskManagerInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPoolTest {
  private static SlotPool pool(int... slots) {
    SlotPool pool = new SlotPool();
    for (int i = 0; i < slots.length; i++) {
      pool.add(new TaskManagerInfo("tm-" + (char) ('a' + i), "127.0.0.1", 7000 + i, slots[i]), null);
    }
    return pool;
  }

  private static List<String> owners(List<SlotPool.Member> slots) {
    return slots.stream().map(m -> m.info.taskManagerId()).toList();
  }

  @Test
  void spreadsSlotsOverTheTaskManagersWithTheMostFree() {
    SlotPool pool = pool(2, 2, 2);
    assertEquals(List.of("tm-a", "tm-b", "tm-c", "tm-a"), owners(pool.allocate(4)));
    assertEquals(2, pool.freeSlots());
  }

  @Test
  void takesNothingWhenTooFewAreFreeAndReleasesWhatItTook() {
    SlotPool pool = pool(2, 1);
    List<SlotPool.Member> first = pool.allocate(2);
    assertNull(pool.allocate(2));
    assertEquals(1, pool.freeSlots());
    pool.release(first);
    assertEquals(3, pool.freeSlots());
    assertEquals(List.of("tm-a", "tm-a", "tm-b"), owners(pool.allocate(3)));
  }

  @Test
  void slotsOfALostTaskManagerAreGoneAndReleasingThemLaterChangesNothing() {
    SlotPool pool = pool(2, 2);
    List<SlotPool.Member> taken = pool.allocate(4);
    assertEquals("tm-a", pool.removeByConnection(null)); // the tests' members have no connection; tm-a sorts first
    assertEquals(2, pool.totalSlots());
    pool.add(new TaskManagerInfo("tm-a", "127.0.0.1", 7000, 2), null); // it comes back, all slots free
    assertEquals(2, pool.freeSlots());
    pool.release(taken); // the old tm-a slots are not the new one's; tm-b's two come back
    assertEquals(4, pool.freeSlots());
  }
}
