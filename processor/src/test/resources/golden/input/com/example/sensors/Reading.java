package com.example.sensors;

/** A temperature reading of a sensor at an event time in milliseconds. */
public record Reading(String sensor, long time, double celsius) {}
