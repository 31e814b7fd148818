package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor behaves as a javac citizen: annotations it claims, rounds, bad input. */
class ProcessorBehaviourTest {

  @Test
  void supportsOnlyWeirAnnotationsAndTheLatestSourceVersion() {
    WeirProcessor processor = new WeirProcessor();
    assertEquals(Set.of("io.weir.api.Source", "io.weir.api.Operator", "io.weir.api.Sink", "io.weir.api.Keyed",
        "io.weir.api.State", "io.weir.api.Job", "io.weir.api.Job.List",
        "io.weir.api.EventTime", "io.weir.api.OnTimer", "io.weir.api.Window", "io.weir.api.SideOutput"), processor.getSupportedAnnotationTypes());
    assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
  }

  @Test
  void leavesOtherProcessorsAnnotationsToThem() {
    JavaFileObject marker = java("Marker", "public @interface Marker {}\n");
    JavaFileObject marked = java("Marked", "@Marker @Deprecated public final class Marked {}\n");
    SourceWriter other = new SourceWriter("test.Marker", "test.FromMarker", "package test; class FromMarker {}");
    Compilation compilation = Compiler.javac().withProcessors(new WeirProcessor(), other)
        .compile(marker, marked, lines(), print("Lines.class"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(other.sawAnnotation, "the other processor still receives its annotation");
    assertThat(compilation).generatedSourceFile("test.FromMarker");
    assertThat(compilation).generatedSourceFile("test.DemoJobPlan");
  }

  @Test
  void unknownClassInFromIsLeftToJavacWithoutCrashing() {
    JavaFileObject op = java("Op", """
        @Operator(from = Missing.class)
        public final class Op {
          public String process(String in) { return in; }
        }
        """);
    Compilation compilation = WeirCompiler.compile(lines(), op, print("Op.class"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(op).onLineContaining("Missing.class");
    for (Diagnostic<?> error : compilation.errors()) {
      assertFalse(error.getMessage(null).contains("[weir."), "no Weir diagnostic expected: " + error);
    }
  }

  @Test
  void unknownTypeInAProcessMethodDoesNotCrash() {
    JavaFileObject op = java("Op", """
        @Operator(from = Lines.class)
        public final class Op {
          public Nope process(String in) { return null; }
        }
        """);
    Compilation compilation = WeirCompiler.compile(lines(), op, print("Op.class"));
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(op).onLineContaining("Nope process");
    for (Diagnostic<?> error : compilation.errors()) {
      assertFalse(error.getMessage(null).contains("[weir.internal]"), error.toString());
    }
  }

  @Test
  void serializerErrorStopsTheJobWithoutCrashing() {
    JavaFileObject op = java("Op", """
        @Operator(from = Lines.class)
        @SuppressWarnings("rawtypes")
        public final class Op {
          public List process(String in) { return List.of(in); }
        }
        """);
    Compilation compilation = WeirCompiler.compile(lines(), op, java("Print", """
        @Sink(from = Op.class)
        @SuppressWarnings("rawtypes")
        public final class Print {
          public void write(List in) {}
        }
        """));
    assertThat(compilation).hadErrorContaining("[weir.serializer]");
    for (Diagnostic<?> error : compilation.errors()) {
      assertFalse(error.getMessage(null).contains("[weir.internal]"), error.toString());
    }
  }

  @Test
  void waitsForARecordTypeAnotherProcessorGeneratesInTheFirstRound() {
    JavaFileObject make = java("MakeWord", "public @interface MakeWord {}\n");
    JavaFileObject trigger = java("Trigger", "@MakeWord final class Trigger {}\n");
    JavaFileObject split = java("Split", """
        @Operator(from = Lines.class)
        public final class Split {
          public void process(String line, Emitter<Word> out) {}
        }
        """);
    JavaFileObject sink = java("Print", """
        @Sink(from = Split.class)
        public final class Print {
          public void write(Word word) {}
        }
        """);
    SourceWriter generator = new SourceWriter("test.MakeWord", "test.Word",
        "package test; public record Word(String text) {}");
    Compilation compilation = Compiler.javac().withProcessors(new WeirProcessor(), generator)
        .compile(make, trigger, lines(), split, sink);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.DemoJobPlan");
    assertThat(compilation).generatedSourceFile("test.Word_WeirSerializer");
  }

  @Test
  void vertexGeneratedAfterTheJobsWereProcessedIsReported() {
    JavaFileObject make = java("MakeOp", "public @interface MakeOp {}\n");
    JavaFileObject trigger = java("Trigger", "@MakeOp final class Trigger {}\n");
    SourceWriter generator = new SourceWriter("test.MakeOp", "test.Late", """
        package test;
        @io.weir.api.Sink(from = Lines.class)
        public final class Late { public void write(String s) {} }
        """);
    Compilation compilation = Compiler.javac().withProcessors(new WeirProcessor(), generator)
        .compile(make, trigger, lines(), print("Lines.class"));
    assertThat(compilation).hadErrorContaining(
        "[weir.job-shape] test.Late appeared in a later annotation-processing round");
  }

  /** A stand-in for another processor: on its annotation, writes one source file (once). */
  private static final class SourceWriter extends AbstractProcessor {
    private final String annotation;
    private final String generatedName;
    private final String generatedSource;
    boolean sawAnnotation;

    SourceWriter(String annotation, String generatedName, String generatedSource) {
      this.annotation = annotation;
      this.generatedName = generatedName;
      this.generatedSource = generatedSource;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of(annotation);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (annotations.isEmpty() || sawAnnotation) {
        return true;
      }
      sawAnnotation = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile(generatedName).openWriter()) {
        writer.write(generatedSource);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return true;
    }
  }
}
