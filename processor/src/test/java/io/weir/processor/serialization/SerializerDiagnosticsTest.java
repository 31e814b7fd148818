package io.weir.processor.serialization;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The warnings and errors SerializerWriter reports, with their tags and positions. */
class SerializerDiagnosticsTest {

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new SerializerTestProcessor()).compile(sources);
  }

  @Test
  void jdkClassInARecordFallsBackToKryoWithAWarningOnTheComponent() {
    JavaFileObject event = JavaFileObjects.forSourceLines("com.x.Event",
        "package com.x;",
        "",
        "@io.weir.processor.serialization.GenerateSerializer",
        "public record Event(",
        "    String name,",
        "    java.util.Currency currency) {}");
    Compilation compilation = compile(event);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[weir.kryo-fallback] field 'currency' of com.x.Event has type java.util.Currency, which"
            + " has no generated serializer (it is a JDK class without built-in support); it is serialized with Kryo,"
            + " slower and larger.")
        .inFile(event)
        .onLineContaining("Currency currency");
    assertThat(compilation).generatedSourceFile("com.x.Currency_WeirSerializer").contentsAsUtf8String()
        .contains("KryoRegistration.of(Currency.class, 32)");
  }

  @Test
  void classThatIsNotAPojoFallsBackToKryoAndSaysWhy() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.x.Account",
        "package com.x;",
        "",
        "@io.weir.processor.serialization.GenerateSerializer",
        "public record Account(String id, Balance balance) {",
        "  public static final class Balance {",
        "    private final long cents;",
        "    public Balance(long cents) { this.cents = cents; }",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[weir.kryo-fallback] field 'balance' of com.x.Account has type com.x.Account.Balance,"
            + " which has no generated serializer (it is not a POJO: it has no no-arg constructor)")
        .inFile(source)
        .onLineContaining("public record Account");
    // the Kryo class lives next to the type, so it can register package-private classes
    assertThat(compilation).generatedSourceFile("com.x.Account_Balance_WeirSerializer").contentsAsUtf8String()
        .contains("KryoRegistration.of(Account.Balance.class, 32)");
  }

  @Test
  void collectionElementFallingBackToKryoIsReportedAsContained() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.x.Log",
        "package com.x;",
        "",
        "import java.util.List;",
        "",
        "@io.weir.processor.serialization.GenerateSerializer",
        "public record Log(",
        "    List<java.util.Currency> currencies) {}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[weir.kryo-fallback] field 'currencies' of com.x.Log contains java.util.Currency")
        .inFile(source)
        .onLineContaining("List<java.util.Currency> currencies");
  }

  @Test
  void typeVariableAtTopLevelIsAnErrorOnTheUsingElement() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.x.Box",
        "package com.x;",
        "",
        "@io.weir.processor.serialization.GenerateSerializer",
        "public record Box<T>(T value) {}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weir.serializer] cannot generate a serializer for com.x.Box<T>: it contains the type"
            + " variable T; a serializer needs a concrete type. Fix: Use a concrete type")
        .inFile(source)
        .onLineContaining("public record Box<T>");
  }

  @Test
  void wildcardAndRawTypesAreErrors() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.x.Holder",
        "package com.x;",
        "",
        "import io.weir.processor.serialization.GenerateSerializer;",
        "import java.util.List;",
        "",
        "public class Holder {",
        "  @GenerateSerializer List<?> wild;",
        "  @SuppressWarnings(\"rawtypes\") @GenerateSerializer List raw;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weir.serializer] cannot generate a serializer for java.util.List<?>: it contains the"
            + " wildcard ?")
        .inFile(source)
        .onLineContaining("List<?> wild");
    assertThat(compilation)
        .hadErrorContaining("[weir.serializer] cannot generate a serializer for java.util.List: it is the raw type"
            + " java.util.List")
        .inFile(source)
        .onLineContaining("List raw");
  }

  @Test
  void wildcardInsideARecordIsAnErrorOnThatComponent() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.x.Bag",
        "package com.x;",
        "",
        "@io.weir.processor.serialization.GenerateSerializer",
        "public record Bag(",
        "    String name,",
        "    java.util.Map<String, ? extends Number> amounts) {}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weir.serializer] field 'amounts' of com.x.Bag has type java.util.Map<java.lang.String,"
            + "? extends java.lang.Number>, which contains the wildcard ? extends java.lang.Number")
        .inFile(source)
        .onLineContaining("amounts) {}");
    // nothing half-generated is left behind
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void privateNestedTypeIsAnError() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.x.Outer",
        "package com.x;",
        "",
        "public class Outer {",
        "  @io.weir.processor.serialization.GenerateSerializer",
        "  private record Hidden(String s) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weir.serializer] cannot generate a serializer for com.x.Outer.Hidden: it is private,"
            + " so generated code cannot name it.")
        .inFile(source)
        .onLineContaining("private record Hidden");
  }
}
