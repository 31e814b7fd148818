package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Whether generated code can instantiate the user's classes. */
class ClassShapeDiagnosticsTest {

  @Test
  void noNoArgConstructorIsReported() {
    JavaFileObject op = java("Op", """
        @Operator(from = Lines.class)
        public final class Op {
          public Op(int factor) {}

          public String process(String in) { return in; }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), op, print("Op.class")))
        .hadErrorContaining("[weir.constructor] @Operator Op has no public no-argument constructor, which Weir needs to"
            + " create instances. Fix: add `public Op() {}`")
        .inFile(op).onLineContaining("public final class Op");
  }

  @Test
  void abstractClassIsReported() {
    JavaFileObject op = java("Op", """
        @Operator(from = Lines.class)
        public abstract class Op {
          public String process(String in) { return in; }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), op, print("Op.class")))
        .hadErrorContaining("[weir.class-shape] @Operator Op is abstract, so Weir cannot instantiate it.")
        .inFile(op).onLineContaining("public abstract class Op");
  }

  @Test
  void innerClassIsReported() {
    JavaFileObject outer = java("Outer", """
        public final class Outer {
          @Operator(from = Lines.class)
          public final class Op {
            public String process(String in) { return in; }
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), outer, print("Outer.Op.class")))
        .hadErrorContaining("[weir.class-shape] @Operator Op is an inner class of Outer, so it cannot be created"
            + " without an enclosing instance. Fix: declare it static.")
        .inFile(outer).onLineContaining("public final class Op");
  }

  @Test
  void privateNestedClassIsReported() {
    JavaFileObject outer = java("Outer", """
        public final class Outer {
          @Operator(from = Lines.class)
          private static final class Op {
            public String process(String in) { return in; }
          }

          @Sink(from = Op.class)
          static final class Out {
            public void write(String in) {}
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), outer))
        .hadErrorContaining("[weir.class-shape] @Operator Op is private, so generated code cannot use it.")
        .inFile(outer).onLineContaining("private static final class Op");
  }

  @Test
  void genericClassIsReported() {
    JavaFileObject op = java("Op", """
        @Operator(from = Lines.class)
        public final class Op<T> {
          public String process(String in) { return in; }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), op, print("Op.class")))
        .hadErrorContaining("[weir.class-shape] @Operator Op declares type parameters, whose arguments Weir cannot know.")
        .inFile(op).onLineContaining("public final class Op<T>");
  }

  @Test
  void interfaceIsReported() {
    JavaFileObject op = java("Op", """
        @Operator(from = Lines.class)
        public interface Op {
          String process(String in);
        }
        """);
    assertThat(WeirCompiler.compile(lines(), op, print("Op.class")))
        .hadErrorContaining("[weir.class-shape] @Operator Op is an interface, but Weir instantiates vertex classes.")
        .inFile(op).onLineContaining("public interface Op");
  }

  @Test
  void staticNestedPackagePrivateClassesWork() {
    JavaFileObject outer = java("Outer", """
        final class Outer {
          @Operator(from = Lines.class)
          static final class Op {
            public String process(String in) { return in; }
          }

          @Sink(from = Op.class)
          static final class Out {
            public void write(String in) {}
          }
        }
        """);
    assertThat(WeirCompiler.compile(lines(), outer)).succeededWithoutWarnings();
    assertThat(WeirCompiler.compile(lines(), outer)).generatedSourceFile("test.Outer_Op_WeirInvoker");
  }

  @Test
  void sourceOutsideThePlanPackageMustBePublic() {
    JavaFileObject other = JavaFileObjects.forSourceString("zz.Extra", """
        package zz;

        import io.weir.api.*;

        @Source(job = "demo")
        final class Extra implements SourceReader<String> {
          public Status poll(Emitter<String> out) {
            return Status.END_OF_INPUT;
          }
        }
        """);
    JavaFileObject sink = JavaFileObjects.forSourceString("zz.Print", """
        package zz;

        import io.weir.api.*;

        @Sink(from = {test.Lines.class, Extra.class})
        public final class Print {
          public void write(String in) {}
        }
        """);
    Compilation compilation = WeirCompiler.compile(lines(), other, sink);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[weir.class-shape] @Source Extra is not public with a public no-argument constructor, but"
            + " the plan of job 'demo' is generated in package test")
        .inFile(other).onLineContaining("final class Extra");
  }
}
