package io.scanwatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A process the local stack started, with its output in a log file: it can be waited on until
 * ready, asked for the tail of its log, and stopped.
 */
public final class ChildProcess {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration STOP_GRACE_AFTER_TIMEOUT = Duration.ofSeconds(5);
  private static final int LOG_TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path logFile;

  private ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code command} in {@code workDir} with {@code extraEnv} added to this JVM's
   * environment, writing stdout and stderr to {@code logFile} (replacing the previous run's log).
   */
  public static ChildProcess start(
      String name, List<String> command, Map<String, String> extraEnv, Path workDir, Path logFile) {
    try {
      Files.createDirectories(workDir);
      Files.createDirectories(logFile.getParent());
      var builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      builder.environment().putAll(extraEnv);
      return new ChildProcess(name, builder.start(), logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
  }

  /** The {@code java} binary this JVM runs on, so children use the same JDK as the launcher. */
  public static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * Waits until {@code ready} holds, polling; fails with the log's tail if the process exits first
   * or {@code timeout} passes, and then stops the process so nothing half-started is left behind.
   */
  public void awaitReady(String what, BooleanSupplier ready, Duration timeout) {
    var deadline = Instant.now().plus(timeout);
    while (!ready.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new StackStartupException(
            name + " exited with code " + process.exitValue() + " before " + what, this);
      }
      if (Instant.now().isAfter(deadline)) {
        stop(STOP_GRACE_AFTER_TIMEOUT);
        throw new StackStartupException(
            name + " was not " + what + " within " + timeout.toSeconds() + " s", this);
      }
      waitForExit(POLL_INTERVAL);
    }
  }

  /** Waits for the process to finish and fails with the log's tail unless it exits with 0. */
  public void awaitSuccess(Duration timeout) {
    if (!waitForExit(timeout)) {
      stop(Duration.ZERO);
      throw new StackStartupException(
          name + " did not finish within " + timeout.toSeconds() + " s", this);
    }
    if (process.exitValue() != 0) {
      throw new StackStartupException(name + " failed with code " + process.exitValue(), this);
    }
  }

  /**
   * Asks the process to stop (SIGTERM), then kills it if it is still running after {@code grace}.
   */
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitForExit(grace)) {
      process.destroyForcibly();
      waitForExit(grace);
    }
  }

  /** The last lines of the process's log, for error messages. */
  public String logTail() {
    try {
      var tail = new ArrayDeque<String>(LOG_TAIL_LINES);
      try (var lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
        lines.forEachOrdered(
            line -> {
              if (tail.size() == LOG_TAIL_LINES) {
                tail.removeFirst();
              }
              tail.addLast(line);
            });
      }
      return "  | " + String.join("\n  | ", tail);
    } catch (IOException | UncheckedIOException e) {
      return "  (cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  /** Whether the log already contains {@code text}; used to wait for a "started" line. */
  public boolean logContains(String text) {
    try (var lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
      return lines.anyMatch(line -> line.contains(text));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int exitValue() {
    return process.exitValue();
  }

  /** Completes when the process has exited, for whatever reason. */
  public CompletableFuture<ChildProcess> onExit() {
    return process.onExit().thenApply(p -> this);
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackStartupException("Interrupted while waiting for " + name, this);
    }
  }
}
