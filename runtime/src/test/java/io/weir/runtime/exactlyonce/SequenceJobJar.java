package io.weir.runtime.exactlyonce;

import io.weir.runtime.exactlyonce.job.SequenceFilesJobPlan;
import io.weir.runtime.exactlyonce.job.SequenceJobPlan;
import io.weir.runtime.plan.JobPlanProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packages the compiled job package ({@code exactlyonce.job}) into a job jar with a
 * {@code META-INF/services} entry for both plans ({@link SequenceJobPlan},
 * {@link SequenceFilesJobPlan}), as a user's build would: cluster
 * processes run from the runtime's class path only, so the jar is all they get of the job.
 */
final class SequenceJobJar {
  private SequenceJobJar() {}

  static Path build(Path jar) throws IOException {
    Path classes;
    try {
      classes = Path.of(SequenceJobPlan.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    String packagePath = SequenceJobPlan.class.getPackageName().replace('.', '/');
    List<Path> classFiles;
    try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
      classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path file : classFiles) {
        out.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + JobPlanProvider.class.getName()));
      out.write((SequenceFilesJobPlan.class.getName() + "\n" + SequenceJobPlan.class.getName() + "\n")
          .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
