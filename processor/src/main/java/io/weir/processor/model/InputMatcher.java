package io.weir.processor.model;

import java.util.List;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Decides which input of a downstream vertex an upstream's records feed.
 *
 * <p>Rule: an input whose type is the same as the upstream's output wins; otherwise the one input
 * the output is assignable to ({@code Types.isAssignable} on the full, unerased types, so
 * {@code List<Integer>} does not feed {@code List<String>}, while {@code Dog} feeds
 * {@code Animal}). No assignable input, or several without an exact one, is an error.
 */
public final class InputMatcher {
  /** No input accepts the upstream's output. */
  public static final int NONE = -1;
  /** Several inputs accept it and none is an exact match. */
  public static final int AMBIGUOUS = -2;

  private final Types types;

  public InputMatcher(Types types) {
    this.types = types;
  }

  /** The index of the input {@code output} feeds, or {@link #NONE} or {@link #AMBIGUOUS}. */
  public int match(TypeMirror output, List<InputModel> inputs) {
    for (InputModel input : inputs) {
      if (types.isSameType(output, input.type())) {
        return input.index();
      }
    }
    int found = NONE;
    for (InputModel input : inputs) {
      if (types.isAssignable(output, input.type())) {
        if (found != NONE) {
          return AMBIGUOUS;
        }
        found = input.index();
      }
    }
    return found;
  }
}
