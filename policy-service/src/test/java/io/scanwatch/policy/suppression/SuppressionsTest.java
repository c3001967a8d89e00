package io.scanwatch.policy.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.exception.ExceptionGrants;
import io.scanwatch.policy.exception.ExceptionOutcome;
import io.scanwatch.policy.exception.ExceptionQuery;
import io.scanwatch.policy.exception.ExceptionRequest;
import io.scanwatch.policy.exception.PolicyException;
import io.scanwatch.policy.exception.PolicyExceptions;
import io.scanwatch.policy.rules.Suppression;
import io.scanwatch.policy.rules.Suppressor;
import io.scanwatch.policy.vex.VexLibrary;
import io.scanwatch.policy.vex.VexUpload;
import io.scanwatch.policy.vex.VexUploads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final String DIGEST =
      "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270";
  private static final ImageReference WEB_1_4 =
      new ImageReference("registry.example.com", "acme/web", "1.4", DIGEST);
  private static final ImageReference WEB_1_5 =
      new ImageReference("registry.example.com", "acme/web", "1.5", null);
  private static final ImageReference WORKER =
      new ImageReference("registry.example.com", "acme/worker", "1.4", null);
  private static final Finding OPENSSL =
      new Finding("CVE-2023-5678", "libssl3", "3.0.11-1", null, Severity.HIGH, null);

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryExceptions exceptionStore = new InMemoryExceptions();
  private final InMemoryVex vexStore = new InMemoryVex();
  private final ExceptionGrants grants =
      new ExceptionGrants(
          exceptionStore, e -> {}, Duration.ofDays(365), id -> Optional.empty(), clock);
  private final VexLibrary vex = new VexLibrary(vexStore, clock);
  private final Suppressions suppressions = new Suppressions(grants, vex, clock);

  @Test
  void anExceptionInForceBeatsAVexStatement() {
    upload("registry.example.com/acme/web", statement("not_affected", "2025-05-01T00:00:00Z"));
    PolicyException exception = grant("CVE-2023-5678", null, NOW.plus(Duration.ofDays(10)));

    Suppression suppression = suppressed(WEB_1_4, OPENSSL).orElseThrow();

    assertThat(suppression)
        .isEqualTo(
            new Suppression(
                Suppression.EXCEPTION,
                exception.id(),
                "accepted until the base image moves",
                "team-web",
                exception.expiresAt()));
  }

  @Test
  void ofSeveralMatchingExceptionsTheOneThatEndsLastIsNamed() {
    grant("CVE-2023-5678", null, NOW.plus(Duration.ofDays(10)));
    PolicyException last = grant("CVE-2023-5678", "acme/*", NOW.plus(Duration.ofDays(90)));
    grant("CVE-2023-5678", "acme/**", NOW.plus(Duration.ofDays(30)));

    assertThat(suppressed(WEB_1_4, OPENSSL).orElseThrow().id()).isEqualTo(last.id());
  }

  @Test
  void anExpiredExceptionLetsTheVexStatementDecide() {
    grant("CVE-2023-5678", null, NOW.plus(Duration.ofHours(1)));
    VexUpload upload =
        upload("registry.example.com/acme/web", statement("not_affected", "2025-05-01T00:00:00Z"));

    clock.set(NOW.plus(Duration.ofHours(1)));

    assertThat(suppressed(WEB_1_4, OPENSSL).orElseThrow().id()).isEqualTo(upload.id());
  }

  @Test
  void aNotAffectedStatementSuppressesWithItsJustificationAndAuthor() {
    VexUpload upload =
        upload("registry.example.com/acme/web", statement("not_affected", "2025-05-01T00:00:00Z"));

    assertThat(suppressed(WEB_1_4, OPENSSL))
        .contains(
            new Suppression(
                Suppression.VEX,
                upload.id(),
                "VEX not_affected: vulnerable_code_not_present",
                "ACME Product Security",
                null));
  }

  @Test
  void aFixedStatementSuppresses() {
    upload("registry.example.com/acme/web", statement("fixed", "2025-05-01T00:00:00Z"));

    assertThat(suppressed(WEB_1_4, OPENSSL).orElseThrow().reason()).isEqualTo("VEX fixed");
  }

  @Test
  void aSubcomponentStatementSuppressesAFindingWithoutPurlByNameAndVersion() {
    upload(
        "registry.example.com/acme/web",
        """
        {"vulnerability": {"name": "CVE-2019-18224"}, "status": "not_affected",
         "justification": "vulnerable_code_not_in_execute_path",
         "subcomponents": [{"@id": "pkg:deb/debian/libidn2-0@2.0.5-1"}]}
        """);
    var libidn = new Finding("CVE-2019-18224", "libidn2-0", "2.0.5-1", null, Severity.HIGH, null);
    var newer = new Finding("CVE-2019-18224", "libidn2-0", "2.3.0-5", null, Severity.HIGH, null);

    assertThat(suppressed(WEB_1_4, libidn)).isPresent();
    assertThat(suppressed(WEB_1_4, newer)).isEmpty();
  }

  @Test
  void anAffectedStatementSuppressesNothing() {
    upload("registry.example.com/acme/web", statement("affected", "2025-05-01T00:00:00Z"));

    assertThat(suppressed(WEB_1_4, OPENSSL)).isEmpty();
  }

  @Test
  void theLatestStatementAcrossDocumentsWins() {
    upload("registry.example.com/acme/web", statement("not_affected", "2025-05-01T00:00:00Z"));
    upload("registry.example.com/acme/web:1.4", statement("affected", "2025-05-02T00:00:00Z"));

    assertThat(suppressed(WEB_1_4, OPENSSL)).isEmpty();

    VexUpload latest =
        upload("registry.example.com/acme/web", statement("fixed", "2025-05-03T00:00:00Z"));

    assertThat(suppressed(WEB_1_4, OPENSSL).orElseThrow().id()).isEqualTo(latest.id());
  }

  @Test
  void aRepositoryScopeAppliesToEveryImageOfTheRepositoryOnly() {
    upload("registry.example.com/acme/web", statement("not_affected", "2025-05-01T00:00:00Z"));

    assertThat(suppressed(WEB_1_4, OPENSSL)).isPresent();
    assertThat(suppressed(WEB_1_5, OPENSSL)).isPresent();
    assertThat(suppressed(WORKER, OPENSSL)).isEmpty();
  }

  @Test
  void anImageScopeAppliesToItsTagOrItsDigestOnly() {
    upload("registry.example.com/acme/web:1.5", statement("not_affected", "2025-05-01T00:00:00Z"));

    assertThat(suppressed(WEB_1_5, OPENSSL)).isPresent();
    assertThat(suppressed(WEB_1_4, OPENSSL)).isEmpty();

    upload(
        "registry.example.com/acme/web@" + DIGEST,
        statement("not_affected", "2025-05-01T00:00:00Z"));

    assertThat(suppressed(WEB_1_4, OPENSSL)).isPresent();
    assertThat(
            suppressed(
                new ImageReference("registry.example.com", "acme/web", "1.4", null), OPENSSL))
        .as("an image without a digest is not the one a digest scope names")
        .isEmpty();
  }

  @Test
  void aScanLoadsExceptionsAndVexDocumentsOnceForAllItsFindings() {
    grant("CVE-2023-5678", null, NOW.plus(Duration.ofDays(10)));
    upload("registry.example.com/acme/web", statement("not_affected", "2025-05-01T00:00:00Z"));
    exceptionStore.reads.set(0);
    vexStore.reads.set(0);

    Suppressor scan = suppressions.forScan(WEB_1_4);
    for (int i = 0; i < 100; i++) {
      scan.suppression(
          WEB_1_4, new Finding("CVE-2024-" + (1000 + i), "pkg", "1", null, Severity.LOW, null));
    }

    assertThat(exceptionStore.reads).hasValue(1);
    assertThat(vexStore.reads).hasValue(1);
  }

  private Optional<Suppression> suppressed(ImageReference image, Finding finding) {
    return suppressions.forScan(image).suppression(image, finding);
  }

  private PolicyException grant(String vulnerabilityId, String repository, Instant expiresAt) {
    var outcome =
        grants.grant(
            new ExceptionRequest(
                vulnerabilityId,
                repository,
                null,
                null,
                "accepted until the base image moves",
                "team-web",
                expiresAt,
                null,
                false));
    return ((ExceptionOutcome.Saved) outcome).exception();
  }

  private VexUpload upload(String scope, String statement) {
    String json =
        """
        {
          "@context": "https://openvex.dev/ns/v0.2.0",
          "@id": "https://vex.acme.example/web/%s",
          "author": "ACME Product Security",
          "timestamp": "2025-04-01T00:00:00Z",
          "version": 1,
          "statements": [%s]
        }
        """
            .formatted(vexStore.uploads.size(), statement);
    clock.set(clock.instant().plusMillis(1));
    var outcome = vex.upload(scope, json.getBytes(StandardCharsets.UTF_8), null);
    return ((VexLibrary.UploadOutcome.Uploaded) outcome).upload();
  }

  private static String statement(String status, String timestamp) {
    String justification =
        status.equals("not_affected") ? ", \"justification\": \"vulnerable_code_not_present\"" : "";
    return """
        {"vulnerability": {"name": "CVE-2023-5678"}, "status": "%s", "timestamp": "%s"%s}
        """
        .formatted(status, timestamp, justification);
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class InMemoryExceptions implements PolicyExceptions {
    final Map<String, PolicyException> exceptions = new LinkedHashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void insert(PolicyException exception) {
      exceptions.put(exception.id(), exception);
    }

    @Override
    public Optional<PolicyException> find(String id) {
      return Optional.ofNullable(exceptions.get(id));
    }

    @Override
    public List<PolicyException> list(
        ExceptionQuery.State state, String vulnerabilityId, Instant now, int limit) {
      return List.copyOf(exceptions.values());
    }

    @Override
    public List<PolicyException> activeAt(Instant now) {
      reads.incrementAndGet();
      return exceptions.values().stream().filter(e -> e.activeAt(now)).toList();
    }

    @Override
    public Optional<PolicyException> change(String id, Instant expiresAt, String reason) {
      return Optional.empty();
    }

    @Override
    public boolean delete(String id) {
      return exceptions.remove(id) != null;
    }

    @Override
    public List<PolicyException> expiredUnnoticed(Instant now, int limit) {
      return List.of();
    }

    @Override
    public boolean claimNotice(String id, Instant now) {
      return false;
    }

    @Override
    public void releaseNotice(String id) {}
  }

  static final class InMemoryVex implements VexUploads {
    final List<VexUpload> uploads = new ArrayList<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void insert(VexUpload upload) {
      uploads.add(upload);
    }

    @Override
    public Optional<VexUpload> find(String id) {
      return uploads.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public List<VexUpload> list(int limit) {
      return uploads.stream()
          .sorted(Comparator.comparing(VexUpload::uploadedAt).reversed())
          .toList();
    }

    @Override
    public List<VexUpload> inRepository(String repositoryKey) {
      reads.incrementAndGet();
      return uploads.stream().filter(u -> u.scope().repositoryKey().equals(repositoryKey)).toList();
    }

    @Override
    public boolean delete(String id) {
      return uploads.removeIf(u -> u.id().equals(id));
    }
  }
}
