package io.weir.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import io.weir.processor.RuntimeNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.lang.model.element.TypeElement;

/** Names and ids of generated code, derived only from user names so they are stable across builds. */
public final class GeneratedNames {
  private GeneratedNames() {}

  /** {@code @Generated("io.weir.processor.WeirProcessor")}, without a date so output is reproducible. */
  public static AnnotationSpec generatedAnnotation() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", RuntimeNames.GENERATOR)
        .build();
  }

  /** {@code Count_WeirInvoker} beside {@code Count}; {@code Outer_Inner_WeirInvoker} for nested classes. */
  public static ClassName invoker(TypeElement type) {
    return sibling(type, "_WeirInvoker");
  }

  /** {@code Lines_WeirSource} beside {@code Lines}: the reader that binds a source's operator state. */
  public static ClassName source(TypeElement type) {
    return sibling(type, "_WeirSource");
  }

  /** {@code Count_WeirKeys} beside {@code Count}. */
  public static ClassName keySelector(TypeElement type) {
    return sibling(type, "_WeirKeys");
  }

  /** {@code WordcountJobPlan} for job "wordcount", {@code ClickSessionsJobPlan} for "click-sessions". */
  public static ClassName plan(String packageName, String jobName) {
    return ClassName.get(packageName, camel(jobName) + "JobPlan");
  }

  /** "click-sessions" becomes "ClickSessions": each '-'-separated part capitalized. */
  public static String camel(String jobName) {
    StringBuilder result = new StringBuilder();
    for (String part : jobName.split("-")) {
      if (!part.isEmpty()) {
        result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return result.toString();
  }

  /**
   * A vertex's id: the first 16 hex digits of the SHA-256 of its class's qualified name. It stays
   * the same when the graph around the class changes, so state can follow the operator.
   */
  public static String vertexId(String qualifiedName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(qualifiedName.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  private static ClassName sibling(TypeElement type, String suffix) {
    ClassName user = ClassName.get(type);
    return ClassName.get(user.packageName(), String.join("_", user.simpleNames()) + suffix);
  }
}
