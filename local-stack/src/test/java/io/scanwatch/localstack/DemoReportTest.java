package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DemoReportTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void stampedReportNamesARunUniqueTagEverywhereTrivyNamesTheImage() throws Exception {
    var original = Files.readString(example(Demo.FAILING_EXAMPLE));

    var report = DemoReport.stamped(original, "demo-20260102-030405");

    var image = "ghcr.io/aquasecurity/trivy-test-images:spring4shell-jre11-demo-20260102-030405";
    assertThat(report.image()).isEqualTo(image);
    assertThat(report.tag()).isEqualTo("spring4shell-jre11-demo-20260102-030405");
    var stamped = json.readTree(report.json());
    assertThat(stamped.path("ArtifactName").asString()).isEqualTo(image);
    assertThat(stamped.path("Metadata").path("Reference").asString()).isEqualTo(image);
    assertThat(stamped.path("Metadata").path("RepoTags").get(0).asString()).isEqualTo(image);
  }

  @Test
  void eachStampGetsItsOwnReportIdAndKeepsTheFindings() throws Exception {
    var original = Files.readString(example(Demo.PASSING_EXAMPLE));

    var first = json.readTree(DemoReport.stamped(original, "a").json());
    var second = json.readTree(DemoReport.stamped(original, "a").json());

    assertThat(first.path("ReportID").asString())
        .isNotEqualTo(second.path("ReportID").asString())
        .isNotEqualTo(json.readTree(original).path("ReportID").asString());
    assertThat(first.path("Results")).isEqualTo(json.readTree(original).path("Results"));
  }

  @Test
  void anImageWithoutTagGetsLatestAndARegistryPortIsNotATag() {
    assertThat(DemoReport.withTagSuffix("registry:5000/team/app", "demo-1"))
        .isEqualTo("registry:5000/team/app:latest-demo-1");
    assertThat(DemoReport.withTagSuffix("registry:5000/team/app:2.1", "demo-1"))
        .isEqualTo("registry:5000/team/app:2.1-demo-1");
  }

  private static Path example(String name) {
    return StackConfig.locateRepository().resolve("examples").resolve(name);
  }
}
