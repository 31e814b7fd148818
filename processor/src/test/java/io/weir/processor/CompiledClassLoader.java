package io.weir.processor;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes and resources a compile-testing compilation produced, from memory, so tests
 * can run generated code (and find the generated ServiceLoader file).
 */
final class CompiledClassLoader extends ClassLoader {
  private final Map<String, byte[]> outputs = new HashMap<>();

  CompiledClassLoader(Compilation compilation) {
    super(CompiledClassLoader.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.toUri().getPath().contains("/CLASS_OUTPUT/")) {
        outputs.put(GeneratedFiles.relativePath(file), GeneratedFiles.bytes(file));
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = outputs.get(name.replace('.', '/') + ".class");
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  protected URL findResource(String name) {
    byte[] bytes = outputs.get(name);
    return bytes == null ? null : url(name, bytes);
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
  }

  @SuppressWarnings("deprecation") // URL.of(URI, handler) needs Java 20; the build targets 17
  private static URL url(String name, byte[] bytes) {
    URLStreamHandler handler = new URLStreamHandler() {
      @Override
      protected URLConnection openConnection(URL u) {
        return new URLConnection(u) {
          @Override
          public void connect() {}

          @Override
          public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
          }
        };
      }
    };
    try {
      return new URL("weir-test", "", -1, "/" + name, handler);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
