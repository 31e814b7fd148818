package io.weir.runtime.network;

/** The producer of a channel has finished: no buffer follows this one on the channel. */
public final class EndOfInput implements ChannelEvent {
  public static final EndOfInput INSTANCE = new EndOfInput();

  private EndOfInput() {}

  @Override
  public String toString() {
    return "END_OF_INPUT";
  }
}
