package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Two compilations of the same sources generate the same bytes, whatever order javac sees them in. */
class DeterminismTest {

  @Test
  void compilingTwiceGeneratesIdenticalFiles() {
    List<JavaFileObject> sources = WeirCompiler.resourceSources("golden/input");
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    Collections.reverse(reversed);

    Compilation first = WeirCompiler.compile(sources);
    Compilation second = WeirCompiler.compile(reversed);
    assertThat(first).succeeded();
    assertThat(second).succeeded();

    Map<String, byte[]> a = GeneratedFiles.textOutputs(first);
    Map<String, byte[]> b = GeneratedFiles.textOutputs(second);
    assertFalse(a.isEmpty());
    assertEquals(a.keySet(), b.keySet());
    a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
  }
}
