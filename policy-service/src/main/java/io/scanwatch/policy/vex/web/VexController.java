package io.scanwatch.policy.vex.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.scanwatch.policy.vex.VexLibrary;
import io.scanwatch.policy.vex.VexUpload;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/vex}: upload OpenVEX documents for a repository or an image, list, read and delete
 * them. A document that is not OpenVEX is 422 {@code invalid-vex} with a JSON pointer to what is
 * wrong; a bad scope is 422 {@code invalid-scope}.
 */
@RestController
@RequestMapping("/api/v1/vex")
class VexController {

  private final VexLibrary library;

  VexController(VexLibrary library) {
    this.library = library;
  }

  /** A document as listed. */
  record VexSummary(
      String id,
      String scope,
      String documentId,
      String author,
      int statementCount,
      Instant uploadedAt,
      String uploadedBy) {

    static VexSummary of(VexUpload upload) {
      return new VexSummary(
          upload.id(),
          upload.scope().reference(),
          upload.document().id(),
          upload.document().author(),
          upload.document().statements().size(),
          upload.uploadedAt(),
          upload.uploadedBy());
    }
  }

  /** A document with its text as uploaded. */
  record VexDetail(
      String id,
      String scope,
      String documentId,
      String author,
      int statementCount,
      Instant uploadedAt,
      String uploadedBy,
      @JsonRawValue String document) {

    static VexDetail of(VexUpload upload) {
      VexSummary summary = VexSummary.of(upload);
      return new VexDetail(
          summary.id(),
          summary.scope(),
          summary.documentId(),
          summary.author(),
          summary.statementCount(),
          summary.uploadedAt(),
          summary.uploadedBy(),
          upload.raw());
    }
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> upload(
      @RequestParam(required = false) String scope,
      @RequestBody(required = false) byte[] body,
      Principal principal) {
    return switch (library.upload(scope, body, principal == null ? null : principal.getName())) {
      case VexLibrary.UploadOutcome.Uploaded uploaded ->
          ResponseEntity.created(URI.create("/api/v1/vex/" + uploaded.upload().id()))
              .body(VexSummary.of(uploaded.upload()));
      case VexLibrary.UploadOutcome.InvalidScope invalid -> {
        var problem = unprocessable(invalid.reason(), "Invalid scope", "invalid-scope");
        problem.setProperty("parameter", "scope");
        yield problem(problem);
      }
      case VexLibrary.UploadOutcome.InvalidDocument invalid -> {
        var problem =
            unprocessable(invalid.invalid().reason(), "Invalid OpenVEX document", "invalid-vex");
        problem.setProperty("pointer", invalid.invalid().pointer());
        yield problem(problem);
      }
    };
  }

  @GetMapping
  Map<String, Object> list() {
    return Map.of("documents", library.list().stream().map(VexSummary::of).toList());
  }

  @GetMapping("/{id}")
  ResponseEntity<?> get(@PathVariable String id) {
    return library
        .find(id)
        .<ResponseEntity<?>>map(upload -> ResponseEntity.ok(VexDetail.of(upload)))
        .orElseGet(() -> notFound(id));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<?> delete(@PathVariable String id) {
    return library.delete(id) ? ResponseEntity.noContent().build() : notFound(id);
  }

  private static ProblemDetail unprocessable(String detail, String title, String reason) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    problem.setTitle(title);
    problem.setProperty("reason", reason);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> notFound(String id) {
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no VEX document has the id " + id);
    problem.setTitle("VEX document not found");
    problem.setProperty("reason", "not-found");
    return problem(problem);
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
