package io.scanwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void nameValuePairsBecomeLabels() {
    assertThat(
            Labels.parse(
                List.of("team=payments", "environment = production", "app.kubernetes.io/name=api")))
        .isEqualTo(
            Map.of(
                "team", "payments", "environment", "production", "app.kubernetes.io/name", "api"));
  }

  @Test
  void aPairWithoutNameOrEqualsOrWithOddCharactersIsRefusedNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Labels.parse(List.of("payments")))
        .withMessageContaining("name=value")
        .withMessageContaining("'payments'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Labels.parse(List.of("=payments")))
        .withMessageContaining("name=value");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Labels.parse(List.of("Team=payments")))
        .withMessageContaining("label name 'Team'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Labels.parse(List.of("team=pay ments")))
        .withMessageContaining("value of label 'team'");
  }

  @Test
  void aNameGivenTwiceIsRefusedRatherThanOneValueKeptSilently() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Labels.parse(List.of("team=payments", "team=other")))
        .withMessage("label 'team' given twice");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Labels.parse(List.of("team=payments", " team = payments")))
        .withMessage("label 'team' given twice");
  }

  @Test
  void noMoreThanTwentyLabels() {
    var many = new ArrayList<String>();
    for (int i = 0; i < 21; i++) {
      many.add("label" + i + "=x");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Labels.parse(many))
        .withMessageContaining("at most 20");
  }
}
