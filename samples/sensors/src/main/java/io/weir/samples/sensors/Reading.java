package io.weir.samples.sensors;

/** A temperature reading: {@code deciCelsius} tenths of a degree, measured by {@code sensor} at {@code time} ms. */
public record Reading(String sensor, long time, int deciCelsius) {}
