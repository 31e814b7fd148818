package io.weir.samples.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.testing.OperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window operator alone, driven by hand: out-of-order readings, then watermarks. */
class SensorAveragesTest {

  @Test
  void eachWindowFiresOnceTheWatermarkPassesItsEnd() throws Exception {
    try (OperatorHarness<SensorMean> averages = OperatorHarness.of(SensorAverages.class)) {
      averages.process(new Reading("a", 6_000, 200))
          .process(new Reading("a", 1_000, 100))   // out of order: still in time
          .process(new Reading("b", 4_999, 300))
          .process(new Reading("a", 12_000, 400));
      averages.advanceWatermark(4_999);
      assertEquals(List.of(
              new SensorMean("a", -5_000, 5_000, 10.0, 1),
              new SensorMean("b", -5_000, 5_000, 30.0, 1)),
          averages.output());
      averages.clearOutput();
      averages.advanceWatermark(9_999);
      assertEquals(List.of(
              new SensorMean("a", 0, 10_000, 15.0, 2),
              new SensorMean("b", 0, 10_000, 30.0, 1)),
          averages.output());
      averages.clearOutput();
      averages.advanceWatermark(Long.MAX_VALUE);
      assertEquals(List.of(
              new SensorMean("a", 5_000, 15_000, 30.0, 2),
              new SensorMean("a", 10_000, 20_000, 40.0, 1)),
          averages.output());
    }
  }
}
