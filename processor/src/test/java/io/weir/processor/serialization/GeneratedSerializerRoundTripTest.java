package io.weir.processor.serialization;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.KryoFallbackSerializer;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.SerializationException;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Compiles the sample model, loads the generated serializers and round-trips sample values. */
class GeneratedSerializerRoundTripTest {
  private static Compilation compilation;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    compilation = ShopSources.compile(ShopSources.sources());
    assertThat(compilation).succeeded();
    loader = new GeneratedClassLoader(compilation);
  }

  @Test
  void generatedCodeCompilesWithoutLintWarnings() {
    for (Diagnostic<? extends JavaFileObject> w : compilation.warnings()) {
      assertTrue(w.getMessage(null).startsWith("[weir.kryo-fallback]"), () -> "unexpected warning: " + w);
    }
  }

  @TestFactory
  Stream<DynamicTest> everySampleRoundTrips() throws Exception {
    Map<String, List<Object>> samples = samples();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, List<Object>> entry : samples.entrySet()) {
      TypeSerializer<Object> serializer = serializer(entry.getKey());
      List<Object> values = entry.getValue();
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        tests.add(DynamicTest.dynamicTest(entry.getKey() + " #" + i, () -> {
          Object read = roundTrip(serializer, value);
          assertTrue(Objects.deepEquals(value, read), () -> "wrote " + value + " read " + read);
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyRequestedSerializerHasSamples() throws Exception {
    List<String> fields = new ArrayList<>();
    for (Field f : loader.loadClass("io.weir.gen.Serializers").getFields()) {
      fields.add(f.getName());
    }
    assertEquals(new TreeSet<>(fields), new TreeSet<>(samples().keySet()));
  }

  @Test
  void builtInsAreUsedForStringAndBoxes() throws Exception {
    assertTrue(serializer("text") == (Object) StringSerializer.INSTANCE);
    assertTrue(serializer("boxed") == (Object) LongSerializer.INSTANCE);
  }

  @Test
  void classesAreNamedAndPlacedDeterministically() {
    for (String name : List.of(
        "com.example.shop.Money_WeirSerializer",
        "com.example.shop.Item_WeirSerializer",
        "com.example.shop.Outer_Inner_WeirSerializer",
        "com.example.shop.Pair_String_Long_WeirSerializer",
        "com.example.shop.Pair_Color_Money_WeirSerializer",
        "com.example.shop.Secretive_WeirSerializer",
        "com.example.shop.Currency_WeirSerializer",
        "com.example.shop.Wallet_Labelled_String_WeirSerializer",
        "io.weir.gen.Instant_WeirSerializer",
        "io.weir.gen.List_String_WeirSerializer",
        "io.weir.gen.Map_String_List_Long_WeirSerializer",
        "io.weir.gen.IntArray_WeirSerializer",
        "io.weir.gen.Optional_Money_WeirSerializer",
        "io.weir.gen.DayOfWeek_WeirSerializer",
        "io.weir.gen.Set_Outer_Inner_WeirSerializer")) {
      assertTrue(compilation.generatedSourceFile(name).isPresent(), name);
    }
  }

  @Test
  void generatedClassesHaveStaticEntryPointsAndTheGeneratedAnnotation() throws Exception {
    Class<?> money = loader.loadClass("com.example.shop.Money");
    Class<?> serializer = loader.loadClass("com.example.shop.Money_WeirSerializer");
    Method write = serializer.getMethod("write", money, BinaryOutput.class);
    Method read = serializer.getMethod("read", BinaryInput.class);
    assertTrue(Modifier.isStatic(write.getModifiers()) && Modifier.isStatic(read.getModifiers()));
    assertTrue(Modifier.isFinal(serializer.getModifiers()));
    assertNotNull(serializer.getField("INSTANCE").get(null));
    String source = compilation.generatedSourceFile("com.example.shop.Money_WeirSerializer").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(source.contains("@Generated(\"io.weir.processor.WeirProcessor\")"), source);
    // nested records are reached by static calls, not through INSTANCE
    String item = compilation.generatedSourceFile("com.example.shop.Item_WeirSerializer").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(item.contains("Money_WeirSerializer.write("), item);
    assertTrue(item.contains("Money_WeirSerializer.read(in)"), item);
    // JDK values use fixed layouts, not Kryo
    String event = compilation.generatedSourceFile("com.example.shop.Event_WeirSerializer").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(event.contains("JdkValues.writeInstant(") && !event.contains("Kryo"), event);
  }

  @Test
  void onlyDeeplyImmutableTypesSayTheirValuesAreImmutable() throws Exception {
    // records of strings, primitives, JDK values, enums, Optionals and such records; recursion too
    for (String name : List.of("Money", "Event", "Holder", "Link", "Color", "maybeMoney", "day", "instant")) {
      assertTrue(serializer(name).immutableValues(), name);
    }
    // Item is only reached through Order: a nested record with an enum and an Optional<String>
    Object item = loader.loadClass("com.example.shop.Item_WeirSerializer").getField("INSTANCE").get(null);
    assertTrue(((TypeSerializer<?>) item).immutableValues());
    // anything holding a collection, an array, a map or a POJO (mutable), and POJOs themselves
    for (String name : List.of("Node", "Order", "Customer", "ArraysHolder", "strings", "index", "ints", "inners")) {
      assertFalse(serializer(name).immutableValues(), name);
    }
    String money = compilation.generatedSourceFile("com.example.shop.Money_WeirSerializer").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(money.contains("public boolean immutableValues()"), money);
    String node = compilation.generatedSourceFile("com.example.shop.Node_WeirSerializer").orElseThrow()
        .getCharContent(true).toString();
    assertFalse(node.contains("immutableValues"), node);
  }

  @Test
  void moneyHasTheDocumentedLayout() throws Exception {
    Object money = loader.loadClass("com.example.shop.Money").getConstructor(long.class, String.class)
        .newInstance(5L, "EUR");
    BinaryOutput out = new BinaryOutput();
    serializer("Money").serialize(money, out);
    // long cents, presence byte, string header (length 3, one-byte chars), chars
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 5, 1, 7, 'E', 'U', 'R'}, out.toByteArray());
  }

  @Test
  void listBytesDoNotDependOnWhetherTheListIsIndexedOrIterated() throws Exception {
    String source = compilation.generatedSourceFile("io.weir.gen.List_String_WeirSerializer").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(source.contains("instanceof RandomAccess") && source.contains(".get(i)"), source);
    TypeSerializer<Object> strings = serializer("strings");
    List<String> contents = Arrays.asList("a", null, "bé", "", "x".repeat(200));
    BinaryOutput indexed = new BinaryOutput();
    strings.serialize(new ArrayList<>(contents), indexed);
    BinaryOutput iterated = new BinaryOutput();
    strings.serialize(new LinkedList<>(contents), iterated);
    assertArrayEquals(indexed.toByteArray(), iterated.toByteArray());
    assertEquals(contents, strings.deserialize(new BinaryInput(iterated.toByteArray())));
  }

  @Test
  void enumsAreWrittenAsOrdinals() throws Exception {
    Object[] colors = loader.loadClass("com.example.shop.Color").getEnumConstants();
    BinaryOutput out = new BinaryOutput();
    serializer("Color").serialize(colors[2], out);
    assertArrayEquals(new byte[] {2}, out.toByteArray());
    assertThrows(SerializationException.class, () -> serializer("Color").deserialize(new BinaryInput(new byte[] {3})));
  }

  @Test
  void formatIdsNameTheClassAndAHash() throws Exception {
    String id = serializer("Order").formatId();
    assertTrue(id.matches("com\\.example\\.shop\\.Order_WeirSerializer/[0-9a-f]{16}"), id);
    assertTrue(serializer("instant").formatId().startsWith("io.weir.gen.Instant_WeirSerializer/"));
  }

  @Test
  void truncatedInputFailsWithSerializationException() throws Exception {
    TypeSerializer<Object> orders = serializer("Order");
    Object order = samples().get("Order").get(0);
    BinaryOutput out = new BinaryOutput();
    orders.serialize(order, out);
    byte[] bytes = out.toByteArray();
    for (int cut = 0; cut < bytes.length; cut++) {
      BinaryInput in = new BinaryInput(bytes, 0, cut);
      assertThrows(SerializationException.class, () -> orders.deserialize(in), "cut at " + cut);
    }
  }

  @Test
  void subclassOfAPojoIsRejected() throws Exception {
    Object premium = samplesClass().getMethod("premiumAsCustomer").invoke(null);
    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer("Customer").serialize(premium, new BinaryOutput()));
    assertTrue(e.getMessage().contains("PremiumCustomer"), e.getMessage());
  }

  @Test
  void sortedCollectionWithComparatorIsRejected() throws Exception {
    Object order = samplesClass().getMethod("orderWithComparator").invoke(null);
    assertThrows(SerializationException.class, () -> serializer("Order").serialize(order, new BinaryOutput()));
  }

  @Test
  void kryoIdsStartWhereTheRuntimeExpects() {
    assertEquals(KryoFallbackSerializer.FIRST_ID, SerializerClassEmitter.KRYO_FIRST_ID);
  }

  private static Object roundTrip(TypeSerializer<Object> serializer, Object value) {
    BinaryOutput out = new BinaryOutput(8);
    out.writeByte(0x5A); // framing: the serializer must consume exactly its own bytes
    serializer.serialize(value, out);
    out.writeByte(0x3C);
    BinaryInput in = new BinaryInput(out.toByteArray());
    assertEquals(0x5A, in.readByte());
    Object read = serializer.deserialize(in);
    assertEquals(0x3C, in.readByte());
    assertFalse(in.hasRemaining());
    return read;
  }

  @SuppressWarnings("unchecked")
  private static TypeSerializer<Object> serializer(String name) throws Exception {
    return (TypeSerializer<Object>) loader.loadClass("io.weir.gen.Serializers").getField(name).get(null);
  }

  private static Class<?> samplesClass() throws Exception {
    return loader.loadClass("com.example.shop.Samples");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<Object>> samples() throws Exception {
    return (Map<String, List<Object>>) samplesClass().getMethod("all").invoke(null);
  }
}
