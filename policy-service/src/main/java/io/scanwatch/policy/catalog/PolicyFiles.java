package io.scanwatch.policy.catalog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Policies written as YAML: one file of one or more documents separated by {@code ---}, or a folder
 * of {@code .yaml}/{@code .yml} files (its direct children; hidden ones, such as a Kubernetes
 * ConfigMap's {@code ..data}, are skipped). Read at start, where a bad file is fatal, and again
 * when a file changes, where a bad edit is logged and the last good policies stay.
 */
public class PolicyFiles {

  /** How often the files are looked at, at most. */
  public static final Duration CHECK_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(PolicyFiles.class);
  private static final long MAX_FILE_BYTES = 2_000_000;

  private final Path path;
  private final Clock clock;
  private Instant lastCheck;
  private String lastFingerprint;

  public PolicyFiles(Path path, Clock clock) {
    this.path = path;
    this.clock = clock;
  }

  /** A bad policy file: which file, where in it, and what is wrong. */
  public static class InvalidPolicyFilesException extends RuntimeException {

    public InvalidPolicyFilesException(List<String> problems) {
      super("Invalid policy files:\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * Reads every policy file now.
   *
   * @throws InvalidPolicyFilesException naming each file, pointer and message when any is bad
   */
  public synchronized List<FilePolicy> load() {
    lastCheck = clock.instant();
    Snapshot snapshot = read();
    if (!snapshot.problems().isEmpty()) {
      throw new InvalidPolicyFilesException(snapshot.problems());
    }
    lastFingerprint = snapshot.fingerprint();
    LOG.info("Read {} policy(ies) from {}", snapshot.policies().size(), path);
    return snapshot.policies();
  }

  /**
   * Reads the files again when {@link #CHECK_INTERVAL} has passed since the last look and any file
   * changed.
   *
   * @return the new policies; empty when nothing changed, it is too soon, or the files are now bad
   *     (logged as a warning; the caller keeps the policies it has)
   */
  public synchronized Optional<List<FilePolicy>> reloadIfChanged() {
    Instant now = clock.instant();
    if (lastCheck != null && now.isBefore(lastCheck.plus(CHECK_INTERVAL))) {
      return Optional.empty();
    }
    lastCheck = now;
    Snapshot snapshot = read();
    if (snapshot.fingerprint().equals(lastFingerprint)) {
      return Optional.empty();
    }
    if (!snapshot.problems().isEmpty()) {
      // Remember the bad state so that it is reported once, not on every look.
      lastFingerprint = snapshot.fingerprint();
      LOG.warn(
          "Policy files changed but are invalid; the last good policies stay in force:\n  {}",
          String.join("\n  ", snapshot.problems()));
      return Optional.empty();
    }
    lastFingerprint = snapshot.fingerprint();
    LOG.info("Policy files changed: {} policy(ies) from {}", snapshot.policies().size(), path);
    return Optional.of(snapshot.policies());
  }

  private record Snapshot(List<FilePolicy> policies, List<String> problems, String fingerprint) {}

  private Snapshot read() {
    var policies = new ArrayList<FilePolicy>();
    var problems = new ArrayList<String>();
    MessageDigest digest = sha256();
    List<Path> files;
    try {
      files = files();
    } catch (IOException | RuntimeException e) {
      problems.add(path + ": cannot be read: " + e);
      return new Snapshot(List.of(), problems, "unreadable:" + e);
    }
    Map<String, Path> names = new HashMap<>();
    for (Path file : files) {
      String text;
      try {
        if (Files.size(file) > MAX_FILE_BYTES) {
          problems.add(file + ": is larger than " + MAX_FILE_BYTES + " bytes");
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        text =
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        problems.add(file + ": is not UTF-8 text");
        continue;
      } catch (IOException e) {
        problems.add(file + ": cannot be read: " + e);
        continue;
      }
      switch (PolicyDocuments.readAll(text)) {
        case PolicyDocuments.Read read -> {
          for (var policy : read.policies()) {
            Path other = names.putIfAbsent(policy.name(), file);
            if (other != null) {
              problems.add(
                  file + ": /name: policy '" + policy.name() + "' is also defined in " + other);
            } else {
              policies.add(new FilePolicy(policy, file, relativeName(file)));
            }
          }
        }
        case PolicyDocuments.Rejected rejected ->
            rejected
                .errors()
                .forEach(
                    e ->
                        problems.add(
                            file
                                + ": "
                                + (e.pointer().isEmpty() ? "(document)" : e.pointer())
                                + ": "
                                + e.message()));
      }
    }
    return new Snapshot(policies, problems, HexFormat.of().formatHex(digest.digest()));
  }

  /** The file's name relative to the configured path (its own name when the path is the file). */
  private String relativeName(Path file) {
    return Files.isDirectory(path)
        ? path.relativize(file).toString()
        : String.valueOf(file.getFileName());
  }

  private List<Path> files() throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IOException("no such file or folder");
    }
    try (Stream<Path> children = Files.list(path)) {
      return children
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
              })
          .sorted()
          .toList();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
