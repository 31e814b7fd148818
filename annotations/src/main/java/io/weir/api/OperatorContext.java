package io.weir.api;

/** What a running operator, source or sink instance may know about its place in the job. */
public interface OperatorContext {
  /** The job's name. */
  String jobName();

  /** This vertex's name. */
  String operatorName();

  /** Index of this parallel instance, from 0 to {@link #parallelism()} - 1. */
  int subtaskIndex();

  /** Number of parallel instances of this vertex. */
  int parallelism();

  /** The program arguments the job was started with. */
  JobParameters parameters();
}
