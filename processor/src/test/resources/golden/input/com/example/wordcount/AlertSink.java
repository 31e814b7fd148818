package com.example.wordcount;

import io.weir.api.Exchange;
import io.weir.api.Sink;

@Sink(from = Alerts.class, exchange = Exchange.BROADCAST)
public final class AlertSink {
  public void write(Alert alert) {}
}
