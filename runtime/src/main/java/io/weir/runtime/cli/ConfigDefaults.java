package io.weir.runtime.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from a configuration file ({@code --config FILE}, else {@code $WEIR_CONF}): a
 * properties file whose keys are option names without dashes, optionally qualified by the
 * subcommand, which wins; flags on the command line win over both. For example:
 *
 * <pre>
 * jobmanager = 10.0.0.5:6123        # --jobmanager of taskmanager, submit, list, status, cancel
 * secret-file = /etc/weir/secret    # --secret-file of every command
 * taskmanager.slots = 4
 * taskmanager.data-port = 6124
 * jobmanager.port = 6123
 * checkpoint.interval = 10s        # --checkpoint-interval of submit (see ALIASES)
 * checkpoint.dir = /shared/weir/checkpoints
 * savepoint.dir = /shared/weir/savepoints
 * </pre>
 */
final class ConfigDefaults implements IDefaultValueProvider {
  /** The environment variable naming the configuration file when {@code --config} is not given. */
  static final String ENVIRONMENT_VARIABLE = "WEIR_CONF";

  /** Dotted configuration keys for options whose names read better grouped: option name -> key. */
  static final java.util.Map<String, String> ALIASES = java.util.Map.of(
      "checkpoint-interval", "checkpoint.interval",
      "checkpoint-dir", "checkpoint.dir",
      "checkpointing-mode", "checkpoint.mode",
      "unaligned", "checkpoint.unaligned",
      "checkpoint-timeout", "checkpoint.timeout",
      "min-pause", "checkpoint.min-pause",
      "alignment-timeout", "checkpoint.alignment-timeout",
      "retained-checkpoints", "checkpoint.retained",
      "savepoint-dir", "savepoint.dir");

  private final Properties properties;

  private ConfigDefaults(Properties properties) {
    this.properties = properties;
  }

  /** Installs the defaults of the file {@code args} or {@code environmentValue} names, if any. */
  static void install(CommandLine commandLine, List<String> args, String environmentValue) {
    Path file = configFile(args, environmentValue);
    if (file == null) {
      return;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the configuration file " + file, e);
    }
    commandLine.setDefaultValueProvider(new ConfigDefaults(properties));
  }

  private static Path configFile(List<String> args, String environmentValue) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        break; // job arguments follow
      }
      if (arg.equals("--config") && i + 1 < args.size()) {
        return Path.of(args.get(i + 1));
      }
      if (arg.startsWith("--config=")) {
        return Path.of(arg.substring("--config=".length()));
      }
    }
    return environmentValue == null || environmentValue.isBlank() ? null : Path.of(environmentValue);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String key = option.longestName().replaceFirst("^-+", "");
    String qualified = properties.getProperty(argSpec.command().name() + "." + key);
    if (qualified != null) {
      return qualified.trim();
    }
    String plain = properties.getProperty(key);
    if (plain == null && ALIASES.containsKey(key)) {
      plain = properties.getProperty(ALIASES.get(key));
    }
    return trimmed(plain);
  }

  private static String trimmed(String value) {
    return value == null ? null : value.trim();
  }
}
