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

  /** Fails unless {@code keyGroup}, the group of {@code key}, lies in this range of {@code operatorId}'s instance. */
  public void checkContains(int keyGroup, Object key, String operatorId) {
    if (!contains(keyGroup)) {
      throw new IllegalArgumentException("key '" + key + "' is in key group " + keyGroup
          + ", outside this instance's range " + this + " of operator " + operatorId);
    }
  }

  @Override
  public String toString() {
    return "[" + first + ", " + last + "]";
  }
}
