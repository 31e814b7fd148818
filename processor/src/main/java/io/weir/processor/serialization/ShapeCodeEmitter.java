package io.weir.processor.serialization;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.weir.processor.RuntimeNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeKind;

/**
 * Emits the statements that write and read one value of a {@link TypeShape}, inline and
 * straight-line: primitives through {@code BinaryOutput}/{@code BinaryInput} directly (no boxing),
 * class-based shapes through a static call, containers as loops. A nullable value is preceded by a
 * presence byte. One instance per generated method: it owns that method's local names.
 *
 * <p>Generated code names: {@code value} (the value written), {@code out}, {@code in}.
 */
final class ShapeCodeEmitter {
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName MAP_ENTRY = ClassName.get("java.util", "Map", "Entry");
  private static final ClassName RANDOM_ACCESS = ClassName.get("java.util", "RandomAccess");
  private static final ClassName JDK_VALUES = RuntimeNames.JDK_VALUES;

  private static final String[] LOOP_INDEXES = {"i", "j", "k", "l", "m", "n"};

  private final NameAllocator names = new NameAllocator();
  /** Loop index name per nesting depth: sibling loops reuse a name, nested loops never share one. */
  private final List<String> loopIndexes = new ArrayList<>();
  private int loopDepth;
  private boolean unchecked;

  ShapeCodeEmitter() {
    names.newName("value");
    names.newName("out");
    names.newName("in");
    names.newName("result");
  }

  /** A fresh local name based on {@code hint}. */
  String newLocal(String hint) {
    return names.newName(hint);
  }

  /** Whether the emitted code contains an unchecked generic-array cast. */
  boolean usesUncheckedCast() {
    return unchecked;
  }

  /**
   * Writes {@code expr}; a nullable value gets its presence byte. {@code exprIsLocal} says that
   * {@code expr} is a local variable and may be evaluated repeatedly.
   */
  void write(TypeShape shape, CodeBlock expr, boolean exprIsLocal, boolean nullable, String hint, CodeBlock.Builder b) {
    if (nullable && shape.kind() == TypeShape.Kind.STRING) {
      // the same presence byte and string bytes, with one capacity check instead of two
      b.addStatement("out.writeNullableString($L)", expr);
      return;
    }
    boolean multiUse = nullable || !shape.kind().isScalar();
    if (multiUse && !exprIsLocal) {
      String local = newLocal(hint);
      b.addStatement("$T $N = $L", shape.typeName(), local, expr);
      expr = CodeBlock.of("$N", local);
    }
    if (nullable) {
      b.addStatement("out.writeBoolean($L != null)", expr);
      b.beginControlFlow("if ($L != null)", expr);
      writeNonNull(shape, expr, hint, b);
      b.endControlFlow();
    } else {
      writeNonNull(shape, expr, hint, b);
    }
  }

