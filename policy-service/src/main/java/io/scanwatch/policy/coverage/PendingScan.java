package io.scanwatch.policy.coverage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image a registry said was pushed, waiting for its first scan.
 *
 * @param id {@code registry/repository@digest}, or {@code registry/repository:tag} when the
 *     registry sends no digest
 * @param registry registry host
 * @param repository repository path
 * @param digest manifest digest, or {@code null}
 * @param tags the tags it was pushed under
 * @param pushedAt when the registry says it was pushed
 * @param dueAt when a scan is overdue
 * @param correlationId of the push webhook, carried into the alert
 * @param receivedAt when ingest-service received the push webhook
 * @param alerted whether the not-scanned alert fired
 * @param labels the labels of the webhook source that reported the push
 */
public record PendingScan(
    String id,
    String registry,
    String repository,
    String digest,
    List<String> tags,
    Instant pushedAt,
    Instant dueAt,
    String correlationId,
    Instant receivedAt,
    boolean alerted,
    Map<String, String> labels) {

  public PendingScan {
    tags = List.copyOf(tags);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The id of an image known by {@code digest}, else by {@code tag}. */
  public static String idOf(String registry, String repository, String digest, String tag) {
    return registry + "/" + repository + (digest != null ? "@" + digest : ":" + tag);
  }
}
