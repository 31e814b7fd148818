package io.weir.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** The text files a compilation generated (sources and resources), keyed by output-relative path. */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /** e.g. {@code com/example/wordcount/Count_WeirInvoker.java}, {@code META-INF/services/...}. */
  static Map<String, byte[]> textOutputs(Compilation compilation) {
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        continue;
      }
      files.put(relativePath(file), bytes(file));
    }
    return files;
  }

  /** The path below the output location, e.g. {@code /SOURCE_OUTPUT/a/B.java} becomes {@code a/B.java}. */
  static String relativePath(JavaFileObject file) {
    String path = file.toUri().getPath();
    for (String location : new String[] {"/SOURCE_OUTPUT/", "/CLASS_OUTPUT/"}) {
      int at = path.indexOf(location);
      if (at >= 0) {
        return path.substring(at + location.length());
      }
    }
    throw new IllegalArgumentException("generated file in an unexpected location: " + file.toUri());
  }

  static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
