package io.weir.processor.serialization;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.weir.processor.Diagnostics;
import io.weir.processor.RuntimeNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Test-only processor: calls {@link SerializerWriter#serializerFor} for every element marked
 * {@link GenerateSerializer} and collects the expressions into {@code io.weir.gen.Serializers}, one
 * {@code public static final TypeSerializer<?>} field per element (named after the type's simple
 * name, or the field's name), so tests can load them.
 */
final class SerializerTestProcessor extends AbstractProcessor {
  static final String FALLBACK_PACKAGE = "io.weir.gen";

  private SerializerWriter writer;
  private final List<FieldSpec> fields = new ArrayList<>();
  private boolean registryWritten;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(GenerateSerializer.class.getCanonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (writer == null) {
      writer = new SerializerWriter(processingEnv, new Diagnostics(processingEnv.getMessager()));
    }
    for (Element element : round.getElementsAnnotatedWith(GenerateSerializer.class)) {
      CodeBlock expression = writer.serializerFor(element.asType(), element, FALLBACK_PACKAGE);
      String name = element.getSimpleName().toString();
      fields.add(FieldSpec.builder(
              ParameterizedTypeName.get(RuntimeNames.TYPE_SERIALIZER, WildcardTypeName.subtypeOf(Object.class)),
              name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer(expression)
          .build());
    }
    try {
      writer.writeAll(processingEnv.getFiler());
      if (!registryWritten && !fields.isEmpty()) {
        registryWritten = true;
        TypeSpec registry = TypeSpec.classBuilder("Serializers")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addFields(fields)
            .build();
        JavaFile.builder(FALLBACK_PACKAGE, registry).build().writeTo(processingEnv.getFiler());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }
}
