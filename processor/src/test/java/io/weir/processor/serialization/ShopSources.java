package io.weir.processor.serialization;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** The sample model under src/test/resources/serialization/shop, compiled with the test processor. */
final class ShopSources {
  static final String PACKAGE = "com.example.shop";
  static final List<String> TYPES = List.of(
      "ArraysHolder", "Color", "Customer", "Event", "Holder", "Item", "Link", "Money", "Node", "Order", "Outer", "Pair",
      "PremiumCustomer", "Primitives", "Requests", "Samples", "Secretive", "Wallet");

  private ShopSources() {}

  static List<JavaFileObject> sources() {
    List<JavaFileObject> files = new ArrayList<>();
    for (String type : TYPES) {
      files.add(JavaFileObjects.forResource("serialization/shop/com/example/shop/" + type + ".java"));
    }
    return files;
  }

  static Compilation compile(List<JavaFileObject> sources) {
    return javac()
        .withProcessors(new SerializerTestProcessor())
        .withOptions("-Xlint:unchecked,rawtypes,cast,deprecation")
        .compile(sources);
  }
}
