package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.AnnotationReader;
import io.weir.processor.model.JobSettings;
import io.weir.processor.model.VertexModel;

/** Checks parallelism, max parallelism and exchange settings against each other and their bounds. */
final class ParallelismCheck {
  private final Diagnostics diagnostics;

  ParallelismCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Settings of one vertex on their own. */
  void checkVertex(VertexModel vertex) {
    if (vertex.parallelism() < 0) {
      diagnostics.error(Tag.PARALLELISM, vertex.element(), vertex.annotation(), vertex.attribute("parallelism"),
          vertex.describe() + " has parallelism " + vertex.parallelism() + ".",
          "use 0 for the job's default parallelism, or a positive number.");
    }
    if (vertex.keyed() && !vertex.exchange().equals("AUTO")) {
      diagnostics.error(Tag.PARALLELISM, vertex.element(), vertex.annotation(), vertex.attribute("exchange"),
          vertex.describe() + " is @Keyed, so its inputs are partitioned by key; exchange = "
              + vertex.exchange() + " cannot apply.",
          "remove the exchange attribute, or remove @Keyed.");
    }
  }

  /** One {@code @Job} on its own; returns whether it is valid. */
  boolean checkJob(JobSettings job) {
    int before = diagnostics.errorCount();
    String what = "@Job(name = \"" + job.name() + "\")";
    if (job.parallelism() < 1) {
      diagnostics.error(Tag.PARALLELISM, job.element(), job.annotation(),
          AnnotationReader.explicitValue(job.annotation(), "parallelism"),
          what + " has parallelism " + job.parallelism() + "; a job's default parallelism is at least 1.",
          "use a positive parallelism.");
    }
    if (job.maxParallelism() < 1 || job.maxParallelism() > JobSettings.MAX_MAX_PARALLELISM) {
      diagnostics.error(Tag.PARALLELISM, job.element(), job.annotation(),
          AnnotationReader.explicitValue(job.annotation(), "maxParallelism"),
          what + " has maxParallelism " + job.maxParallelism() + ", outside [1, "
              + JobSettings.MAX_MAX_PARALLELISM + "].",
          "use a maxParallelism between 1 and " + JobSettings.MAX_MAX_PARALLELISM + " (default 128).");
    } else if (job.parallelism() > job.maxParallelism()) {
      diagnostics.error(Tag.PARALLELISM, job.element(), job.annotation(),
          AnnotationReader.explicitValue(job.annotation(), "parallelism"),
          what + " has parallelism " + job.parallelism() + ", above its maxParallelism " + job.maxParallelism()
              + ".",
          "raise maxParallelism or lower parallelism.");
    }
    return diagnostics.errorCount() == before;
  }

  /** A vertex's parallelism against its job's max parallelism. */
  void checkAgainstJob(VertexModel vertex, String job, int maxParallelism) {
    if (vertex.parallelism() > maxParallelism) {
      diagnostics.error(Tag.PARALLELISM, vertex.element(), vertex.annotation(), vertex.attribute("parallelism"),
          vertex.describe() + " has parallelism " + vertex.parallelism() + ", above the maxParallelism "
              + maxParallelism + " of job '" + job + "'.",
          "lower its parallelism, or raise maxParallelism with @Job(name = \"" + job
              + "\", maxParallelism = ...).");
    }
  }
}
