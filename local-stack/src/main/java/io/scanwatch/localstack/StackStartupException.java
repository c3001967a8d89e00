package io.scanwatch.localstack;

/** A piece of the stack did not come up; the message says which and shows the tail of its log. */
public final class StackStartupException extends RuntimeException {

  public StackStartupException(String message) {
    super(message);
  }

  public StackStartupException(String message, ChildProcess process) {
    super(message + "\nLast lines of " + process.logFile() + ":\n" + process.logTail());
  }
}
