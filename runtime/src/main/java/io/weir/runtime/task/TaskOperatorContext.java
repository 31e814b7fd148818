package io.weir.runtime.task;

import io.weir.api.JobParameters;
import io.weir.api.SourceContext;

/** What one vertex instance is told about itself; also names it in failure messages. */
public record TaskOperatorContext(String jobName, String operatorName, int subtaskIndex, int parallelism, JobParameters parameters)
    implements SourceContext {

  /** An {@link OperatorException} naming this instance. */
  public OperatorException failure(String what, Throwable cause) {
    return new OperatorException(operatorName, subtaskIndex, parallelism, what, cause);
  }

  @Override
  public String toString() {
    return operatorName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
  }
}
