package io.scanwatch.policy.exception;

/** Where the notice that an exception expired, and its findings count again, goes. */
public interface ExceptionNotices {

  /** {@code exception} has expired; called once per expiry across all instances. */
  void expired(PolicyException exception);
}
