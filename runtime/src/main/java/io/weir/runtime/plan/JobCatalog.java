package io.weir.runtime.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The jobs a class loader offers, found through the generated {@link JobPlanProvider} services. */
public final class JobCatalog {
  private final Map<String, JobPlan> jobs;

  private JobCatalog(Map<String, JobPlan> jobs) {
    this.jobs = jobs;
  }

  /** Every job registered on {@code classLoader}'s classpath, by name. */
  public static JobCatalog load(ClassLoader classLoader) {
    Map<String, JobPlan> jobs = new TreeMap<>();
    for (JobPlanProvider provider : ServiceLoader.load(JobPlanProvider.class, classLoader)) {
      JobPlan plan = provider.plan();
      JobPlan previous = jobs.put(plan.name(), plan);
      if (previous != null) {
        throw new IllegalStateException("two jobs are named '" + plan.name() + "' on the classpath");
      }
    }
    return new JobCatalog(jobs);
  }

  public List<String> names() {
    return new ArrayList<>(jobs.keySet());
  }

  /**
   * The job named {@code name}; with {@code name} null, the only job. Fails with a message that
   * lists the jobs when the name is unknown or ambiguous.
   */
  public JobPlan job(String name) {
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException(
          "no Weir jobs found on the classpath: annotate a class with @Source and build with the weir processor");
    }
    if (name == null || name.isBlank()) {
      if (jobs.size() > 1) {
        throw new IllegalArgumentException("several jobs found " + names() + ": choose one (weir.job / --job)");
      }
      return jobs.values().iterator().next();
    }
    JobPlan plan = jobs.get(name);
    if (plan == null) {
      throw new IllegalArgumentException("no job named '" + name + "'; jobs found: " + names());
    }
    return plan;
  }

  /** The plan of the job containing the user class {@code className}, or null. */
  public JobPlan jobContaining(String className) {
    for (JobPlan plan : jobs.values()) {
      if (plan.vertexForClass(className) != null) {
        return plan;
      }
    }
    return null;
  }
}
