package io.scanwatch.policy.exception;

import java.util.List;

/** What granting or changing an exception gives: the exception, why not, or no such exception. */
public sealed interface ExceptionOutcome {

  /** Stored as it now is. */
  record Saved(PolicyException exception) implements ExceptionOutcome {}

  /** Refused; nothing was stored. */
  record Invalid(List<InvalidField> errors) implements ExceptionOutcome {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }

  /** No exception has the id. */
  record NotFound(String id) implements ExceptionOutcome {}
}
