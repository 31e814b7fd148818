package io.weir.runtime.exactlyonce.job;

import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.JobPlanProvider;

/** The sequences job writing through the shipped {@link io.weir.api.files.TransactionalFileSink} ({@link SequenceFiles}). */
public final class SequenceFilesJobPlan implements JobPlanProvider {
  public static final String NAME = "sequences-files";

  @Override
  public JobPlan plan() {
    return SequenceJobPlan.plan(NAME, SequenceFiles.class.getName(), SequenceFiles_WeirInvoker::new);
  }
}
