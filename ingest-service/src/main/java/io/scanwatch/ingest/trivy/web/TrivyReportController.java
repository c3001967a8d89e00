package io.scanwatch.ingest.trivy.web;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.ingest.correlation.CorrelationIdFilter;
import io.scanwatch.ingest.image.ImageReferences;
import io.scanwatch.ingest.report.ReportIntake;
import io.scanwatch.ingest.report.web.ReportBodies;
import io.scanwatch.ingest.report.web.ReportResponses;
import io.scanwatch.ingest.trivy.TrivyReports;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
class TrivyReportController {

  private final ReportIntake intake;
  private final ReportBodies bodies;
  private final TrivyReports reports = new TrivyReports();

  TrivyReportController(ReportIntake intake, ReportBodies bodies) {
    this.intake = intake;
    this.bodies = bodies;
  }

  @PostMapping(path = "/trivy", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> post(
      HttpServletRequest request, @RequestParam(name = "image", required = false) String image)
      throws IOException {
    ImageReference override = image == null ? null : parseImage(image);
    byte[] body = bodies.read(request);
    return ReportResponses.of(
        intake.accept(body, reports::parse, override, CorrelationIdFilter.of(request)));
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
