package it.weir.failing;

import io.weir.api.Sink;

/** Drops what it gets. */
@Sink(from = Explode.class)
public final class Discard {
  public void write(Long value) {}
}