  private void writeNonNull(TypeShape shape, CodeBlock v, String hint, CodeBlock.Builder b) {
    switch (shape.kind()) {
      case PRIMITIVE:
      case BOXED:
        b.addStatement("out.$L($L)", primitiveWriter(shape.primitive()), v);
        break;
      case STRING:
        b.addStatement("out.writeString($L)", v);
        break;
      case JDK_VALUE:
        b.addStatement("$T.write$L($L, out)", JDK_VALUES, ((ClassName) shape.typeName()).simpleName(), v);
        break;
      case ENUM:
      case RECORD:
      case POJO:
      case KRYO:
        b.addStatement("$T.write($L, out)", shape.serializer(), v);
        break;
      case PRIMITIVE_ARRAY:
        b.addStatement("out.writeVarInt($L.length)", v);
        b.addStatement("out.$L($L, 0, $L.length)", bulkWriter(shape.primitive()), v, v);
        break;
      case OBJECT_ARRAY: {
        b.addStatement("out.writeVarInt($L.length)", v);
        String e = newLocal(hint + "Element");
        b.beginControlFlow("for ($T $N : $L)", shape.element().typeName(), e, v);
        write(shape.element(), CodeBlock.of("$N", e), true, shape.element().nullable(), e, b);
        b.endControlFlow();
        break;
      }
      case LIST: {
        if (!declaredAsList(shape)) {
          writeIterated(shape, v, hint, b);
          break;
        }
        // indexed access on RandomAccess lists: an iterator re-checks the list's modification
        // count on every element; the loop body is the same code in both branches
        String n = newLocal(hint + "Size");
        b.addStatement("int $N = $L.size()", n, v);
        b.addStatement("out.writeVarInt($N)", n);
        String e = newLocal(hint + "Element");
        String i = enterLoop();
        CodeBlock.Builder body = CodeBlock.builder();
        write(shape.element(), CodeBlock.of("$N", e), true, true, e, body);
        CodeBlock elementCode = body.build();
        b.beginControlFlow("if ($L instanceof $T)", v, RANDOM_ACCESS);
        b.beginControlFlow("for (int $N = 0; $N < $N; $N++)", i, i, n, i);
        b.addStatement("$T $N = $L.get($N)", shape.element().typeName(), e, v, i);
        b.add(elementCode);
        b.endControlFlow();
        b.nextControlFlow("else");
        b.beginControlFlow("for ($T $N : $L)", shape.element().typeName(), e, v);
        b.add(elementCode);
        b.endControlFlow();
        b.endControlFlow();
        loopDepth--;
        break;
      }
      case SET:
        if (shape.sorted()) {
          rejectComparator(v, b);
        }
        writeIterated(shape, v, hint, b);
        break;
      case MAP: {
        if (shape.sorted()) {
          rejectComparator(v, b);
        }
        b.addStatement("out.writeVarInt($L.size())", v);
        String e = newLocal(hint + "Entry");
        TypeName entry = ParameterizedTypeName.get(MAP_ENTRY, shape.element().typeName(), shape.value().typeName());
        b.beginControlFlow("for ($T $N : $L.entrySet())", entry, e, v);
        write(shape.element(), CodeBlock.of("$N.getKey()", e), false, true, hint + "Key", b);
        write(shape.value(), CodeBlock.of("$N.getValue()", e), false, true, hint + "Value", b);
        b.endControlFlow();
        break;
      }
      case OPTIONAL:
        b.addStatement("out.writeBoolean($L.isPresent())", v);
        b.beginControlFlow("if ($L.isPresent())", v);
        write(shape.element(), CodeBlock.of("$L.get()", v), false, false, hint + "Value", b);
        b.endControlFlow();
        break;
      default:
        throw new AssertionError(shape.kind());
    }
  }

  /** The count, then every element through the collection's iterator. */
  private void writeIterated(TypeShape shape, CodeBlock v, String hint, CodeBlock.Builder b) {
    b.addStatement("out.writeVarInt($L.size())", v);
    String e = newLocal(hint + "Element");
    b.beginControlFlow("for ($T $N : $L)", shape.element().typeName(), e, v);
    write(shape.element(), CodeBlock.of("$N", e), true, true, e, b);
    b.endControlFlow();
  }

  /** Declared as {@code List} or {@code ArrayList}, so {@code get(int)} exists (not Collection, LinkedList). */
  private static boolean declaredAsList(TypeShape shape) {
    TypeName type = shape.typeName();
    ClassName raw = type instanceof ParameterizedTypeName ? ((ParameterizedTypeName) type).rawType()
        : type instanceof ClassName ? (ClassName) type : null;
    return raw != null && (raw.canonicalName().equals("java.util.List") || raw.canonicalName().equals("java.util.ArrayList"));
  }

  private static void rejectComparator(CodeBlock v, CodeBlock.Builder b) {
    // the bytes carry no comparator; reading would silently re-sort in natural order
    b.beginControlFlow("if ($L.comparator() != null)", v);
    b.addStatement("throw new $T($S + $L.comparator())", RuntimeNames.SERIALIZATION_EXCEPTION,
        "cannot write a sorted collection with a custom comparator; only natural ordering survives: ", v);
    b.endControlFlow();
  }

