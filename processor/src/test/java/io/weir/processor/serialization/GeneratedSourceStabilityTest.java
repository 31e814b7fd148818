package io.weir.processor.serialization;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Generated sources are byte-identical across builds, and format ids follow layout changes. */
class GeneratedSourceStabilityTest {
  private static final Pattern FORMAT_ID = Pattern.compile("FORMAT_ID = \"([^\"]+)\"");

  @Test
  void twoCompilationsGenerateIdenticalSources() {
    Map<String, String> first = generatedSources(ShopSources.compile(ShopSources.sources()));
    Map<String, String> second = generatedSources(ShopSources.compile(ShopSources.sources()));
    assertFalse(first.isEmpty());
    assertEquals(first, second);
  }

  @Test
  void reorderingEnumConstantsChangesTheFormatIdOfEveryTypeThatReachesTheEnum() {
    Compilation before = ShopSources.compile(ShopSources.sources());
    Compilation after = ShopSources.compile(replacing("Color", JavaFileObjects.forSourceLines("com.example.shop.Color",
        "package com.example.shop;",
        "@io.weir.processor.serialization.GenerateSerializer",
        "public enum Color { BLUE, RED, GREEN }")));
    assertThat(after).succeeded();
    for (String changed : List.of("Color", "Item", "Order", "Holder", "Pair_Color_Money")) {
      assertNotEquals(formatId(before, changed), formatId(after, changed), changed);
    }
    for (String same : List.of("Money", "Node", "Customer", "Primitives")) {
      assertEquals(formatId(before, same), formatId(after, same), same);
    }
  }

  @Test
  void changingAComponentTypeChangesTheFormatId() {
    Compilation before = ShopSources.compile(ShopSources.sources());
    Compilation after = ShopSources.compile(replacing("Money", JavaFileObjects.forSourceLines("com.example.shop.Money",
        "package com.example.shop;",
        "@io.weir.processor.serialization.GenerateSerializer",
        "public record Money(double cents, String currency) {}")));
    assertThat(after).succeeded();
    assertNotEquals(formatId(before, "Money"), formatId(after, "Money"));
    assertNotEquals(formatId(before, "Order"), formatId(after, "Order"));
    assertEquals(formatId(before, "Node"), formatId(after, "Node"));
  }

  private static List<JavaFileObject> replacing(String type, JavaFileObject replacement) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (JavaFileObject f : ShopSources.sources()) {
      sources.add(f.getName().endsWith("/" + type + ".java") ? replacement : f);
    }
    assertTrue(sources.contains(replacement), type);
    return sources;
  }

  private static String formatId(Compilation compilation, String mangled) {
    String name = ShopSources.PACKAGE + "." + mangled + SerializerNames.SUFFIX;
    String source = content(compilation.generatedSourceFile(name).orElseThrow(() -> new AssertionError(name)));
    Matcher m = FORMAT_ID.matcher(source);
    assertTrue(m.find(), source);
    return m.group(1);
  }

  private static Map<String, String> generatedSources(Compilation compilation) {
    assertThat(compilation).succeeded();
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject f : compilation.generatedSourceFiles()) {
      sources.put(f.toUri().toString(), content(f));
    }
    return sources;
  }

  private static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
