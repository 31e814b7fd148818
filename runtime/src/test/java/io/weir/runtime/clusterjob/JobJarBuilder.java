package io.weir.runtime.clusterjob;

import io.weir.runtime.plan.JobPlanProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packages the compiled classes of this package into a job jar with a {@code META-INF/services}
 * entry for {@link ClusterWordCountPlan}, as a user's build would: the jar is all a cluster gets.
 */
public final class JobJarBuilder {
  private JobJarBuilder() {}

  public static Path build(Path jar) throws IOException {
    return build(jar, className -> true, true);
  }

  /**
   * A jar of the classes of this package whose simple names {@code include} accepts, with the
   * service entry if {@code services}: to split the job over a job jar and a dependency jar.
   */
  public static Path build(Path jar, java.util.function.Predicate<String> include, boolean services) throws IOException {
    Path classes;
    try {
      classes = Path.of(ClusterWordCountPlan.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    String packagePath = ClusterWordCountPlan.class.getPackageName().replace('.', '/');
    List<Path> classFiles;
    try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
      classFiles = files.filter(f -> f.toString().endsWith(".class"))
          .filter(f -> include.test(f.getFileName().toString().replaceFirst("\\.class$", ""))).sorted().toList();
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path file : classFiles) {
        out.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
      if (services) {
        out.putNextEntry(new JarEntry("META-INF/services/" + JobPlanProvider.class.getName()));
        OutputStream entry = out;
        entry.write((ClusterWordCountPlan.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}
