package com.example.clicks;

/** A user whose last click was at {@code lastClick} was inactive until {@code at}. */
public record Alert(long lastClick, long at) {}
