package io.weir.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles test sources with the Weir processor, in memory. */
public final class WeirCompiler {
  private WeirCompiler() {}

  public static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(sources));
  }

  public static Compilation compile(List<JavaFileObject> sources) {
    return Compiler.javac().withProcessors(new WeirProcessor()).compile(sources);
  }

  /** A source file {@code qualifiedName} with the given text. */
  public static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** Every {@code .java} file under the test resource folder {@code resourceDir}, sorted by path. */
  public static List<JavaFileObject> resourceSources(String resourceDir) {
    Path root = resourcePath(resourceDir);
    try (Stream<Path> files = Files.walk(root)) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resourcePath(String resourceDir) {
    try {
      return Paths.get(WeirCompiler.class.getClassLoader().getResource(resourceDir).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
