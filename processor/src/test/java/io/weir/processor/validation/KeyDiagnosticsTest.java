package io.weir.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.weir.processor.Sources.java;
import static io.weir.processor.Sources.lines;
import static io.weir.processor.Sources.print;
import static io.weir.processor.Sources.word;

import com.google.testing.compile.Compilation;
import io.weir.processor.WeirCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Keyed}: missing members, unsupported key types, disagreeing inputs. */
class KeyDiagnosticsTest {
  private static final JavaFileObject SPLIT = java("Split", """
      @Operator(from = Lines.class)
      public final class Split {
        public void process(String line, Emitter<Word> out) {}
      }
      """);

  /** A keyed operator over Word with {@code keyed} as its annotation and {@code extra} members. */
  private static JavaFileObject counter(String keyed, String extra) {
    return java("Counter", """
        @Operator(from = Split.class)
        %s
        public final class Counter {
          %s
          public String process(Word word) {
            return word.text();
          }
        }
        """.formatted(keyed, extra));
  }

  private static Compilation compile(JavaFileObject... more) {
    JavaFileObject[] all = new JavaFileObject[more.length + 4];
    all[0] = lines();
    all[1] = word();
    all[2] = SPLIT;
    all[3] = print("Counter.class");
    System.arraycopy(more, 0, all, 4, more.length);
    return WeirCompiler.compile(all);
  }

  @Test
  void recordComponentFieldAccessorAndOperatorMethodAreKeys() {
    assertThat(compile(counter("@Keyed(\"text\")", ""))).succeededWithoutWarnings();
    assertThat(compile(counter("@Keyed(\"length\")", ""))).succeededWithoutWarnings();
    assertThat(compile(counter("@Keyed(\"firstLetter\")", "char firstLetter(Word w) { return w.text().charAt(0); }")))
        .succeededWithoutWarnings();
    assertThat(compile(counter("@Keyed(\"bucket\")", "static int bucket(Word w) { return w.length() % 4; }")))
        .succeededWithoutWarnings();
  }

  @Test
  void keyNamingNoMemberIsReportedOnTheAnnotationValue() {
    JavaFileObject counter = counter("@Keyed(\"txt\")", "");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.key-missing] @Keyed(\"txt\") of Counter: input Word has no key member 'txt' (a record"
            + " component, a public field, or a public txt() or getTxt() method), and Counter has no method txt(Word).")
        .inFile(counter).onLineContaining("@Keyed(\"txt\")");
  }

  @Test
  void emptyKeyNameIsReported() {
    JavaFileObject counter = counter("@Keyed(\"\")", "");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.key-missing] @Keyed(\"\") of Counter names no key member.")
        .inFile(counter).onLineContaining("@Keyed(\"\")");
  }

  @Test
  void keyedOnASourceIsReported() {
    JavaFileObject source = java("Lines", """
        @Source(job = "demo")
        @Keyed("length")
        public final class Lines implements SourceReader<String> {
          public Status poll(Emitter<String> out) {
            return Status.END_OF_INPUT;
          }
        }
        """);
    assertThat(WeirCompiler.compile(source, print("Lines.class")))
        .hadErrorContaining("[weir.key-missing] @Keyed on @Source Lines, which is not an @Operator or @Sink")
        .inFile(source).onLineContaining("@Keyed(\"length\")");
  }

  @Test
  void keyMethodThrowingCheckedExceptionsIsReported() {
    JavaFileObject counter = counter("@Keyed(\"slot\")", "int slot(Word w) throws java.io.IOException { return 1; }");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.key-missing] @Keyed(\"slot\") of Counter: slot(Word) declares checked exceptions")
        .inFile(counter).onLineContaining("@Keyed(\"slot\")");
  }

  @Test
  void keyWithoutStableHashIsReported() {
    JavaFileObject counter = counter("@Keyed(\"tags\")", "List<String> tags(Word w) { return List.of(); }");
    assertThat(compile(counter))
        .hadErrorContaining("[weir.key-type] @Keyed(\"tags\") of Counter: the key of input Word has type List<String>,"
            + " whose hash is not stable across JVMs")
        .inFile(counter).onLineContaining("@Keyed(\"tags\")");
  }

  @Test
  void recordKeyWithUnsupportedComponentIsReported() {
    JavaFileObject key = java("Slot", "public record Slot(String name, Object payload) {}\n");
    JavaFileObject counter = counter("@Keyed(\"slot\")", "Slot slot(Word w) { return null; }");
    assertThat(compile(counter, key))
        .hadErrorContaining("[weir.key-type] @Keyed(\"slot\") of Counter: the key of input Word has type Slot, which"
            + " contains Object,")
        .inFile(counter).onLineContaining("@Keyed(\"slot\")");
  }

  @Test
  void inputsWithDifferentKeyTypesAreReported() {
    JavaFileObject clicks = java("Clicks", """
        @Source(job = "demo")
        public final class Clicks implements SourceReader<Click> {
          public Status poll(Emitter<Click> out) {
            return Status.END_OF_INPUT;
          }
        }
        """);
    JavaFileObject click = java("Click", "public record Click(long text) {}\n");
    JavaFileObject join = java("Join", """
        @Operator(from = {Split.class, Clicks.class})
        @Keyed("text")
        public final class Join {
          public void process(Word word, Emitter<String> out) {}

          public void process(Click click, Emitter<String> out) {}
        }
        """);
    assertThat(WeirCompiler.compile(lines(), word(), SPLIT, clicks, click, join, print("Join.class")))
        .hadErrorContaining("[weir.key-type] @Keyed(\"text\") of Join: the key is String for input Word but Long for"
            + " input Click; all inputs of a keyed vertex share one key type.")
        .inFile(join).onLineContaining("@Keyed(\"text\")");
  }
}
