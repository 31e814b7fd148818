package io.weir.processor.writing;

import com.palantir.javapoet.JavaFile;
import io.weir.processor.Diagnostics;
import io.weir.processor.model.JobModel;
import io.weir.processor.model.Role;
import io.weir.processor.model.VertexModel;
import io.weir.processor.serialization.SerializerWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Generates every source file of one job: an invoker per operator and sink, a key selector per
 * keyed vertex, a reader per source with operator state, and the plan. Files are written only
 * when building them reported no error (e.g. a record type without a serializer), so a failing
 * job leaves no half-generated code behind.
 */
public final class JobWriter {
  private final Diagnostics diagnostics;
  private final Filer filer;
  private final InvokerWriter invokers;
  private final KeySelectorWriter keySelectors;
  private final PlanWriter plans;
  private final SourceWriter sources;

  public JobWriter(ProcessingEnvironment env, Diagnostics diagnostics, SerializerWriter serializers) {
    this.diagnostics = diagnostics;
    this.filer = env.getFiler();
    this.invokers = new InvokerWriter(serializers);
    this.keySelectors = new KeySelectorWriter(serializers, env.getTypeUtils());
    this.sources = new SourceWriter(new OperatorStateBinder(serializers));
    this.plans = new PlanWriter(serializers, env.getElementUtils(), env.getTypeUtils());
  }

  /** Writes the job's files; returns the plan's qualified class name, or null when nothing was written. */
  public String write(JobModel job) throws IOException {
    int errorsBefore = diagnostics.errorCount();
    List<JavaFile> files = new ArrayList<>();
    for (VertexModel vertex : job.vertices()) {
      if (vertex.role() == Role.SOURCE && vertex.hasOperatorState()) {
        files.add(sources.write(vertex));
      }
      if (vertex.role() != Role.SOURCE) {
        files.add(invokers.write(vertex));
        if (vertex.keyed()) {
          files.add(keySelectors.write(vertex));
        }
      }
    }
    JavaFile plan = plans.write(job);
    files.add(plan);
    if (diagnostics.errorCount() > errorsBefore) {
      return null;
    }
    for (JavaFile file : files) {
      file.writeTo(filer);
    }
    return plan.packageName().isEmpty() ? plan.typeSpec().name() : plan.packageName() + "." + plan.typeSpec().name();
  }
}
