package io.weir.state;

/** An inclusive range of key groups {@code [first, last]}; empty when {@code last < first}. */
public record KeyGroupRange(int first, int last) {

  /** Number of key groups in the range. */
  public int size() {
    return Math.max(0, last - first + 1);
  }

  /** Whether {@code keyGroup} lies in the range. */
  public boolean contains(int keyGroup) {
    return keyGroup >= first && keyGroup <= last;
  }

  @Override
  public String toString() {
    return "[" + first + ", " + last + "]";
  }
}
