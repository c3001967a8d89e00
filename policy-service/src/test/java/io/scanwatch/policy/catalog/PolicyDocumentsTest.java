package io.scanwatch.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.rules.Conditions;
import io.scanwatch.policy.rules.PackageClass;
import io.scanwatch.policy.rules.Policy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Policy documents in, policies or pointed errors out; never an exception. */
class PolicyDocumentsTest {

  private static final String FULL =
      """
      name: payments-production
      description: Payments images running in production
      selector:
        repositories: ["payments/**", "registry.example.com/shared/payments-*"]
        labels: {team: payments, environment: production}
      conditions:
        maxFindings: {CRITICAL: 0, HIGH: 0, MEDIUM: 10}
        fixableOnly: true
        ignoreStatuses: [will_not_fix, end_of_life]
        packageClass: os            # all | os | language
        minCvss: 7.0
        ageGraceDays: 3
        failOnEndOfLifeOs: true
        maxMisconfigurations: 0
        maxSecrets: 0
        knownExploited: escalate    # escalate | ignore
      """;

  @Test
  void everyConditionIsRead() {
    Policy policy = single(FULL);

    assertThat(policy.name()).isEqualTo("payments-production");
    assertThat(policy.description()).isEqualTo("Payments images running in production");
    assertThat(policy.selector().repositories())
        .containsExactly("payments/**", "registry.example.com/shared/payments-*");
    assertThat(policy.selector().labels())
        .isEqualTo(Map.of("team", "payments", "environment", "production"));
    assertThat(policy.conditions())
        .isEqualTo(
            new Conditions(
                Map.of(Severity.CRITICAL, 0, Severity.HIGH, 0, Severity.MEDIUM, 10),
                true,
                Set.of("will_not_fix", "end_of_life"),
                PackageClass.OS,
                7.0,
                3,
                true,
                0,
                0,
                true));
  }

  @Test
  void absentConditionsAreOffExceptKnownExploitedWhichEscalates() {
    Policy policy = single("name: bare");

    assertThat(policy.conditions())
        .isEqualTo(
            new Conditions(
                Map.of(), false, Set.of(), PackageClass.ALL, null, 0, false, null, null, true));
    assertThat(policy.selector().repositories()).isEmpty();
  }

  @Test
  void knownExploitedIgnoreTurnsTheRuleOff() {
    assertThat(
            single("name: a\nconditions: {knownExploited: ignore}")
                .conditions()
                .escalateKnownExploited())
        .isFalse();
  }

  @Test
  void jsonIsReadLikeYamlEvenIndentedWithTabs() {
    Policy policy =
        single(
            "{\n\t\"name\": \"json-policy\",\n\t\"conditions\": {\"maxFindings\": {\"HIGH\": 2}}\n}");

    assertThat(policy.name()).isEqualTo("json-policy");
    assertThat(policy.conditions().maxFindings()).isEqualTo(Map.of(Severity.HIGH, 2));
  }

  @Test
  void aDocumentWrittenBackReadsAsTheSamePolicy() {
    Policy policy = single(FULL);

    assertThat(single(PolicyDocuments.toYaml(policy))).isEqualTo(policy);
  }

  @Test
  void severalDocumentsInOneTextAreSeveralPolicies() {
    var result =
        PolicyDocuments.readAll(
            """
            name: first
            ---
            name: second
            conditions: {maxFindings: {CRITICAL: 0}}
            ---
            """);

    assertThat(result).isInstanceOf(PolicyDocuments.Read.class);
    assertThat(((PolicyDocuments.Read) result).policies())
        .extracting(Policy::name)
        .containsExactly("first", "second");
  }

  @Test
  void theApiTakesOneDocumentOnly() {
    assertThat(errors("name: first\n---\nname: second\n"))
        .containsExactly(new FieldError("", "must hold one policy document, not 2 documents"));
  }

