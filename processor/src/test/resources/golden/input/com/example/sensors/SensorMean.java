package com.example.sensors;

/** The mean temperature of a sensor over {@code [start, end)}. */
public record SensorMean(String sensor, long start, long end, double mean) {}
