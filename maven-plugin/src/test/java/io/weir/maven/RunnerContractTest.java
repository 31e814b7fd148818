package io.weir.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The plugin launches the runner by class name, so the compiler cannot check it; this test does,
 * against the weir-runtime of the same build.
 */
class RunnerContractTest {

  @Test
  void theRunnerClassHasAMainMethod() throws Exception {
    Class<?> runner = Class.forName(JobCommand.RUNNER_CLASS);
    Method main = runner.getMethod("main", String[].class);

    assertTrue(Modifier.isStatic(main.getModifiers()), "main must be static");
    assertTrue(Modifier.isPublic(runner.getModifiers()), "the runner class must be public");
    assertEquals(void.class, main.getReturnType());
  }

  @Test
  void theLauncherWeirSubmitStartsHasAMainMethod() throws Exception {
    Class<?> launcher = Class.forName(SubmitCommandLine.LAUNCHER_CLASS);
    Method main = launcher.getMethod("main", String[].class);

    assertTrue(Modifier.isStatic(main.getModifiers()), "main must be static");
    assertTrue(Modifier.isPublic(launcher.getModifiers()), "the launcher class must be public");
  }
}
