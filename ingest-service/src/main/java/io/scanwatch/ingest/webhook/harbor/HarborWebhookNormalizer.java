package io.scanwatch.ingest.webhook.harbor;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.RegistryScan;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.webhook.PayloadFields;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads Harbor's artifact and scan webhooks, in its Default and its CloudEvents format alike, into
 * registry events: one per resource the delivery names.
 */
@Component
public class HarborWebhookNormalizer implements WebhookNormalizer {

  private enum Kind {
    PUSH,
    DELETE,
    SCAN_COMPLETED,
    SCAN_FAILED,
    SCAN_STOPPED
  }

  private static final Map<String, Kind> KINDS =
      Map.of(
          "PUSH_ARTIFACT", Kind.PUSH,
          "harbor.artifact.pushed", Kind.PUSH,
          "DELETE_ARTIFACT", Kind.DELETE,
          "harbor.artifact.deleted", Kind.DELETE,
          "SCANNING_COMPLETED", Kind.SCAN_COMPLETED,
          "harbor.scan.completed", Kind.SCAN_COMPLETED,
          "SCANNING_FAILED", Kind.SCAN_FAILED,
          "harbor.scan.failed", Kind.SCAN_FAILED,
          "SCANNING_STOPPED", Kind.SCAN_STOPPED,
          "harbor.scan.stopped", Kind.SCAN_STOPPED);

  // Harbor fills "tag" with the digest when an artifact is pushed or pulled by digest.
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  /** The envelope fields that differ between the two formats; everything else is shared. */
  private record Envelope(
      String type, String dataField, JsonNode data, Instant occurredAt, String deliveryId) {

    static Envelope of(JsonNode body) {
      if (body.has("specversion")) {
        return new Envelope(
            PayloadFields.text(body, "type"),
            "data",
            PayloadFields.object(body, "data"),
            PayloadFields.instant(body, "time"),
            PayloadFields.text(body, "id"));
      }
      return new Envelope(
          PayloadFields.text(body, "type"),
          "event_data",
          PayloadFields.object(body, "event_data"),
          PayloadFields.instant(body, "occur_at"),
          null);
    }
  }

  @Override
  public String provider() {
    return "harbor";
  }

  @Override
  public WebhookAuthentication authentication() {
    return new WebhookAuthentication.SharedSecretHeader("Authorization");
  }

  @Override
  public String expectedShape() {
    return "a Harbor webhook: {\"type\", \"occur_at\", \"event_data\": {\"resources\", \"repository\"}}"
        + " or its CloudEvents form {\"specversion\", \"id\", \"type\", \"time\", \"data\"}";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode body = payload.body();
    if (body == null || !body.isObject()) {
      return new WebhookOutcome.Unrecognized("the body is not a JSON object");
    }
    Envelope envelope = Envelope.of(body);
    if (envelope.type() == null) {
      return new WebhookOutcome.Unrecognized("no type");
    }
    if (envelope.data() == null) {
      return new WebhookOutcome.Unrecognized("no " + envelope.dataField() + " object");
    }
    Kind kind = KINDS.get(envelope.type());
    if (kind == null) {
      return new WebhookOutcome.Ignored("Harbor event type " + envelope.type());
    }
    String repository = repository(PayloadFields.object(envelope.data(), "repository"));
    if (repository == null) {
      return new WebhookOutcome.Unrecognized(
          "no " + envelope.dataField() + ".repository.repo_full_name");
    }
    JsonNode resources = envelope.data().get("resources");
    if (resources == null || !resources.isArray()) {
      return new WebhookOutcome.Unrecognized("no " + envelope.dataField() + ".resources array");
    }
    List<RegistryEvent> events = new ArrayList<>();
    int ignored = 0;
    for (JsonNode resource : resources) {
      RegistryEvent event = event(kind, envelope, repository, resource);
      if (event == null) {
        ignored++;
      } else {
        events.add(event);
      }
    }
    if (events.isEmpty()) {
      return new WebhookOutcome.Unrecognized(
          "no entry of " + envelope.dataField() + ".resources names a digest or a tag");
    }
    return new WebhookOutcome.Normalized(events, ignored);
  }

  private static RegistryEvent event(
      Kind kind, Envelope envelope, String repository, JsonNode resource) {
    if (!resource.isObject()) {
      return null;
    }
    String digest = PayloadFields.digest(PayloadFields.text(resource, "digest"));
    String tag = tag(resource);
    if (digest == null && tag == null) {
      return null;
    }
    RegistryScan scan = scan(kind, resource, envelope.data());
    return RegistryEvent.of(action(kind, scan), repository)
        .registry(registry(PayloadFields.text(resource, "resource_url")))
        .tag(tag)
        .digest(digest)
        .scan(scan)
        .occurredAt(envelope.occurredAt())
        .deliveryId(envelope.deliveryId())
        .build();
  }

  private static ImageAction action(Kind kind, RegistryScan scan) {
    return switch (kind) {
      case PUSH -> ImageAction.PUSHED;
      case DELETE -> ImageAction.DELETED;
      case SCAN_COMPLETED ->
          scan.counts() == null ? ImageAction.SCAN_UNAVAILABLE : ImageAction.SCAN_COMPLETED;
      case SCAN_FAILED, SCAN_STOPPED -> ImageAction.SCAN_FAILED;
    };
  }

