package io.scanwatch.ingest.webhook.ecr;

import static io.scanwatch.ingest.webhook.PayloadFields.digest;
import static io.scanwatch.ingest.webhook.PayloadFields.instant;
import static io.scanwatch.ingest.webhook.PayloadFields.object;
import static io.scanwatch.ingest.webhook.PayloadFields.text;
import static io.scanwatch.ingest.webhook.PayloadFields.texts;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.RegistryScan;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads Amazon ECR events as an EventBridge API destination forwards them: image pushes and
 * deletes, basic scan results, and Amazon Inspector's summary of an image's enhanced scan.
 */
@Component
public class EcrWebhookNormalizer implements WebhookNormalizer {

  static final String BASIC_SCANNER = "Amazon ECR basic scanning";
  static final String ENHANCED_SCANNER = "Amazon Inspector";

  private static final String IMAGE_ACTION = "ECR Image Action";
  private static final String IMAGE_SCAN = "ECR Image Scan";
  private static final String INSPECTOR_SCAN = "Inspector2 Scan";
  private static final Set<String> IMAGE_EVENTS = Set.of(IMAGE_ACTION, IMAGE_SCAN, INSPECTOR_SCAN);

  private static final Set<String> NAMED_LEVELS = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-[0-9]+");
  private static final String REPOSITORY_ARN = ":repository/";

  @Override
  public String provider() {
    return "ecr";
  }

  @Override
  public WebhookAuthentication authentication() {
    return new WebhookAuthentication.SharedSecretHeader("X-Api-Key");
  }

  @Override
  public String expectedShape() {
    return "an EventBridge event from aws.ecr or aws.inspector2: {id, detail-type, account, time,"
        + " region, detail: {repository-name, image-digest, ...}}";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode body = payload.body();
    String detailType = text(body, "detail-type");
    if (detailType == null) {
      return new WebhookOutcome.Unrecognized("EventBridge event without detail-type");
    }
    if (detailType.equals("Inspector2 Finding")) {
      // One finding says nothing about the image's other findings; the scan summary does.
      return new WebhookOutcome.Ignored(
          "single findings are covered by the Inspector2 Scan summary");
    }
    if (!IMAGE_EVENTS.contains(detailType)) {
      return new WebhookOutcome.Ignored("EventBridge detail-type " + detailType);
    }
    JsonNode detail = object(body, "detail");
    if (detail == null) {
      return new WebhookOutcome.Unrecognized(detailType + " without a detail object");
    }
    if (detailType.equals(INSPECTOR_SCAN)
        && !detail.has("repository-name")
        && !detail.has("image-digest")) {
      // Inspector also reports initial scans of EC2 instances and Lambda functions.
      return new WebhookOutcome.Ignored("Inspector2 Scan of a resource that is not an ECR image");
    }
    String repository = repository(text(detail, "repository-name"));
    if (repository == null) {
      return new WebhookOutcome.Unrecognized(detailType + " without detail.repository-name");
    }
    return switch (detailType) {
      case IMAGE_ACTION -> imageAction(body, detail, repository);
      case IMAGE_SCAN -> basicScan(body, detail, repository);
      default -> enhancedScan(body, detail, repository);
    };
  }

  private static WebhookOutcome imageAction(JsonNode body, JsonNode detail, String repository) {
    String actionType = text(detail, "action-type");
    String result = text(detail, "result");
    if (actionType == null || result == null) {
      return new WebhookOutcome.Unrecognized(
          "ECR Image Action without detail.action-type or detail.result");
    }
    ImageAction action =
        switch (actionType) {
          case "PUSH" -> ImageAction.PUSHED;
          case "DELETE" -> ImageAction.DELETED;
          default -> null;
        };
    if (action == null || !result.equals("SUCCESS")) {
      return new WebhookOutcome.Ignored("ECR Image Action " + actionType + " " + result);
    }
    return WebhookOutcome.Normalized.of(
        event(action, body, detail, repository).tag(text(detail, "image-tag")).build());
  }

  private static WebhookOutcome basicScan(JsonNode body, JsonNode detail, String repository) {
    String status = text(detail, "scan-status");
    if (status == null) {
      return new WebhookOutcome.Unrecognized("ECR Image Scan without detail.scan-status");
    }
    Scan scan =
        switch (status) {
          case "COMPLETE" ->
              Scan.completed(
                  BASIC_SCANNER,
                  basicCounts(detail.get("finding-severity-counts")),
                  "ECR scan COMPLETE without usable finding-severity-counts");
          case "FAILED" ->
              new Scan(
                  ImageAction.SCAN_FAILED,
                  new RegistryScan(BASIC_SCANNER, null, null, "ECR scan-status FAILED"));
          default -> Scan.unavailable(BASIC_SCANNER, "ECR scan-status " + status);
        };
    return scanned(scan, body, detail, repository);
  }

