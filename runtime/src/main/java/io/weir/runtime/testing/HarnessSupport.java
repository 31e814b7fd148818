package io.weir.runtime.testing;

import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexPlan;

/** Finding a user class's vertex, shared by the harnesses. */
final class HarnessSupport {
  private HarnessSupport() {}

  /** The plan of the job containing {@code userClass}, from the generated plans on its class loader. */
  static JobPlan planContaining(Class<?> userClass) {
    ClassLoader loader = userClass.getClassLoader() != null ? userClass.getClassLoader() : ClassLoader.getSystemClassLoader();
    JobPlan plan = JobCatalog.load(loader).jobContaining(userClass.getName());
    if (plan == null) {
      throw new IllegalArgumentException("no job on the classpath contains " + userClass.getName()
          + ": is it annotated, reachable from a @Source, and compiled with the weir processor?");
    }
    return plan;
  }

  static VertexPlan vertex(JobPlan plan, String className) {
    VertexPlan vertex = plan.vertexForClass(className);
    if (vertex == null) {
      throw new IllegalArgumentException("job '" + plan.name() + "' has no vertex for class " + className);
    }
    return vertex;
  }

  static void checkSubtask(int index, int parallelism) {
    if (parallelism < 1 || index < 0 || index >= parallelism) {
      throw new IllegalArgumentException("subtask index " + index + " must be in [0, " + parallelism + ")");
    }
  }
}
