package io.weir.runtime.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A {@code HOST:PORT} option value. */
record HostPort(String host, int port) {
  /** Parses {@code value}; a usage error naming {@code option} if it is missing or malformed. */
  static HostPort parse(String value, String option, CommandSpec spec) {
    if (value == null) {
      throw new ParameterException(spec.commandLine(),
          "Missing required option: '" + option + "=HOST:PORT' (or set it in the configuration file)");
    }
    int colon = value.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      port = -1;
    }
    if (colon <= 0 || port < 1 || port > 65535) {
      throw new ParameterException(spec.commandLine(), option + " must be HOST:PORT, got " + value);
    }
    return new HostPort(value.substring(0, colon), port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
