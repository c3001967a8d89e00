package io.scanwatch.benchmarks;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a schema 2 Trivy report of a requested size by repeating the results of real Trivy
 * reports, every field kept, with each copy's vulnerability ids and installed versions renumbered
 * so that no two entries are the same finding.
 */
public final class LargeTrivyReport {

  private static final List<String> SOURCES =
      List.of(
          "trivy/spring4shell-jre11-image.json",
          "trivy/alpine310-image.json",
          "trivy/trivy-schema2-2021-debian10-buster-image.json");

  private static final Pattern CVE = Pattern.compile("(CVE-\\d{4}-)(\\d+)");

  private static final int MEBIBYTE = 1024 * 1024;

  private final JsonMapper mapper = new JsonMapper();
  private final ObjectNode header;
  private final List<ObjectNode> results = new ArrayList<>();
  private final int findingsPerRound;

  /** Reads the real reports the large one is made of from the classpath. */
  public LargeTrivyReport() {
    List<ObjectNode> reports = SOURCES.stream().map(this::read).toList();
    header = reports.getFirst().deepCopy();
    header.remove("Results");
    int findings = 0;
    for (ObjectNode report : reports) {
      for (JsonNode result : report.path("Results")) {
        results.add((ObjectNode) result);
        findings += result.path("Vulnerabilities").size();
      }
    }
    findingsPerRound = findings;
  }

  /** How many rounds of the real results make a report of at least {@code mebibytes} MiB. */
  public int roundsFor(int mebibytes) {
    ByteArrayOutputStream oneRound = new ByteArrayOutputStream();
    write(1, oneRound);
    ByteArrayOutputStream twoRounds = new ByteArrayOutputStream();
    write(2, twoRounds);
    long round = twoRounds.size() - oneRound.size();
    long header = oneRound.size() - round;
    long bytes = (long) mebibytes * MEBIBYTE - header;
    return (int) Math.max(1, (bytes + round - 1) / round);
  }

  /** The number of vulnerability entries a report of {@code rounds} rounds holds. */
  public long findings(int rounds) {
    return (long) rounds * findingsPerRound;
  }

  /** A report of at least {@code mebibytes} MiB, in memory. */
  public byte[] bytes(int mebibytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(mebibytes * MEBIBYTE + MEBIBYTE);
    write(roundsFor(mebibytes), out);
    return out.toByteArray();
  }

  /** Writes a report of {@code rounds} rounds of the real results to {@code out}. */
  public void write(int rounds, OutputStream out) {
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      generator.writeStartObject();
      for (Map.Entry<String, JsonNode> field : header.properties()) {
        generator.writeName(field.getKey());
        generator.writeTree(field.getValue());
      }
      generator.writeArrayPropertyStart("Results");
      for (int round = 0; round < rounds; round++) {
        for (ObjectNode result : results) {
          generator.writeTree(renumbered(result, round));
        }
      }
      generator.writeEndArray();
      generator.writeEndObject();
    }
  }

  private ObjectNode renumbered(ObjectNode result, int round) {
    ObjectNode copy = result.deepCopy();
    for (JsonNode node : copy.path("Vulnerabilities")) {
      ObjectNode vulnerability = (ObjectNode) node;
      vulnerability.put(
          "VulnerabilityID", id(vulnerability.path("VulnerabilityID").asString(), round));
      vulnerability.put(
          "InstalledVersion", vulnerability.path("InstalledVersion").asString() + "+r" + round);
    }
    return copy;
  }

  /** Keeps CVE ids well-formed by moving them into a number range no real CVE of the year uses. */
  private static String id(String id, int round) {
    Matcher cve = CVE.matcher(id);
    if (cve.matches()) {
      return cve.group(1) + (Long.parseLong(cve.group(2)) + (round + 1) * 10_000_000L);
    }
    return id + "-" + round;
  }

  private ObjectNode read(String resource) {
    try (InputStream in = LargeTrivyReport.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return (ObjectNode) mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a report of at least {@code args[0]} MiB to the file {@code args[1]}, and prints its
   * size and number of vulnerability entries.
   */
  public static void main(String[] args) throws IOException {
    int mebibytes = Integer.parseInt(args[0]);
    Path file = Path.of(args[1]);
    LargeTrivyReport report = new LargeTrivyReport();
    int rounds = report.roundsFor(mebibytes);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), MEBIBYTE)) {
      report.write(rounds, out);
    }
    System.out.printf(
        "%s: %d bytes, %d vulnerability entries%n",
        file, Files.size(file), report.findings(rounds));
  }
}
