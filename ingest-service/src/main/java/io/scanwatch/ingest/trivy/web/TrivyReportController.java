package io.scanwatch.ingest.trivy.web;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Labels;
import io.scanwatch.ingest.report.ReportIntake;
import io.scanwatch.ingest.report.web.ReportBodies;
import io.scanwatch.ingest.report.web.ReportMetrics;
import io.scanwatch.ingest.report.web.ReportResponses;
import io.scanwatch.ingest.web.ApiDocumentation;
import io.scanwatch.support.web.CorrelationIdFilter;
import io.scanwatch.trivy.ImageReferences;
import io.scanwatch.trivy.TrivyReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/reports/trivy}: any Trivy output (JSON of any version, k8s, Operator CRDs,
 * CycloneDX, SARIF). The optional {@code image} parameter names the scanned image when the report
 * does not.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports")
@SecurityRequirement(name = ApiDocumentation.BEARER)
class TrivyReportController {

  private final ReportIntake intake;
  private final ReportBodies bodies;
  private final ReportMetrics metrics;
  private final TrivyReports reports = new TrivyReports();

  TrivyReportController(ReportIntake intake, ReportBodies bodies, ReportMetrics metrics) {
    this.intake = intake;
    this.bodies = bodies;
    this.metrics = metrics;
  }

  @Operation(
      summary = "Post a Trivy report",
      description =
          "Any Trivy output, the format told from the content: JSON schema 2, the pre-0.20 array,"
              + " null, the pre-0.2 target map, trivy k8s reports, Trivy Operator"
              + " VulnerabilityReports, CycloneDX and SARIF. The body may be gzip-encoded. The same"
              + " report posted again is answered 200 with the first report's id and publishes"
              + " nothing.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              examples = {
                @ExampleObject(
                    name = "trivy-image-schema-2",
                    summary = "trivy image --format json (shortened)",
                    value = TrivyReportExamples.SCHEMA_2),
                @ExampleObject(
                    name = "trivy-legacy-array",
                    summary = "Trivy before 0.20",
                    value = TrivyReportExamples.LEGACY_ARRAY)
              }))
  @ApiResponse(
      responseCode = "202",
      description = "Stored and published",
      content = @Content(examples = @ExampleObject(value = TrivyReportExamples.RECEIPT)))
  @ApiResponse(responseCode = "200", description = "The same report was posted before")
  @ApiResponse(responseCode = "400", description = "Malformed JSON (line and column) or gzip")
  @ApiResponse(responseCode = "401", description = "Missing or unknown bearer token")
  @ApiResponse(responseCode = "413", description = "Larger than the configured limit")
  @ApiResponse(responseCode = "415", description = "Not JSON, or an encoding other than gzip")
  @ApiResponse(
      responseCode = "422",
      description = "JSON that is not a Trivy report, or a report that names no image")
  @ApiResponse(
      responseCode = "503",
      description = "Kafka or MongoDB unavailable; retry the same request after Retry-After")
  @PostMapping(path = "/trivy", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> post(
      HttpServletRequest request,
      @Parameter(
              description =
                  "The scanned image, when the report does not name it (filesystem and k8s scans)",
              example = "registry.example.com/team/app:1.2")
          @RequestParam(name = "image", required = false)
          String image,
      @Parameter(
              description = "The image's labels as name=value, repeated; they select its policy",
              example = "team=payments")
          @RequestParam(name = "label", required = false)
          List<String> labels)
      throws IOException {
    ImageReference override = image == null ? null : parseImage(image);
    Map<String, String> imageLabels = parseLabels(labels);
    byte[] body = metrics.read(bodies.read(request));
    return ReportResponses.of(
        metrics.noted(
            intake.accept(
                body,
                metrics.timed(reports::parse, request),
                override,
                imageLabels,
                CorrelationIdFilter.of(request)),
            request));
  }

  private static Map<String, String> parseLabels(List<String> labels) {
    try {
      return Labels.parse(labels == null ? List.of() : labels);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private static ImageReference parseImage(String image) {
    return ImageReferences.parse(image)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "'image' must be an image reference such as registry.example.com/team/app:1.2"));
  }
}