  private static String repository(JsonNode repository) {
    String fullName = PayloadFields.text(repository, "repo_full_name");
    if (fullName != null) {
      return fullName;
    }
    String namespace = PayloadFields.text(repository, "namespace");
    String name = PayloadFields.text(repository, "name");
    return namespace == null || name == null ? null : namespace + "/" + name;
  }

  private static String tag(JsonNode resource) {
    String tag = PayloadFields.text(resource, "tag");
    return tag != null && TAG.matcher(tag).matches() ? tag : null;
  }

  /** The host of {@code host/repo:tag} or {@code host/repo@sha256:…}; a bare name has none. */
  private static String registry(String resourceUrl) {
    return resourceUrl != null && resourceUrl.contains("/")
        ? PayloadFields.host(resourceUrl)
        : null;
  }

  private static RegistryScan scan(Kind kind, JsonNode resource, JsonNode data) {
    JsonNode report = report(PayloadFields.object(resource, "scan_overview"));
    return switch (kind) {
      case PUSH, DELETE -> null;
      case SCAN_COMPLETED -> completedScan(report, data);
      case SCAN_FAILED -> {
        String status = PayloadFields.text(report, "scan_status");
        yield new RegistryScan(
            scanner(report),
            null,
            null,
            status == null ? "scan failed" : "scan failed with scan_status " + status);
      }
      // A stopped scan was cancelled before it produced a report: there is no result to read.
      case SCAN_STOPPED -> new RegistryScan(scanner(report), null, null, "scan stopped");
    };
  }

  /**
   * The scan report of a resource's {@code scan_overview}, preferring one with a summary. Its key
   * is the report's media type, which changes between Harbor versions.
   */
  private static JsonNode report(JsonNode overview) {
    if (overview == null) {
      return null;
    }
    JsonNode firstReport = null;
    for (Map.Entry<String, JsonNode> entry : overview.properties()) {
      JsonNode report = entry.getValue();
      if (report.isObject()) {
        if (PayloadFields.object(report, "summary") != null) {
          return report;
        }
        if (firstReport == null) {
          firstReport = report;
        }
      }
    }
    return firstReport;
  }

  private static RegistryScan completedScan(JsonNode report, JsonNode data) {
    if (report == null) {
      JsonNode scan = PayloadFields.object(data, "scan");
      return unavailable(
          null,
          scan != null && scan.isEmpty()
              ? "the scan object is empty and no scan_overview holds a report"
              : "no scan_overview holds a report");
    }
    String scanner = scanner(report);
    String status = PayloadFields.text(report, "scan_status");
    if (status != null && !status.equalsIgnoreCase("Success")) {
      return unavailable(scanner, "scan_status is " + status);
    }
    JsonNode summary = PayloadFields.object(report, "summary");
    if (summary == null) {
      return unavailable(scanner, "the scan report has no summary");
    }
    JsonNode perSeverity = PayloadFields.object(summary, "summary");
    if (perSeverity == null) {
      return unavailable(scanner, "the summary has no counts per severity");
    }
    int critical = 0;
    int high = 0;
    int medium = 0;
    int low = 0;
    int unknown = 0;
    for (Map.Entry<String, JsonNode> entry : perSeverity.properties()) {
      Integer count = count(entry.getValue());
      if (count == null) {
        return unavailable(scanner, "the count of " + entry.getKey() + " is not a count");
      }
      switch (entry.getKey().toLowerCase(Locale.ROOT)) {
        case "critical" -> critical += count;
        case "high" -> high += count;
        case "medium" -> medium += count;
        case "low" -> low += count;
        default -> unknown += count;
      }
    }
    SeverityCounts counts = new SeverityCounts(critical, high, medium, low, unknown);
    Integer total = count(summary.get("total"));
    // An empty per-severity object is a clean image only when the total agrees; otherwise the
    // counts were lost, and zero would be a false all-clear.
    if (total != null && total != counts.total()) {
      return unavailable(
          scanner,
          "the summary's total "
              + total
              + " differs from its counts per severity "
              + counts.total());
    }
    return new RegistryScan(scanner, counts, count(summary.get("fixable")), null);
  }

  private static RegistryScan unavailable(String scanner, String why) {
    return new RegistryScan(scanner, null, null, why);
  }

  private static Integer count(JsonNode value) {
    return value != null
            && value.isIntegralNumber()
            && value.canConvertToInt()
            && value.asInt() >= 0
        ? value.asInt()
        : null;
  }

  /** The scanner as Harbor names it, e.g. {@code Trivy v0.37.2}. */
  private static String scanner(JsonNode report) {
    JsonNode scanner = PayloadFields.object(report, "scanner");
    String name = PayloadFields.text(scanner, "name");
    String version = PayloadFields.text(scanner, "version");
    if (name == null) {
      return null;
    }
    return version == null ? name : name + " " + version;
  }
}
