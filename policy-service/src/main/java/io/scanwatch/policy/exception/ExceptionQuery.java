package io.scanwatch.policy.exception;

/**
 * Which exceptions to list.
 *
 * @param state active, expired or all of them
 * @param vulnerabilityId only those for this vulnerability (any case), or {@code null}
 * @param repository only those that apply in this repository ({@code repository} or {@code
 *     registry/repository}): without a glob, or with one that matches it; or {@code null}
 */
public record ExceptionQuery(State state, String vulnerabilityId, String repository) {

  public ExceptionQuery {
    state = state == null ? State.ALL : state;
  }

  public enum State {
    ACTIVE,
    EXPIRED,
    ALL
  }
}
