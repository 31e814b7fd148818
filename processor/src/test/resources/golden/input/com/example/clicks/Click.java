package com.example.clicks;

/** One click of a user at an event time in milliseconds. */
public record Click(String user, long time) {}