  @Test
  void anErrorInTheSecondDocumentSaysWhichDocument() {
    assertThat(errors(PolicyDocuments.readAll("name: first\n---\nname: Second\n")))
        .extracting(FieldError::pointer, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/name",
                "document 2: must be 1 to 63 lower-case letters, digits and dashes, starting with"
                    + " a letter or digit"));
  }

  @Test
  void aNameDefinedTwiceInOneFileIsAnError() {
    assertThat(errors(PolicyDocuments.readAll("name: same\n---\nname: same\n")))
        .extracting(FieldError::pointer)
        .containsExactly("/name");
  }

  @Test
  void eachBadValueIsReportedAtItsPointer() {
    var errors =
        errors(
            """
            description: 42
            selector:
              repositories: ["payments/**", "bad glob", "/leading", "a//b", "***"]
              labels: {team: 7}
            conditions:
              maxFindings: {CRITICAL: -1, HIGH: 1.5, SEVERE: 2, MEDIUM: "3"}
              fixableOnly: "yes please"
              ignoreStatuses: [will_not_fix, wontfix]
              packageClass: binaries
              minCvss: 11
              ageGraceDays: -3
              failOnEndOfLifeOs: 1
              maxMisconfigurations: many
              maxSecrets: -1
              knownExploited: panic
            """);

    assertThat(errors)
        .extracting(FieldError::pointer)
        .containsExactlyInAnyOrder(
            "/name",
            "/description",
            "/selector/repositories/1",
            "/selector/repositories/2",
            "/selector/repositories/3",
            "/selector/repositories/4",
            "/selector/labels/team",
            "/conditions/maxFindings/CRITICAL",
            "/conditions/maxFindings/HIGH",
            "/conditions/maxFindings/SEVERE",
            "/conditions/maxFindings/MEDIUM",
            "/conditions/fixableOnly",
            "/conditions/ignoreStatuses/1",
            "/conditions/packageClass",
            "/conditions/minCvss",
            "/conditions/ageGraceDays",
            "/conditions/failOnEndOfLifeOs",
            "/conditions/maxMisconfigurations",
            "/conditions/maxSecrets",
            "/conditions/knownExploited");
    assertThat(errors)
        .contains(
            new FieldError("/name", "is required"),
            new FieldError("/conditions/maxFindings/HIGH", "must be a whole number >= 0"),
            new FieldError(
                "/conditions/maxFindings/SEVERE",
                "unknown severity 'SEVERE'; expected one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN"),
            new FieldError("/conditions/minCvss", "must be a number from 0 to 10"),
            new FieldError("/conditions/packageClass", "must be one of all, language, os"),
            new FieldError("/conditions/knownExploited", "must be one of escalate, ignore"));
  }

  @Test
  void unknownKeysAnywhereAreNamedNotIgnored() {
    var errors =
        errors(
            """
            name: typo
            descripton: misspelt
            selector: {repository: ["a/*"], labels: {team: a}}
            conditions: {maxFinding: {HIGH: 0}, fixableonly: true}
            """);

    assertThat(errors)
        .containsExactlyInAnyOrder(
            new FieldError(
                "/descripton",
                "unknown key 'descripton'; expected one of name, description, selector, conditions"),
            new FieldError(
                "/selector/repository",
                "unknown key 'repository'; expected one of repositories, labels"),
            new FieldError(
                "/conditions/maxFinding",
                "unknown key 'maxFinding'; expected one of maxFindings, fixableOnly,"
                    + " ignoreStatuses, packageClass, minCvss, ageGraceDays, failOnEndOfLifeOs,"
                    + " maxMisconfigurations, maxSecrets, knownExploited"),
            new FieldError(
                "/conditions/fixableonly",
                "unknown key 'fixableonly'; expected one of maxFindings, fixableOnly,"
                    + " ignoreStatuses, packageClass, minCvss, ageGraceDays, failOnEndOfLifeOs,"
                    + " maxMisconfigurations, maxSecrets, knownExploited"));
  }

  @Test
  void aKeyWithASlashIsEscapedInItsPointer() {
    assertThat(errors("name: a\nconditions: {max/findings~x: 1}"))
        .extracting(FieldError::pointer)
        .containsExactly("/conditions/max~1findings~0x");
  }

  @Test
  void hugeNumbersAreErrorsNotOverflows() {
    var errors =
        errors(
            """
            name: huge
            conditions:
              maxFindings: {HIGH: 99999999999999999999999999999999999999}
              minCvss: 1e400
              ageGraceDays: 2147483648
            """);

    assertThat(errors)
        .containsExactlyInAnyOrder(
            new FieldError(
                "/conditions/maxFindings/HIGH", "must be a whole number >= 0 and <= 2147483647"),
            new FieldError("/conditions/minCvss", "must be a number from 0 to 10"),
            new FieldError(
                "/conditions/ageGraceDays", "must be a whole number >= 0 and <= 2147483647"));
  }

  @Test
  void textThatIsNotYamlIsOneErrorForTheDocument() {
    assertThat(errors("name: [unclosed\n  : : :"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.pointer()).isEmpty();
              assertThat(e.message()).startsWith("is not valid YAML or JSON: ");
            });
    assertThat(errors("just a sentence"))
        .containsExactly(
            new FieldError("", "must be a mapping of name, description, selector, conditions"));
    assertThat(errors("   ")).extracting(FieldError::pointer).containsExactly("");
    assertThat(errors((String) null)).extracting(FieldError::pointer).containsExactly("");
  }

  @Test
  void aBillionLaughsIsRefusedByTheAliasLimit() {
    var bomb =
        new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
      previous = c;
    }

    assertThat(errors(bomb.toString()))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("aliases"));
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "name: a\ndescription: " + "[".repeat(5_000) + "]".repeat(5_000);

    assertThat(errors(deep))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("is not valid YAML or JSON: "));
  }

  @Test
  void aTextOverTheCodePointLimitIsRefused() {
    String big = "name: a\ndescription: \"" + "x".repeat(1_100_000) + "\"";

    assertThat(errors(big)).extracting(FieldError::pointer).containsExactly("");
  }

  @Test
  void javaTypeTagsAreRefused() {
    assertThat(errors("!!javax.script.ScriptEngineManager [!!java.net.URL [\"http://x\"]]"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("is not valid YAML or JSON: "));
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThat(errors("name: a\nname: b\n"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("duplicate key"));
  }

  private static Policy single(String text) {
    var result = PolicyDocuments.read(text);
    assertThat(result).isInstanceOf(PolicyDocuments.Read.class);
    return ((PolicyDocuments.Read) result).policies().getFirst();
  }

  private static List<FieldError> errors(String text) {
    return errors(PolicyDocuments.read(text));
  }

  private static List<FieldError> errors(PolicyDocuments.Result result) {
    assertThat(result).isInstanceOf(PolicyDocuments.Rejected.class);
    return ((PolicyDocuments.Rejected) result).errors();
  }
}
