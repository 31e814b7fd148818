package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.TypeScan;
import io.weir.processor.model.VertexModel;

/** Checks that a {@code @Source} implements {@code SourceReader<T>} with a concrete record type. */
final class SourceShapeCheck {
  private final Diagnostics diagnostics;

  SourceShapeCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(VertexModel source) {
    if (source.sourceOutput() == null) {
      diagnostics.error(Tag.SOURCE_SHAPE, source.element(),
          source.describe() + " does not implement SourceReader<T> with a type argument, so Weir cannot tell"
              + " what it emits.",
          "implement io.weir.api.SourceReader<T>, with T the type of the records it emits.");
    } else if (!TypeScan.isConcrete(source.sourceOutput())) {
      diagnostics.error(Tag.SOURCE_SHAPE, source.element(),
          source.describe() + " implements SourceReader<" + TypeText.of(source.sourceOutput())
              + ">, which is not a concrete record type.",
          "name a concrete type, as in SourceReader<String>.");
    }
  }
}
