package io.scanwatch.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scanwatch.policy.rules.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy files: a folder read at start, read again on change, a bad edit ignored. */
class PolicyFilesTest {

  @TempDir Path folder;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

  @Test
  void everyYamlFileOfTheFolderIsReadAndOtherFilesAreSkipped() throws IOException {
    write("payments.yaml", "name: payments\n---\nname: payments-staging\n");
    write("web.yml", "name: web\n");
    write("README.md", "not a policy");
    write(".hidden.yaml", "name: hidden\n");

    List<FilePolicy> policies = new PolicyFiles(folder, clock).load();

    assertThat(policies)
        .extracting(p -> p.policy().name())
        .containsExactly("payments", "payments-staging", "web");
    assertThat(policies.getFirst().file()).isEqualTo(folder.resolve("payments.yaml"));
    assertThat(policies.getFirst().name())
        .as("answers show the file relative to the policies path, not the server's path")
        .isEqualTo("payments.yaml");
  }

  @Test
  void oneFileMayBeThePath() throws IOException {
    Path file = write("policies.yaml", "name: one\n---\nname: two\n");

    List<FilePolicy> policies = new PolicyFiles(file, clock).load();

    assertThat(policies).hasSize(2);
    assertThat(policies).extracting(FilePolicy::name).containsOnly("policies.yaml");
  }

  @Test
  void aBadFileAtStartFailsNamingTheFilePointerAndMessage() throws IOException {
    write("good.yaml", "name: good\n");
    write("bad.yaml", "name: bad\nconditions: {maxFindings: {HIGH: -1}}\n");

    assertThatThrownBy(() -> new PolicyFiles(folder, clock).load())
        .isInstanceOf(PolicyFiles.InvalidPolicyFilesException.class)
        .hasMessageContaining(
            folder.resolve("bad.yaml")
                + ": /conditions/maxFindings/HIGH: must be a whole number >= 0");
  }

  @Test
  void aNameInTwoFilesFailsAtStart() throws IOException {
    write("a.yaml", "name: same\n");
    write("b.yaml", "name: same\n");

    assertThatThrownBy(() -> new PolicyFiles(folder, clock).load())
        .hasMessageContaining("policy 'same' is also defined in");
  }

  @Test
  void aMissingPathFailsAtStart() {
    assertThatThrownBy(() -> new PolicyFiles(folder.resolve("absent"), clock).load())
        .isInstanceOf(PolicyFiles.InvalidPolicyFilesException.class)
        .hasMessageContaining("no such file or folder");
  }

  @Test
  void aChangedFileIsReadAgainOnceThirtySecondsHavePassed() throws IOException {
    write("web.yaml", "name: web\n");
    var files = new PolicyFiles(folder, clock);
    files.load();
    write("web.yaml", "name: web\ndescription: edited\n");
    write("api.yaml", "name: api\n");

    clock.advance(Duration.ofSeconds(29));
    assertThat(files.reloadIfChanged()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    Optional<List<FilePolicy>> reloaded = files.reloadIfChanged();
    assertThat(reloaded).isPresent();
    assertThat(reloaded.get())
        .extracting(p -> p.policy().name(), p -> p.policy().description())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api", null),
            org.assertj.core.groups.Tuple.tuple("web", "edited"));

    clock.advance(Duration.ofSeconds(30));
    assertThat(files.reloadIfChanged()).as("nothing changed since").isEmpty();
  }

  @Test
  void aBadEditKeepsTheLastGoodPoliciesInTheCatalog() throws IOException {
    write("web.yaml", "name: web\nconditions: {maxFindings: {HIGH: 1}}\n");
    var files = new PolicyFiles(folder, clock);
    var catalog =
        new PolicyCatalog(new Policy(Policy.DEFAULT, null, null, CatalogTestPolicies.none()));
    catalog.replaceFilePolicies(files.load());

    write("web.yaml", "name: web\nconditions: {maxFindings: {HIGH: lots}}\n");
    clock.advance(PolicyFiles.CHECK_INTERVAL);
    files.reloadIfChanged().ifPresent(catalog::replaceFilePolicies);

    assertThat(files.reloadIfChanged()).isEmpty();
    assertThat(catalog.current().find("web").orElseThrow().policy().conditions().maxFindings())
        .containsEntry(io.scanwatch.contracts.Severity.HIGH, 1);

    write("web.yaml", "name: web\nconditions: {maxFindings: {HIGH: 3}}\n");
    clock.advance(PolicyFiles.CHECK_INTERVAL);
    files.reloadIfChanged().ifPresent(catalog::replaceFilePolicies);

    assertThat(catalog.current().find("web").orElseThrow().policy().conditions().maxFindings())
        .containsEntry(io.scanwatch.contracts.Severity.HIGH, 3);
  }

  @Test
  void aDeletedFileTakesItsPoliciesOutOfForce() throws IOException {
    write("web.yaml", "name: web\n");
    Path other = write("api.yaml", "name: api\n");
    var files = new PolicyFiles(folder, clock);
    files.load();

    Files.delete(other);
    clock.advance(PolicyFiles.CHECK_INTERVAL);

    assertThat(files.reloadIfChanged().orElseThrow())
        .extracting(p -> p.policy().name())
        .containsExactly("web");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
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
}
