package io.scanwatch.ingest.report.web;

import io.scanwatch.ingest.report.ReportStore;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers for reports already received: their summary and their original bytes. A report id is a
 * UUID, hex digits and dashes; the pattern says so, so that a {@code GET} of {@code
 * /api/v1/reports/trivy} is the 405 of the endpoint that takes reports rather than a 404 for a
 * report called "trivy".
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

  private static final String ID = "{id:[0-9a-fA-F-]+}";

  private final ReportStore store;

  ReportController(ReportStore store) {
    this.store = store;
  }

  @GetMapping("/" + ID)
  ReportReceipt summary(@PathVariable String id) {
    return store
        .findById(id)
        .map(report -> ReportReceipt.of(report, "stored", List.of()))
        .orElseThrow(() -> notFound(id));
  }

  @GetMapping("/" + ID + "/raw")
  ResponseEntity<byte[]> raw(@PathVariable String id) {
    return store
        .findRaw(id)
        .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes))
        .orElseThrow(() -> notFound(id));
  }

  private static ResponseStatusException notFound(String id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no report with id " + id);
  }
}
