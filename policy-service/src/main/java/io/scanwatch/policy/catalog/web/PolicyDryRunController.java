package io.scanwatch.policy.catalog.web;

import io.scanwatch.policy.catalog.LatestScans;
import io.scanwatch.policy.catalog.PolicyDocuments;
import io.scanwatch.policy.catalog.PolicyDryRun;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/policies/dry-run}: what a candidate policy would decide on the latest scan of
 * every known image, against what the policies in force decide now. Nothing is saved.
 */
@RestController
class PolicyDryRunController {

  private final PolicyDryRun dryRun;
  private final LatestScans latestScans;

  PolicyDryRunController(PolicyDryRun dryRun, LatestScans latestScans) {
    this.dryRun = dryRun;
    this.latestScans = latestScans;
  }

  @PostMapping(
      value = "/api/v1/policies/dry-run",
      consumes = {
        PolicyController.YAML,
        "application/x-yaml",
        "text/yaml",
        "text/x-yaml",
        "application/json"
      },
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> dryRun(@RequestBody byte[] body) {
    return switch (PolicyDocuments.read(new String(body, StandardCharsets.UTF_8))) {
      case PolicyDocuments.Rejected rejected -> PolicyProblems.invalid(rejected.errors());
      case PolicyDocuments.Read read ->
          ResponseEntity.ok(dryRun.run(read.policies().getFirst(), latestScans.latest()));
    };
  }
}
