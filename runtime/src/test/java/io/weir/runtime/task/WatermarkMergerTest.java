package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WatermarkMergerTest {

  @Test
  void theMinimumOverActiveChannelsAndNeverBackwards() {
    WatermarkMerger m = new WatermarkMerger(3);
    m.onWatermark(0, 10);
    m.onWatermark(1, 20);
    assertEquals(Long.MIN_VALUE, m.watermark(), "channel 2 has sent none yet");
    m.onWatermark(2, 5);
    assertEquals(5, m.watermark());
    m.onWatermark(2, 30);
    assertEquals(10, m.watermark());
    m.onWatermark(0, 8); // a channel's own watermark never goes back either
    assertEquals(10, m.watermark());
  }

  @Test
  void idleChannelsDoNotHoldItBackAndRejoinWithTheirNextWatermark() {
    WatermarkMerger m = new WatermarkMerger(2);
    m.onWatermark(0, 100);
    m.onStatus(1, true);
    assertEquals(100, m.watermark());
    assertFalse(m.idle());
    m.onStatus(0, true);
    assertTrue(m.idle());
    m.onWatermark(1, 50); // active again, but the merged watermark stays where it was
    assertFalse(m.idle());
    assertEquals(100, m.watermark());
    m.onWatermark(0, 200);
    m.onWatermark(1, 150);
    assertEquals(150, m.watermark());
  }

  @Test
  void endedChannelsDropOut() {
    WatermarkMerger m = new WatermarkMerger(2);
    m.onWatermark(0, 7);
    m.onWatermark(1, 3);
    m.onEnd(1);
    assertEquals(7, m.watermark());
    m.onEnd(0);
    assertFalse(m.idle(), "an ended input is not idle");
  }
}
