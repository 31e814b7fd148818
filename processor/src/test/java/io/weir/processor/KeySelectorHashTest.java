package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import io.weir.runtime.operator.KeySelector;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexPlan;
import io.weir.state.serialization.IntSerializer;
import io.weir.state.serialization.LongSerializer;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated key selectors hash with the documented stable functions: the boxes' static hashCode
 * for primitives and boxes, name().hashCode() for enums, 31 * h + component hash (from 1, 0 for
 * null) for records. Also covers a nested operator class.
 */
class KeySelectorHashTest {
  private static Compilation compilation;
  private static JobPlan plan;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    compilation = WeirCompiler.compile(
        java("Color", "public enum Color { RED, GREEN }\n"),
        java("Region", "public record Region(String name, Color color) {}\n"),
        java("Event", "public record Event(long user, Color color, Region region, Integer bucket) {}\n"),
        java("Events", """
            @Source(job = "keys")
            public final class Events implements SourceReader<Event> {
              public Status poll(Emitter<Event> out) {
                return Status.END_OF_INPUT;
              }
            }
            """),
        keyed("ByUser", "user", "Events"),
        keyed("ByColor", "color", "ByUser"),
        keyed("ByRegion", "region", "ByColor"),
        java("Stages", """
            public final class Stages {
              @Operator(from = ByRegion.class)
              public static final class Pass {
                public Event process(Event e) {
                  return e;
                }
              }
            }
            """),
        java("End", """
            @Sink(from = Stages.Pass.class)
            @Keyed("bucket")
            public final class End {
              public void write(Event e) {}
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledClassLoader(compilation);
    plan = JobCatalog.load(loader).job("keys");
  }

  private static JavaFileObject keyed(String name, String key, String from) {
    return java(name, """
        @Operator(from = %s.class)
        @Keyed("%s")
        public final class %s {
          public Event process(Event e) {
            return e;
          }
        }
        """.formatted(from, key, name));
  }

  @Test
  void primitiveEnumRecordAndBoxedKeysHashStably() throws Exception {
    Class<?> color = loader.loadClass("test.Color");
    Object green = color.getEnumConstants()[1];
    Object region = loader.loadClass("test.Region").getConstructor(String.class, color).newInstance("north", null);
    Object event = loader.loadClass("test.Event")
        .getConstructor(long.class, color, region.getClass(), Integer.class)
        .newInstance(42L, green, region, 7);

    KeySelector byUser = selector("ByUser");
    assertEquals(42L, byUser.key(0, event));
    assertEquals(Long.hashCode(42L), byUser.keyHash(0, event));
    assertEquals(LongSerializer.INSTANCE, byUser.keySerializer());

    KeySelector byColor = selector("ByColor");
    assertEquals(green, byColor.key(0, event));
    assertEquals("GREEN".hashCode(), byColor.keyHash(0, event));

    KeySelector byRegion = selector("ByRegion");
    assertEquals(region, byRegion.key(0, event));
    assertEquals(31 * (31 * 1 + "north".hashCode()) + 0, byRegion.keyHash(0, event));
    assertEquals("test.Region_WeirSerializer", byRegion.keySerializer().getClass().getName());

    KeySelector end = selector("End");
    assertEquals(7, end.key(0, event));
    assertEquals(Integer.hashCode(7), end.keyHash(0, event));
    assertEquals(IntSerializer.INSTANCE, end.keySerializer());
  }

  @Test
  void primitiveKeysAreHashedWithoutBoxing() {
    assertThat(compilation).generatedSourceFile("test.ByUser_WeirKeys")
        .contentsAsUtf8String().contains("case 0 -> Long.hashCode(((Event) record).user());");
  }

  @Test
  void nestedOperatorGetsAFlatInvokerNameAndItsBinaryClassName() {
    VertexPlan pass = plan.vertices().stream().filter(v -> v.name().equals("Pass")).findFirst().orElseThrow();
    assertEquals("test.Stages$Pass", pass.className());
    assertNull(pass.keySelector());
    assertEquals("test.Stages_Pass_WeirInvoker", pass.invokerFactory().get().getClass().getName());
  }

  private static KeySelector selector(String vertexName) {
    return plan.vertices().stream().filter(v -> v.name().equals(vertexName)).findFirst().orElseThrow().keySelector();
  }
}
