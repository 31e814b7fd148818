package io.weir.processor.model;

import io.weir.api.Emitter;
import io.weir.api.TimerService;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Recognizes the input methods of operators ({@code process}, {@code filter}) and sinks
 * ({@code write}) and, for a method with such a name that does not fit, says why. A flatMap
 * {@code process} may take a {@code TimerService} between its input and its emitter.
 */
public final class MethodShapes {
  private final Types types;

  public MethodShapes(Types types) {
    this.types = types;
  }

  /**
   * What a candidate method is: a shape with input and output types, or a problem.
   *
   * @param problem null when the method is well formed; otherwise what is wrong, e.g. "is static"
   */
  public record Classified(Shape shape, TypeMirror input, TypeMirror output, String problem, boolean timers) {
    Classified(Shape shape, TypeMirror input, TypeMirror output, String problem) {
      this(shape, input, output, problem, false);
    }

    static Classified problem(String problem) {
      return new Classified(null, null, null, problem);
    }

    public boolean ok() {
      return problem == null;
    }
  }

  /** Whether a method of this name consumes an input of a class with {@code role}. */
  public static boolean isInputMethodName(Role role, CharSequence name) {
    String n = name.toString();
    return switch (role) {
      case OPERATOR -> n.equals("process") || n.equals("filter");
      case SINK -> n.equals("write");
      case SOURCE -> false;
    };
  }

  /** Classifies {@code method}, a member of {@code owner} with an input-method name. */
  public Classified classify(DeclaredType owner, ExecutableElement method) {
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      return Classified.problem("is not public");
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return Classified.problem("is static");
    }
    if (!method.getTypeParameters().isEmpty()) {
      return Classified.problem("declares type parameters");
    }
    ExecutableType resolved = (ExecutableType) types.asMemberOf(owner, method);
    List<? extends TypeMirror> params = resolved.getParameterTypes();
    TypeMirror returns = resolved.getReturnType();
    String name = method.getSimpleName().toString();
    Classified shaped = switch (name) {
      case "process" -> process(params, returns);
      case "filter" -> params.size() == 1 && returns.getKind() == TypeKind.BOOLEAN
          ? new Classified(Shape.FILTER, box(params.get(0)), box(params.get(0)), null)
          : Classified.problem("does not have the filter shape `public boolean filter(In in)`");
      case "write" -> params.size() == 1 && returns.getKind() == TypeKind.VOID
          ? new Classified(Shape.WRITE, box(params.get(0)), null, null)
          : Classified.problem("does not have the sink shape `public void write(In in)`");
      default -> throw new IllegalArgumentException("not an input method: " + name);
    };
    if (shaped.ok() && !TypeScan.isConcrete(shaped.input())) {
      return Classified.problem("takes " + shaped.input() + ", which is not a concrete class type");
    }
    if (shaped.ok() && shaped.output() != null && !TypeScan.isConcrete(shaped.output())) {
      return Classified.problem("emits " + shaped.output() + ", which is not a concrete class type");
    }
    return shaped;
  }

  private Classified process(List<? extends TypeMirror> params, TypeMirror returns) {
    if (params.size() == 1 && returns.getKind() != TypeKind.VOID) {
      return new Classified(Shape.MAP, box(params.get(0)), box(returns), null);
    }
    boolean timers = params.size() == 3 && isNamed(params.get(1), TimerService.class);
    if ((params.size() == 2 || timers) && returns.getKind() == TypeKind.VOID
        && isNamed(params.get(params.size() - 1), Emitter.class)) {
      List<? extends TypeMirror> args = ((DeclaredType) params.get(params.size() - 1)).getTypeArguments();
      if (args.size() != 1 || args.get(0).getKind() == TypeKind.WILDCARD) {
        return Classified.problem("emits to a raw or wildcard Emitter; name the output type, as in Emitter<Out>");
      }
      return new Classified(Shape.FLAT_MAP, box(params.get(0)), args.get(0), null, timers);
    }
    return Classified.problem(
        "has neither the flatMap shape `public void process(In in, Emitter<Out> out)` nor the map shape"
            + " `public Out process(In in)`");
  }

  /** Whether {@code type} is the declared type {@code named} (with any type arguments). */
  public static boolean isNamed(TypeMirror type, Class<?> named) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName().contentEquals(named.getCanonicalName());
  }

  private TypeMirror box(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }
}