  private static WebhookOutcome enhancedScan(JsonNode body, JsonNode detail, String repository) {
    String status = text(detail, "scan-status");
    if (status == null) {
      return new WebhookOutcome.Unrecognized("Inspector2 Scan without detail.scan-status");
    }
    Scan scan =
        status.equals("INITIAL_SCAN_COMPLETE")
            ? Scan.completed(
                ENHANCED_SCANNER,
                enhancedCounts(detail.get("finding-severity-counts")),
                "Inspector scan complete without usable finding-severity-counts")
            : Scan.unavailable(ENHANCED_SCANNER, "Inspector scan-status " + status);
    return scanned(scan, body, detail, repository);
  }

  private static WebhookOutcome scanned(
      Scan scan, JsonNode body, JsonNode detail, String repository) {
    return WebhookOutcome.Normalized.of(
        event(scan.action(), body, detail, repository)
            .tags(texts(detail, "image-tags"))
            .scan(scan.result())
            .build());
  }

  private static RegistryEvent.Builder event(
      ImageAction action, JsonNode body, JsonNode detail, String repository) {
    return RegistryEvent.of(action, repository)
        .registry(registry(text(body, "account"), text(body, "region")))
        .digest(digest(text(detail, "image-digest")))
        .occurredAt(instant(body, "time"))
        .deliveryId(text(body, "id"));
  }

  /**
   * Basic scanning lists only the levels it found, so a level it leaves out is zero; CRITICAL,
   * HIGH, MEDIUM and LOW keep their level, INFORMATIONAL, UNDEFINED and any other are unknown.
   */
  private static SeverityCounts basicCounts(JsonNode summary) {
    Map<String, Integer> levels = levels(summary);
    if (levels == null) {
      return null;
    }
    long unknown =
        levels.entrySet().stream()
            .filter(level -> !NAMED_LEVELS.contains(level.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    if (unknown > Integer.MAX_VALUE) {
      return null;
    }
    return new SeverityCounts(
        levels.getOrDefault("CRITICAL", 0),
        levels.getOrDefault("HIGH", 0),
        levels.getOrDefault("MEDIUM", 0),
        levels.getOrDefault("LOW", 0),
        (int) unknown);
  }

  /**
   * Inspector's summary gives CRITICAL, HIGH and MEDIUM and a TOTAL over every level; the findings
   * beyond the levels it names (LOW, INFORMATIONAL, UNTRIAGED, not told apart) count as unknown
   * rather than being guessed low. Without a TOTAL the rest cannot be known, so the counts are
   * unusable.
   */
  private static SeverityCounts enhancedCounts(JsonNode summary) {
    Map<String, Integer> levels = levels(summary);
    if (levels == null || !levels.containsKey("TOTAL")) {
      return null;
    }
    int critical = levels.getOrDefault("CRITICAL", 0);
    int high = levels.getOrDefault("HIGH", 0);
    int medium = levels.getOrDefault("MEDIUM", 0);
    int low = levels.getOrDefault("LOW", 0);
    long rest = (long) levels.get("TOTAL") - critical - high - medium - low;
    return rest < 0 ? null : new SeverityCounts(critical, high, medium, low, (int) rest);
  }

  /**
   * The summary's counts by upper-cased level, or {@code null} if one is not a count or a level is
   * listed twice.
   */
  private static Map<String, Integer> levels(JsonNode summary) {
    if (summary == null || !summary.isObject()) {
      return null;
    }
    Map<String, Integer> levels = new HashMap<>();
    for (Map.Entry<String, JsonNode> level : summary.properties()) {
      JsonNode count = level.getValue();
      if (!count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
        return null;
      }
      if (levels.put(level.getKey().toUpperCase(Locale.ROOT), count.intValue()) != null) {
        return null;
      }
    }
    return levels;
  }

  /** Inspector names the repository by its ARN, ECR by its name. */
  private static String repository(String nameOrArn) {
    if (nameOrArn == null) {
      return null;
    }
    int arn = nameOrArn.indexOf(REPOSITORY_ARN);
    String name = arn >= 0 ? nameOrArn.substring(arn + REPOSITORY_ARN.length()) : nameOrArn;
    return name.isBlank() || name.startsWith("/") || name.endsWith("/") ? null : name;
  }

  /** ECR's registry host follows from the account and region the envelope names. */
  private static String registry(String account, String region) {
    if (account == null || region == null) {
      return null;
    }
    if (!ACCOUNT.matcher(account).matches() || !REGION.matcher(region).matches()) {
      return null;
    }
    String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return account + ".dkr.ecr." + region + "." + domain;
  }

  /** What a scan event says: the action it maps to and the scanner's result. */
  private record Scan(ImageAction action, RegistryScan result) {

    static Scan completed(String scanner, SeverityCounts counts, String whyUnusable) {
      return counts == null
          ? unavailable(scanner, whyUnusable)
          : new Scan(ImageAction.SCAN_COMPLETED, new RegistryScan(scanner, counts, null, null));
    }

    static Scan unavailable(String scanner, String why) {
      return new Scan(ImageAction.SCAN_UNAVAILABLE, new RegistryScan(scanner, null, null, why));
    }
  }
}
