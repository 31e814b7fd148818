package io.weir.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentSplitterTest {

  @Test
  void nullEmptyAndBlankGiveNoArguments() {
    assertEquals(List.of(), ArgumentSplitter.split("weir.args", null));
    assertEquals(List.of(), ArgumentSplitter.split("weir.args", ""));
    assertEquals(List.of(), ArgumentSplitter.split("weir.args", "   "));
    assertEquals(List.of(), ArgumentSplitter.split("weir.args", " \n\t "));
  }

  @Test
  void spacesSeparateArgumentsAndRunsOfSpacesCountOnce() {
    assertEquals(
        List.of("--input", "words.txt", "--verbose"),
        ArgumentSplitter.split("weir.args", "  --input   words.txt --verbose "));
  }

  @Test
  void doubleQuotesKeepSpacesInOneArgument() {
    assertEquals(
        List.of("--input", "my file.txt", "--n", "3"),
        ArgumentSplitter.split("weir.args", "--input \"my file.txt\" --n 3"));
  }

  @Test
  void singleQuotesKeepSpacesAndDoubleQuotesInOneArgument() {
    assertEquals(
        List.of("--greeting", "say \"hi\" now"),
        ArgumentSplitter.split("weir.args", "--greeting 'say \"hi\" now'"));
  }

  @Test
  void quotesInsideAWordJoinWithIt() {
    assertEquals(
        List.of("-Dmessage=hello world", "-Xmx1g"),
        ArgumentSplitter.split("weir.jvmArgs", "-Dmessage=\"hello world\" -Xmx1g"));
  }

  @Test
  void tabsAndLineBreaksSeparateLikeSpaces() {
    assertEquals(
        List.of("--input", "a.txt", "--output", "b.txt"),
        ArgumentSplitter.split("weir.args", "--input\ta.txt\r\n    --output b.txt\n"));
  }

  @Test
  void anEmptyQuotedStringGivesNoArgument() {
    // plexus-utils drops empty tokens; documented on ArgumentSplitter.
    assertEquals(List.of("--name", "x"), ArgumentSplitter.split("weir.args", "--name \"\" x"));
  }

  @Test
  void anUnclosedQuoteIsAnErrorNamingTheParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ArgumentSplitter.split("weir.jvmArgs", "-Dx='unclosed value"));
    assertTrue(e.getMessage().startsWith("weir.jvmArgs has an unclosed quote"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dx='unclosed value"), e.getMessage());
  }
}
