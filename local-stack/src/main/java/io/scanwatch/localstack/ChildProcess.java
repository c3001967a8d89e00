package io.scanwatch.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

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
  private final long runStart;

  private ChildProcess(String name, Process process, Path logFile, long runStart) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.runStart = runStart;
  }

  /**
   * Starts {@code command} in {@code workDir} with {@code extraEnv} added to this JVM's
   * environment, appending stdout and stderr to {@code logFile} after a line that marks the start,
   * so the previous runs' logs stay for reading after a restart.
   */
  public static ChildProcess start(
      String name, List<String> command, Map<String, String> extraEnv, Path workDir, Path logFile) {
    try {
      Files.createDirectories(workDir);
      Files.createDirectories(logFile.getParent());
      long runStart = Files.exists(logFile) ? Files.size(logFile) : 0;
      Files.writeString(
          logFile,
          startLine(name, Instant.now()) + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      var builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(extraEnv);
      return new ChildProcess(name, builder.start(), logFile, runStart);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
  }

  /** The line that marks where a run's output begins in its log. */
  static String startLine(String name, Instant at) {
    return "===== " + name + " starting at " + at + " =====";
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

  /** Kills the process at once (SIGKILL), as a crash or an OOM killer would, and waits for it. */
  public void kill(Duration timeout) {
    process.destroyForcibly();
    waitForExit(timeout);
  }

  /** The last lines of this run's log, for error messages. */
  public String logTail() {
    try {
      var tail = new ArrayDeque<String>(LOG_TAIL_LINES);
      try (var lines = thisRunsLog()) {
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

  /**
   * Whether this run's log already contains {@code text}; used to wait for a "started" line, which
   * an earlier run's output must not count as.
   */
  public boolean logContains(String text) {
    try (var lines = thisRunsLog()) {
      return lines.skip(1).anyMatch(line -> line.contains(text));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** The log's lines from this run's start line on. */
  private Stream<String> thisRunsLog() throws IOException {
    InputStream in = Files.newInputStream(logFile);
    try {
      in.skipNBytes(runStart);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return reader.lines().onClose(() -> close(reader));
  }

  private static void close(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