  /** A single expression reading a value of a scalar shape, or null when reading takes statements. */
  CodeBlock readExpression(TypeShape shape, boolean nullable) {
    CodeBlock read;
    switch (shape.kind()) {
      case PRIMITIVE:
      case BOXED:
        read = CodeBlock.of("in.$L()", primitiveReader(shape.primitive()));
        break;
      case STRING:
        if (nullable) {
          return CodeBlock.of("in.readNullableString()");
        }
        read = CodeBlock.of("in.readString()");
        break;
      case JDK_VALUE:
        read = CodeBlock.of("$T.read$L(in)", JDK_VALUES, ((ClassName) shape.typeName()).simpleName());
        break;
      case ENUM:
      case RECORD:
      case POJO:
      case KRYO:
        read = CodeBlock.of("$T.read(in)", shape.serializer());
        break;
      default:
        return null;
    }
    return nullable ? CodeBlock.of("in.readBoolean() ? $L : null", read) : read;
  }

  /** Declares local {@code var} and reads a value into it. */
  void read(TypeShape shape, boolean nullable, String var, CodeBlock.Builder b) {
    CodeBlock expr = readExpression(shape, nullable);
    if (expr != null) {
      b.addStatement("$T $N = $L", shape.typeName(), var, expr);
      return;
    }
    if (nullable) {
      b.addStatement("$T $N = null", shape.typeName(), var);
      b.beginControlFlow("if (in.readBoolean())");
      readNonNull(shape, var, b);
      b.endControlFlow();
    } else {
      b.addStatement("$T $N", shape.typeName(), var);
      readNonNull(shape, var, b);
    }
  }

  /** Assigns the already declared {@code var} from the input. */
  private void readNonNull(TypeShape shape, String var, CodeBlock.Builder b) {
    switch (shape.kind()) {
      case PRIMITIVE_ARRAY: {
        String n = newLocal(var + "Length");
        int width = width(shape.primitive());
        if (width == 1) {
          b.addStatement("int $N = in.readLength(in.remaining())", n);
        } else {
          // bounded by the bytes left, so a corrupt length cannot allocate a huge array
          b.addStatement("int $N = in.readLength(in.remaining() / $L)", n, width);
        }
        b.addStatement("$N = new $T[$N]", var, shape.element().typeName(), n);
        b.addStatement("in.$L($N, 0, $N)", bulkReader(shape.primitive()), var, n);
        break;
      }
      case OBJECT_ARRAY: {
        String n = newLocal(var + "Length");
        b.addStatement("int $N = in.readLength(in.remaining())", n); // each element takes at least a byte
        b.addStatement("$N = $L", var, newArray(shape, CodeBlock.of("$N", n)));
        String i = enterLoop();
        b.beginControlFlow("for (int $N = 0; $N < $N; $N++)", i, i, n, i);
        readElement(shape.element(), shape.element().nullable(), var + "Element", b,
            x -> CodeBlock.of("$N[$N] = $L", var, i, x));
        exitLoop(b);
        break;
      }
      case LIST:
      case SET: {
        String n = newLocal(var + "Size");
        b.addStatement("int $N = in.readLength(in.remaining())", n); // each element takes at least a byte
        b.addStatement("$N = $L", var, newCollection(shape.concrete(), n));
        String i = enterLoop();
        b.beginControlFlow("for (int $N = 0; $N < $N; $N++)", i, i, n, i);
        readElement(shape.element(), true, var + "Element", b, x -> CodeBlock.of("$N.add($L)", var, x));
        exitLoop(b);
        break;
      }
      case MAP: {
        String n = newLocal(var + "Size");
        b.addStatement("int $N = in.readLength(in.remaining() / 2)", n); // each entry takes at least two bytes
        b.addStatement("$N = $L", var, newCollection(shape.concrete(), n));
        String i = enterLoop();
        b.beginControlFlow("for (int $N = 0; $N < $N; $N++)", i, i, n, i);
        String k = newLocal(var + "Key");
        read(shape.element(), true, k, b);
        readElement(shape.value(), true, var + "Value", b, x -> CodeBlock.of("$N.put($N, $L)", var, k, x));
        exitLoop(b);
        break;
      }
      case OPTIONAL: {
        CodeBlock inner = readExpression(shape.element(), false);
        if (inner != null) {
          b.addStatement("$N = in.readBoolean() ? $T.of($L) : $T.empty()", var, OPTIONAL, inner, OPTIONAL);
        } else {
          b.beginControlFlow("if (in.readBoolean())");
          String x = newLocal(var + "Value");
          read(shape.element(), false, x, b);
          b.addStatement("$N = $T.of($N)", var, OPTIONAL, x);
          b.nextControlFlow("else");
          b.addStatement("$N = $T.empty()", var, OPTIONAL);
          b.endControlFlow();
        }
        break;
      }
      default:
        throw new AssertionError(shape.kind());
    }
  }

