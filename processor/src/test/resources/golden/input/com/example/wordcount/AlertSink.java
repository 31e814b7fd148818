package com.example.wordcount;

import io.weir.api.Exchange;
import io.weir.api.Redistribution;
import io.weir.api.Sink;
import io.weir.api.State;
import io.weir.state.ListState;

/** A sink that is not keyed, with operator state every instance gets in full on restore. */
@Sink(from = Alerts.class, exchange = Exchange.BROADCAST)
public final class AlertSink {
  @State(redistribution = Redistribution.UNION) ListState<String> words;

  public void write(Alert alert) {
    words.add(alert.toString());
  }
}
