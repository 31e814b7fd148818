package io.weir.maven;

import java.util.List;
import org.codehaus.plexus.util.cli.CommandLineUtils;

/**
 * Splits a one-string parameter such as {@code weir.args} into arguments the way a shell would
 * for simple cases: spaces separate arguments, and single or double quotes keep spaces inside one
 * argument ({@code --input 'my file.txt'}). There are no escapes, and an empty quoted string
 * ({@code ""}) yields no argument.
 */
final class ArgumentSplitter {
  private ArgumentSplitter() {}

  /**
   * The arguments in {@code value}; none for null or blank. Tabs and line breaks count as spaces,
   * since a value configured in a POM often spans several lines.
   *
   * @param parameter the parameter's name, for the error message
   * @throws IllegalArgumentException when a quote is not closed
   */
  static List<String> split(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    // plexus-utils only splits on ' '.
    String spaced = value.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    try {
      return List.of(CommandLineUtils.translateCommandline(spaced));
    } catch (Exception e) {
      // The only checked failure translateCommandline reports is an unclosed quote.
      throw new IllegalArgumentException(
          parameter + " has an unclosed quote: " + value + " (quote arguments with ' or \")", e);
    }
  }
}
