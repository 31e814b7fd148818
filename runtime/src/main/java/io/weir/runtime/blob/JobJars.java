package io.weir.runtime.blob;

import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.JobPlanProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's jars behind a class loader of their own, parent the runtime's: the job's classes and
 * generated plans are found there (ServiceLoader), and nothing of the job outlives {@link #close()},
 * which every process calls when the job (or its attempt) ends.
 */
public final class JobJars implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobJars.class);

  private static final String SERVICES = "META-INF/services/" + JobPlanProvider.class.getName();

  private final String name;
  private final URLClassLoader classLoader;

  private JobJars(String name, URLClassLoader classLoader) {
    this.name = name;
    this.classLoader = classLoader;
  }

  /** A class loader over {@code jars} (class-path order), named {@code name} for diagnostics. */
  public static JobJars open(String name, List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a usable jar path: " + jars.get(i), e);
      }
    }
    return new JobJars(name, new URLClassLoader(name, urls, JobJars.class.getClassLoader()));
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  /**
   * The plan of the job named {@code jobName} in the jars; with an empty name, the only job there.
   * Only plans registered by the jars themselves count, not ones the runtime's own class path offers.
   */
  public JobPlan plan(String jobName) {
    Set<String> registered = new HashSet<>();
    try {
      Enumeration<URL> services = classLoader.findResources(SERVICES); // these jars only, not the parent's
      while (services.hasMoreElements()) {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(services.nextElement().openStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            String name = line.replaceAll("#.*", "").trim();
            if (!name.isEmpty()) {
              registered.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the job plans registered in " + name, e);
    }
    Map<String, JobPlan> jobs = new TreeMap<>();
    ServiceLoader.load(JobPlanProvider.class, classLoader).stream()
        .filter(provider -> registered.contains(provider.type().getName()))
        .forEach(provider -> {
          JobPlan plan = provider.get().plan();
          if (jobs.put(plan.name(), plan) != null) {
            throw new IllegalStateException("two jobs are named '" + plan.name() + "' in the submitted jars");
          }
        });
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("no Weir jobs in the submitted jars: none registers a " + JobPlanProvider.class.getName()
          + " service (build the job with the weir processor)");
    }
    if (jobName.isEmpty()) {
      if (jobs.size() > 1) {
        throw new IllegalArgumentException("the jars hold several jobs " + jobs.keySet() + ": name one");
      }
      return jobs.values().iterator().next();
    }
    JobPlan plan = jobs.get(jobName);
    if (plan == null) {
      throw new IllegalArgumentException("no job named '" + jobName + "' in the jars; jobs there: " + jobs.keySet());
    }
    return plan;
  }

  @Override
  public void close() {
    try {
      classLoader.close();
    } catch (IOException e) {
      LOG.warn("Could not close the class loader of {}", name, new UncheckedIOException(e));
    }
  }
}
