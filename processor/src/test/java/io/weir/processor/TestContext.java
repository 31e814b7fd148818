package io.weir.processor;

import io.weir.api.JobParameters;
import io.weir.api.OperatorContext;

/** A fixed operator context for running generated invokers in tests. */
record TestContext(String jobName, String operatorName, int subtaskIndex, int parallelism)
    implements OperatorContext {
  @Override
  public JobParameters parameters() {
    return JobParameters.empty();
  }
}
