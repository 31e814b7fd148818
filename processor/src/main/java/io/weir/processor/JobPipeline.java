package io.weir.processor;

import io.weir.processor.model.JobAssembler;
import io.weir.processor.model.JobGraph;
import io.weir.processor.model.JobModel;
import io.weir.processor.model.ProcessingModel;
import io.weir.processor.model.VertexModel;
import io.weir.processor.serialization.SerializerWriter;
import io.weir.processor.validation.Validator;
import io.weir.processor.writing.JobWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Validation, then generation, of every job of a compilation. A job is generated only when neither
 * it nor any of its vertices has an error. A failure while generating one job is reported on that
 * job's first source and does not stop the others.
 */
final class JobPipeline {
  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;
  private final SerializerWriter serializers;

  JobPipeline(ProcessingEnvironment env, Diagnostics diagnostics, SerializerWriter serializers) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.serializers = serializers;
  }

  /** Returns the qualified names of the plans it generated. */
  List<String> run(ProcessingModel model) {
    JobGraph graph = new JobGraph(model);
    Validator.Result result = new Validator(env, diagnostics).validate(graph);
    JobAssembler assembler = new JobAssembler(env.getElementUtils(), env.getTypeUtils());
    JobWriter writer = new JobWriter(env, diagnostics, serializers);
    List<String> plans = new ArrayList<>();
    for (String job : result.validJobs()) {
      VertexModel firstSource = graph.sources(job).get(0);
      try {
        JobModel jobModel = assembler.assemble(graph, job, result.settings().get(job));
        String plan = writer.write(jobModel);
        if (plan != null) {
          plans.add(plan);
        }
      } catch (IOException e) {
        diagnostics.error(Tag.INTERNAL, firstSource.element(),
            "could not write the generated code of job '" + job + "': " + e.getMessage(),
            "check that the output directory is writable, and that no other tool generates the same classes.");
      } catch (RuntimeException e) {
        diagnostics.error(Tag.INTERNAL, firstSource.element(),
            "Weir's processor failed on job '" + job + "': " + WeirProcessor.stackTrace(e),
            "report this as a bug of Weir, with the job's classes.");
      }
    }
    return plans;
  }
}
