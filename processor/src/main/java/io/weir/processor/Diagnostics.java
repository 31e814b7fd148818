package io.weir.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one reporter every diagnostic of the processor goes through. Each message starts with its
 * stable tag, points at the offending element (and annotation value when there is one) and ends
 * with how to fix it: {@code [weir.edge-type] ... Fix: ...}.
 */
public final class Diagnostics {
  private final Messager messager;
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error that fails the build. */
  public void error(Tag tag, Element element, String problem, String fix) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, format(tag, problem, fix), element);
  }

  /** Reports an error on an annotation value of {@code element}, e.g. a bad class in {@code from}. */
  public void error(
      Tag tag, Element element, AnnotationMirror annotation, AnnotationValue value, String problem, String fix) {
    errors++;
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, format(tag, problem, fix), element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, format(tag, problem, fix), element, annotation);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, format(tag, problem, fix), element, annotation, value);
    }
  }

  /** Reports a warning that does not fail the build. */
  public void warning(Tag tag, Element element, String problem, String fix) {
    messager.printMessage(Diagnostic.Kind.WARNING, format(tag, problem, fix), element);
  }

  /** Number of errors reported so far. */
  public int errorCount() {
    return errors;
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  static String format(Tag tag, String problem, String fix) {
    return "[" + tag.id() + "] " + problem + (fix == null || fix.isEmpty() ? "" : " Fix: " + fix);
  }
}
