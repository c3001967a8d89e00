package io.scanwatch.notifier.silence;

import java.util.List;

/** A silence request that cannot be created; the problems name the fields. */
public class InvalidSilenceException extends RuntimeException {

  private final List<String> problems;

  public InvalidSilenceException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one per field. */
  public List<String> problems() {
    return problems;
  }
}
