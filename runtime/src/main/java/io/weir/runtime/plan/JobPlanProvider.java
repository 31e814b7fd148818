package io.weir.runtime.plan;

/**
 * Supplies the logical graph of one job. The processor generates one implementation per job and
 * registers it as a {@link java.util.ServiceLoader} service, so the runtime and the Maven plugin
 * find every job in a jar without scanning the classpath.
 */
public interface JobPlanProvider {
  JobPlan plan();
}