  private String enterLoop() {
    if (loopIndexes.size() == loopDepth) {
      String hint = loopDepth < LOOP_INDEXES.length ? LOOP_INDEXES[loopDepth] : "i" + loopDepth;
      loopIndexes.add(names.newName(hint));
    }
    return loopIndexes.get(loopDepth++);
  }

  private void exitLoop(CodeBlock.Builder b) {
    b.endControlFlow();
    loopDepth--;
  }

  private interface Sink {
    CodeBlock accept(CodeBlock valueExpr);
  }

  /** Reads one element and hands it to {@code sink}: inline when scalar, through a local otherwise. */
  private void readElement(TypeShape shape, boolean nullable, String hint, CodeBlock.Builder b, Sink sink) {
    CodeBlock expr = readExpression(shape, nullable);
    if (expr == null) {
      String local = newLocal(hint);
      read(shape, nullable, local, b);
      expr = CodeBlock.of("$N", local);
    }
    b.addStatement(sink.accept(expr));
  }

  private static CodeBlock newCollection(ClassName concrete, String n) {
    switch (concrete.simpleName()) {
      case "ArrayList":
        return CodeBlock.of("new $T<>($N)", concrete, n);
      case "HashSet":
      case "LinkedHashSet":
      case "HashMap":
      case "LinkedHashMap":
        // sized so that n entries never rehash (default load factor 0.75)
        return CodeBlock.of("new $T<>($N + $N / 3 + 1)", concrete, n, n);
      default:
        return CodeBlock.of("new $T<>()", concrete);
    }
  }

  /** {@code new T[n]}, or {@code new T[n][]...} for arrays of arrays; generic element types get a cast. */
  private CodeBlock newArray(TypeShape arrayShape, CodeBlock n) {
    TypeName base = arrayShape.element().typeName();
    int dims = 0;
    while (base instanceof ArrayTypeName) {
      base = ((ArrayTypeName) base).componentType();
      dims++;
    }
    String brackets = "[]".repeat(dims);
    if (base instanceof ParameterizedTypeName) {
      unchecked = true;
      return CodeBlock.of("($T) new $T[$L]$L", arrayShape.typeName(), ((ParameterizedTypeName) base).rawType(), n, brackets);
    }
    return CodeBlock.of("new $T[$L]$L", base, n, brackets);
  }

  private static String primitiveWriter(TypeKind kind) {
    return "write" + capitalized(kind);
  }

  private static String primitiveReader(TypeKind kind) {
    return "read" + capitalized(kind);
  }

  private static String bulkWriter(TypeKind kind) {
    return kind == TypeKind.BYTE ? "writeBytes" : "write" + capitalized(kind) + "s";
  }

  private static String bulkReader(TypeKind kind) {
    return kind == TypeKind.BYTE ? "readBytes" : "read" + capitalized(kind) + "s";
  }

  private static String capitalized(TypeKind kind) {
    String n = kind.name().toLowerCase();
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static int width(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
      case BYTE:
        return 1;
      case SHORT:
      case CHAR:
        return 2;
      case INT:
      case FLOAT:
        return 4;
      case LONG:
      case DOUBLE:
        return 8;
      default:
        throw new AssertionError(kind);
    }
  }
}
