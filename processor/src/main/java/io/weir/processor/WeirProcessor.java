package io.weir.processor;

import com.google.auto.service.AutoService;
import io.weir.api.EventTime;
import io.weir.api.Job;
import io.weir.api.Keyed;
import io.weir.api.OnTimer;
import io.weir.api.Operator;
import io.weir.api.SideOutput;
import io.weir.api.Sink;
import io.weir.api.Source;
import io.weir.api.State;
import io.weir.api.Window;
import io.weir.processor.model.ModelBuilder;
import io.weir.processor.model.ProcessingModel;
import io.weir.processor.serialization.SerializerWriter;
import io.weir.processor.writing.PlanWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Weir's annotation processor: reads the {@code @Source}, {@code @Operator} and {@code @Sink}
 * classes of a compilation, checks the jobs they form, and generates plans, invokers, key
 * selectors and serializers for the jobs without errors.
 *
 * <p>Rounds: the classes' names are gathered round by round. While some class mentions a type
 * javac has not resolved (one another processor may still generate), the work waits for the next
 * round; in the last round it goes ahead and leaves those jobs ungenerated (javac reports the
 * missing types). Jobs are processed once. A Weir-annotated class that appears after that (made by
 * another processor) is reported, since the jobs it would join are already generated.
 */
@AutoService(Processor.class)
public final class WeirProcessor extends AbstractProcessor {
  private static final List<String> ANNOTATIONS = List.of(
      Source.class.getCanonicalName(), Operator.class.getCanonicalName(), Sink.class.getCanonicalName(),
      Keyed.class.getCanonicalName(), State.class.getCanonicalName(), Job.class.getCanonicalName(),
      Job.List.class.getCanonicalName(), EventTime.class.getCanonicalName(), OnTimer.class.getCanonicalName(),
      Window.class.getCanonicalName(), SideOutput.class.getCanonicalName());

  private Diagnostics diagnostics;
  private SerializerWriter serializers;
  private final Set<String> classNames = new TreeSet<>();
  private final List<String> plans = new ArrayList<>();
  private boolean jobsProcessed;
  private boolean serviceFileWritten;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    diagnostics = new Diagnostics(processingEnv.getMessager());
    serializers = new SerializerWriter(processingEnv, diagnostics);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.copyOf(ANNOTATIONS);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      Set<String> found = annotatedClasses(round);
      if (jobsProcessed) {
        reportLateClasses(found);
      } else {
        classNames.addAll(found);
        if (!classNames.isEmpty()) {
          processJobsIfReady(round.processingOver());
        }
      }
      if (jobsProcessed && !serviceFileWritten && !plans.isEmpty()) {
        serviceFileWritten = true;
        PlanWriter.writeServiceFile(processingEnv.getFiler(), plans);
      }
    } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
      diagnostics.error(Tag.INTERNAL, null, "Weir's processor failed: " + stackTrace(e),
          "report this as a bug of Weir, with the classes being compiled.");
    }
    return false; // never claim annotations: other processors may want them too
  }

  private void processJobsIfReady(boolean lastRound) throws IOException {
    ProcessingModel model = new ModelBuilder(processingEnv, diagnostics).build(classNames);
    if (model.unresolved() && !lastRound) {
      return; // wait: another processor may generate the missing types in this round
    }
    jobsProcessed = true;
    plans.addAll(new JobPipeline(processingEnv, diagnostics, serializers).run(model));
    serializers.writeAll(processingEnv.getFiler());
  }

  /** Classes bearing a Weir annotation in this round; for {@code @State}, the field's class. */
  private Set<String> annotatedClasses(RoundEnvironment round) {
    Set<String> names = new TreeSet<>();
    for (String annotation : ANNOTATIONS) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
      if (type == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(type)) {
        Element owner = element instanceof TypeElement ? element : element.getEnclosingElement();
        if (owner instanceof TypeElement t) {
          names.add(t.getQualifiedName().toString());
        }
      }
    }
    return names;
  }

  private void reportLateClasses(Set<String> found) {
    for (String name : found) {
      if (classNames.add(name)) {
        diagnostics.error(Tag.JOB_SHAPE, processingEnv.getElementUtils().getTypeElement(name),
            name + " appeared in a later annotation-processing round (generated by another processor), after"
                + " Weir had generated its jobs.",
            "write Weir-annotated classes by hand, or generate them in the first round.");
      }
    }
  }

  static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
