package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares everything the processor generates for the job under {@code golden/input} with the
 * files under {@code golden/expected}, byte for byte. After an intended change to generated code,
 * regenerate them with {@code mvn -pl processor test -Dtest=GoldenFileTest -Dweir.updateGolden=true}
 * and review the diff.
 */
class GoldenFileTest {
  private static final Path EXPECTED =
      Paths.get(System.getProperty("basedir", System.getProperty("user.dir")), "src/test/resources/golden/expected");

  @Test
  void generatedFilesMatchTheGoldenFiles() throws IOException {
    Compilation compilation = WeirCompiler.compile(WeirCompiler.resourceSources("golden/input"));
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, byte[]> actual = GeneratedFiles.textOutputs(compilation);
    if (Boolean.getBoolean("weir.updateGolden")) {
      rewrite(actual);
    }
    Map<String, String> expected = read();
    assertEquals(expected.keySet(), actual.keySet(), "generated file names");
    for (Map.Entry<String, String> file : expected.entrySet()) {
      assertEquals(file.getValue(), new String(actual.get(file.getKey()), StandardCharsets.UTF_8),
          "content of " + file.getKey() + " (regenerate with -Dweir.updateGolden=true if the change is intended)");
    }
  }

  private static Map<String, String> read() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(EXPECTED)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String relative = EXPECTED.relativize(path).toString().replace('\\', '/');
        files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void rewrite(Map<String, byte[]> files) throws IOException {
    if (Files.exists(EXPECTED)) {
      try (Stream<Path> paths = Files.walk(EXPECTED)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = EXPECTED.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }
}
