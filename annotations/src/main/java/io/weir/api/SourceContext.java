package io.weir.api;

/** The context a {@link SourceReader} is opened with. */
public interface SourceContext extends OperatorContext {}
