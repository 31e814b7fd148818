package io.weir.runtime.rpc;

import java.time.Duration;

/**
 * What a job does when an attempt fails (a subtask failed or a TaskManager was lost): give up at
 * once, restart after a fixed delay, or restart after a delay that grows by {@code multiplier}
 * up to {@code maxDelayMillis}; both restarting kinds give up after {@code maxAttempts} restarts.
 * Until checkpoints exist every restart begins from scratch.
 *
 * <p>Text form (command line, configuration): {@code none}, {@code fixed-delay:ATTEMPTS:DELAY_MS},
 * {@code exponential:ATTEMPTS:INITIAL_MS:MAX_MS:MULTIPLIER}.
 */
public record RestartStrategy(Kind kind, int maxAttempts, long initialDelayMillis, long maxDelayMillis, double multiplier) {
  public enum Kind { NONE, FIXED_DELAY, EXPONENTIAL_BACKOFF }

  /** Without a choice in the submission: three restarts, one second apart. */
  public static final RestartStrategy DEFAULT = fixedDelay(3, Duration.ofSeconds(1));
  public static final RestartStrategy NONE = new RestartStrategy(Kind.NONE, 0, 0, 0, 1);

  public RestartStrategy {
    if (kind == null) {
      throw new IllegalArgumentException("restart strategy kind missing");
    }
    if (maxAttempts < 0 || initialDelayMillis < 0 || maxDelayMillis < initialDelayMillis || !(multiplier >= 1)) {
      throw new IllegalArgumentException("bad restart strategy: attempts " + maxAttempts + ", delays " + initialDelayMillis
          + ".." + maxDelayMillis + " ms, multiplier " + multiplier);
    }
  }

  public static RestartStrategy fixedDelay(int attempts, Duration delay) {
    return new RestartStrategy(Kind.FIXED_DELAY, attempts, delay.toMillis(), delay.toMillis(), 1);
  }

  public static RestartStrategy exponentialBackoff(int attempts, Duration initial, Duration max, double multiplier) {
    return new RestartStrategy(Kind.EXPONENTIAL_BACKOFF, attempts, initial.toMillis(), max.toMillis(), multiplier);
  }

  /**
   * The delay before restart number {@code restart} (1 for the first restart), or -1 when the
   * strategy gives up.
   */
  public long delayBeforeRestart(int restart) {
    if (kind == Kind.NONE || restart > maxAttempts) {
      return -1;
    }
    if (kind == Kind.FIXED_DELAY) {
      return initialDelayMillis;
    }
    double delay = initialDelayMillis * Math.pow(multiplier, restart - 1);
    return (long) Math.min(delay, maxDelayMillis);
  }

  /** Parses the text form; throws {@link IllegalArgumentException} naming the accepted forms. */
  public static RestartStrategy parse(String text) {
    String[] parts = text.trim().split(":");
    try {
      switch (parts[0]) {
        case "none":
          if (parts.length == 1) {
            return NONE;
          }
          break;
        case "fixed-delay":
          if (parts.length == 3) {
            return fixedDelay(Integer.parseInt(parts[1]), Duration.ofMillis(Long.parseLong(parts[2])));
          }
          break;
        case "exponential":
          if (parts.length == 5) {
            return exponentialBackoff(Integer.parseInt(parts[1]), Duration.ofMillis(Long.parseLong(parts[2])),
                Duration.ofMillis(Long.parseLong(parts[3])), Double.parseDouble(parts[4]));
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("bad restart strategy '" + text
        + "'; use none, fixed-delay:ATTEMPTS:DELAY_MS or exponential:ATTEMPTS:INITIAL_MS:MAX_MS:MULTIPLIER");
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "none";
      case FIXED_DELAY -> "fixed-delay:" + maxAttempts + ":" + initialDelayMillis;
      case EXPONENTIAL_BACKOFF -> "exponential:" + maxAttempts + ":" + initialDelayMillis + ":" + maxDelayMillis + ":" + multiplier;
    };
  }
}
