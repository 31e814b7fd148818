package com.example.clicks;

import io.weir.api.Sink;

/** Prints the alerts. */
@Sink(from = Inactivity.class)
public final class AlertLog {
  public void write(Alert alert) {
    System.out.println(alert);
  }
}
