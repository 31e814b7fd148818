package io.weir.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.weir.processor.RuntimeNames;
import io.weir.processor.model.EdgeModel;
import io.weir.processor.model.EventTimeModel;
import io.weir.processor.model.InputModel;
import io.weir.processor.model.JobModel;
import io.weir.processor.model.SideOutputModel;
import io.weir.processor.model.VertexModel;
import io.weir.processor.serialization.SerializerWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates a job's {@code <JobCamel>JobPlan}, a {@code JobPlanProvider} that builds the job's
 * {@code JobPlan}, and the ServiceLoader file that registers every plan.
 *
 * <p>Vertex class names are binary names ({@code Outer$Inner}, as {@code Class.getName()} gives);
 * input types are listed by the binary names of their erasures.
 */
public final class PlanWriter {
  private final SerializerWriter serializers;
  private final Elements elements;
  private final TypeNames typeNames;

  public PlanWriter(SerializerWriter serializers, Elements elements, Types types) {
    this.serializers = serializers;
    this.elements = elements;
    this.typeNames = new TypeNames(elements, types);
  }

  public JavaFile write(JobModel job) {
    ClassName plan = GeneratedNames.plan(job.packageName(), job.name());
    CodeBlock.Builder body = CodeBlock.builder()
        .add("return $T.builder($S)\n$>$>", RuntimeNames.JOB_PLAN, job.name())
        .add(".defaultParallelism($L)\n", job.parallelism())
        .add(".maxParallelism($L)\n", job.maxParallelism())
        .add(".stateBackend($S)\n", job.stateBackend());
    for (VertexModel vertex : job.vertices()) {
      body.add(vertex(vertex, job.packageName()));
    }
    for (EdgeModel edge : job.edges()) {
      if (edge.output().isEmpty()) {
        body.add(".edge($S, $S, $L, $T.$L)\n", id(edge.from()), id(edge.to()), edge.targetInput(),
            RuntimeNames.PARTITIONING, edge.partitioning().name());
      } else {
        body.add(".edge($S, $S, $L, $T.$L, $S)\n", id(edge.from()), id(edge.to()), edge.targetInput(),
            RuntimeNames.PARTITIONING, edge.partitioning().name(), edge.output());
      }
    }
    body.add(".build();\n$<$<");
    TypeSpec.Builder type = TypeSpec.classBuilder(plan)
        .addJavadoc("The plan of job {@code $L}.\n", job.name())
        .addAnnotation(GeneratedNames.generatedAnnotation())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(RuntimeNames.JOB_PLAN_PROVIDER)
        .addMethod(MethodSpec.methodBuilder("plan")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RuntimeNames.JOB_PLAN)
            .addCode(body.build())
            .build());
    job.vertices().forEach(v -> type.addOriginatingElement(v.element()));
    return JavaFile.builder(plan.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private CodeBlock vertex(VertexModel vertex, String planPackage) {
    CodeBlock head = CodeBlock.of("$S, $S, $S, $L", id(vertex), vertex.name(),
        elements.getBinaryName(vertex.element()).toString(), vertex.parallelism());
    return switch (vertex.role()) {
      case SOURCE -> CodeBlock.of(".source($L,\n$>$>$T::new, $L)\n$<$<$L", head,
          vertex.hasOperatorState() ? GeneratedNames.source(vertex.element()) : ClassName.get(vertex.element()),
          serializers.serializerFor(vertex.output(), vertex.element(), planPackage), eventTime(vertex));
      case OPERATOR -> CodeBlock.of(".operator($L,\n$>$>$T::new, $L, $L, $L)\n$<$<$L", head,
          GeneratedNames.invoker(vertex.element()),
          serializers.serializerFor(vertex.output(), vertex.element(), planPackage),
          inputTypes(vertex), keySelector(vertex), sideOutputs(vertex, planPackage));
      case SINK -> CodeBlock.of(".sink($L,\n$>$>$T::new, $L, $L)\n$<$<", head, GeneratedNames.invoker(vertex.element()),
          inputTypes(vertex), keySelector(vertex));
    };
  }

  /** {@code .sideOutput(id, "name", serializer)} per {@code @SideOutput} field. */
  private CodeBlock sideOutputs(VertexModel vertex, String planPackage) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (SideOutputModel output : vertex.sideOutputs()) {
      code.add(".sideOutput($S, $S, $L)\n", id(vertex), output.name(),
          serializers.serializerFor(output.type(), output.field(), planPackage));
    }
    return code.build();
  }

  /**
   * {@code .eventTime(id, (reader, record) -> ((Src) reader).ts((T) record), <watermarks>, idle)} for a
   * source with an {@code @EventTime} method; empty otherwise.
   */
  private static CodeBlock eventTime(VertexModel source) {
    EventTimeModel eventTime = source.eventTime();
    if (eventTime == null) {
      return CodeBlock.of("");
    }
    TypeName parameter = TypeName.get(eventTime.method().getParameters().get(0).asType());
    CodeBlock watermarks = switch (eventTime.strategy()) {
      case "MONOTONOUS" -> CodeBlock.of("$T::monotonous", RuntimeNames.BOUNDED_OUT_OF_ORDERNESS);
      case "CUSTOM" -> CodeBlock.of("$T::new", TypeName.get(eventTime.generator()));
      default -> CodeBlock.of("() -> new $T($LL)", RuntimeNames.BOUNDED_OUT_OF_ORDERNESS,
          eventTime.maxOutOfOrdernessMillis());
    };
    return CodeBlock.of(".eventTime($S,\n$>$>(reader, record) -> (($T) reader).$N(($T) record),\n$L, $LL)\n$<$<",
        id(source), ClassName.get(source.element()), eventTime.method().getSimpleName().toString(), parameter,
        watermarks, eventTime.idleTimeoutMillis());
  }

  private CodeBlock inputTypes(VertexModel vertex) {
    CodeBlock names = vertex.inputs().stream()
        .map(InputModel::type)
        .map(t -> CodeBlock.of("$S", typeNames.runtimeName(t)))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("$T.of($L)", List.class, names);
  }

  private static CodeBlock keySelector(VertexModel vertex) {
    return vertex.keyed()
        ? CodeBlock.of("new $T()", GeneratedNames.keySelector(vertex.element()))
        : CodeBlock.of("null");
  }

  private static String id(VertexModel vertex) {
    return GeneratedNames.vertexId(vertex.qualifiedName());
  }

  /** Writes {@code META-INF/services/io.weir.runtime.plan.JobPlanProvider}: one plan per line, sorted. */
  public static void writeServiceFile(Filer filer, Collection<String> planClassNames, Element... originating)
      throws IOException {
    FileObject file = filer.createResource(
        StandardLocation.CLASS_OUTPUT, "", RuntimeNames.JOB_PLAN_SERVICE_FILE, originating);
    try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      for (String name : new TreeSet<>(planClassNames)) {
        writer.write(name);
        writer.write('\n');
      }
    }
  }
}
