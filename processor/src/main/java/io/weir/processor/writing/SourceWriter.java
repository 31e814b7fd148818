package io.weir.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.weir.api.Emitter;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.processor.RuntimeNames;
import io.weir.processor.model.VertexModel;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Simple>_WeirSource} for a source that declares operator state: a
 * {@code SourceReader} that holds the user's reader, binds its state fields when the runtime calls
 * {@code bindOperatorState} (before {@code open}) and forwards open, poll and close. The plan
 * creates it instead of the user's class; sources without state are created directly.
 */
final class SourceWriter {
  private final OperatorStateBinder operatorState;

  SourceWriter(OperatorStateBinder operatorState) {
    this.operatorState = operatorState;
  }

  JavaFile write(VertexModel vertex) {
    ClassName userClass = ClassName.get(vertex.element());
    ClassName reader = GeneratedNames.source(vertex.element());
    TypeName output = TypeName.get(vertex.output());
    TypeSpec type = TypeSpec.classBuilder(reader)
        .addJavadoc("Runs {@link $T} for the Weir runtime, with its operator state bound.\n", userClass)
        .addAnnotation(GeneratedNames.generatedAnnotation())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(SourceReader.class), output))
        .addSuperinterface(RuntimeNames.OPERATOR_STATE_BINDING)
        .addOriginatingElement(vertex.element())
        .addField(FieldSpec.builder(userClass, "source", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", userClass)
            .build())
        .addMethod(operatorState.bindMethod(vertex, "source"))
        .addMethod(MethodSpec.methodBuilder("open")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(SourceContext.class, "context")
            .addException(Exception.class)
            .addStatement("source.open(context)")
            .build())
        .addMethod(MethodSpec.methodBuilder("poll")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ClassName.get(SourceReader.Status.class))
            .addParameter(ParameterizedTypeName.get(ClassName.get(Emitter.class), output), "out")
            .addException(Exception.class)
            .addStatement("return source.poll(out)")
            .build())
        .addMethod(MethodSpec.methodBuilder("close")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addException(Exception.class)
            .addStatement("source.close()")
            .build())
        .build();
    return JavaFile.builder(reader.packageName(), type).skipJavaLangImports(true).build();
  }
}
