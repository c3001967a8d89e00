package io.scanwatch.localstack;

import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An example Trivy report made unique to one demo run: a fresh {@code ReportID} and the run's stamp
 * appended to the image tag. The stack's data survives restarts and a re-posted report is
 * deliberately deduplicated, so without this a second demo would (rightly) notify nobody.
 *
 * @param json the report to post
 * @param image the stamped image reference, {@code registry/repository:tag}
 * @param tag the stamped tag, unique to this run; notifications about the image name it
 */
public record DemoReport(String json, String image, String tag) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Stamps {@code reportJson} (Trivy JSON schema 2) with {@code runStamp}. */
  public static DemoReport stamped(String reportJson, String runStamp) {
    var report = (ObjectNode) JSON.readTree(reportJson);
    var metadata = report.path("Metadata");
    var original =
        metadata.path("RepoTags").path(0).asString(metadata.path("Reference").asString(""));
    if (original.isEmpty()) {
      throw new IllegalArgumentException("The report names no image in Metadata.RepoTags");
    }
    var image = withTagSuffix(original, runStamp);
    report.put("ReportID", UUID.randomUUID().toString());
    report.put("ArtifactName", image);
    if (metadata instanceof ObjectNode metadataObject) {
      metadataObject.put("Reference", image);
      metadataObject.set("RepoTags", JSON.createArrayNode().add(image));
    }
    return new DemoReport(
        JSON.writeValueAsString(report), image, image.substring(image.lastIndexOf(':') + 1));
  }

  /** {@code reference} with {@code -suffix} appended to its tag ({@code latest} if it has none). */
  static String withTagSuffix(String reference, String suffix) {
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    return colon > slash ? reference + "-" + suffix : reference + ":latest-" + suffix;
  }
}
