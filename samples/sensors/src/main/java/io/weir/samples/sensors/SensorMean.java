package io.weir.samples.sensors;

/** The mean temperature of {@code sensor} over the window {@code [start, end)}, from {@code readings} readings. */
public record SensorMean(String sensor, long start, long end, double celsius, long readings) {

  /** One line of the output file: sensor, window and mean to three decimals. */
  public String line() {
    return String.format(java.util.Locale.ROOT, "%s [%d, %d) %.3f °C over %d readings", sensor, start, end, celsius,
        readings);
  }
}
