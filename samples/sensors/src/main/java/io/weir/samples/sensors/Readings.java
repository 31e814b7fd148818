package io.weir.samples.sensors;

import io.weir.api.Emitter;
import io.weir.api.EventTime;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;

/**
 * Simulated sensors: {@code --sensors N} (default 8) report once a second for {@code --seconds S}
 * (default 600) of event time, starting at time 0. Readings arrive up to 1.5 s out of order, as
 * from a network that reorders; the watermark allows 2 s, so none is late. Instance i of n
 * simulates the sensors s with s modulo n = i.
 */
@Job(name = "sensor-averages", parallelism = 2)
@Source(job = "sensor-averages")
public final class Readings implements SourceReader<Reading> {
  private static final int SECONDS_PER_POLL = 10;

  private int sensors;
  private long seconds;
  private int first;
  private int step;
  private long nextSecond;

  @EventTime(maxOutOfOrdernessMillis = 2_000, idleTimeoutMillis = 1_000)
  public long time(Reading reading) {
    return reading.time();
  }

  @Override
  public void open(SourceContext context) {
    sensors = context.parameters().getInt("sensors", 8);
    seconds = context.parameters().getLong("seconds", 600);
    first = context.subtaskIndex();
    step = context.parallelism();
  }

  @Override
  public Status poll(Emitter<Reading> out) {
    long until = Math.min(seconds, nextSecond + SECONDS_PER_POLL);
    for (long second = nextSecond; second < until; second++) {
      for (int s = first; s < sensors; s += step) {
        out.emit(reading(s, second));
      }
    }
    nextSecond = until;
    return nextSecond < seconds ? Status.MORE : Status.END_OF_INPUT;
  }

  /** Sensor {@code s}'s reading in second {@code second}: deterministic, so tests can recompute it. */
  static Reading reading(int s, long second) {
    long mix = (s * 0x9E3779B97F4A7C15L) ^ (second * 0xC2B2AE3D27D4EB4FL);
    mix ^= mix >>> 29;
    int jitter = (int) Math.floorMod(mix, 1_500); // out-of-order arrival: timestamps up to 1.5 s back
    int deciCelsius = 150 + s * 10 + (int) Math.floorMod(mix >>> 17, 60);
    return new Reading("sensor-" + s, Math.max(0, second * 1_000 - jitter), deciCelsius);
  }
}
