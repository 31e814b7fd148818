package io.weir.runtime.exactlyonce.job;

import io.weir.api.OperatorContext;
import io.weir.api.files.TransactionalFileSink;
import java.nio.file.Path;

/**
 * The sequences job's sink built on the shipped {@link TransactionalFileSink}: verdict lines into
 * {@code --output}/committed, where only files without the in-progress suffix are output.
 */
public final class SequenceFiles extends TransactionalFileSink<Verdict> {
  @Override
  protected Path directory(OperatorContext context) {
    return Path.of(context.parameters().get("output", "")).resolve("committed");
  }

  @Override
  protected String format(Verdict verdict) {
    return verdict.line();
  }
}
