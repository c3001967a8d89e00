package io.scanwatch.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.routing.RouteProperties.Match;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which receivers an alert reaches, as Alertmanager users expect from a route tree. */
class RouterTest {

  private static final List<String> RECEIVERS =
      List.of("security-slack", "payments-oncall", "prod-email", "audit-webhook");

  private static final ImageReference PAYMENTS_API =
      new ImageReference("registry.acme.test", "payments/api", "2.1", null);
  private static final ImageReference SHOP_WEB =
      new ImageReference("registry.acme.test", "shop/web", "1.0", null);

  @Test
  void withNoRoutesConfiguredEveryReceiverGetsEveryAlert() {
    Router router = new Router(Routes.resolve(null, RECEIVERS));

    assertThat(receivers(router, alert(SHOP_WEB, Priority.P2, Map.of()))).isEqualTo(RECEIVERS);
  }

  @Test
  void theFirstMatchingChildTakesTheAlertAndTheRestAreNotTried() {
    Router router = new Router(Routes.resolve(tree(false), RECEIVERS));

    assertThat(receivers(router, alert(PAYMENTS_API, Priority.P0, Map.of("team", "payments"))))
        .containsExactly("payments-oncall");
  }

  @Test
  void continueLetsTheNextSiblingsTakeTheAlertToo() {
    Router router = new Router(Routes.resolve(tree(true), RECEIVERS));

    assertThat(
            receivers(
                router,
                alert(
                    PAYMENTS_API,
                    Priority.P0,
                    Map.of("team", "Payments", "environment", "production"))))
        .containsExactly("payments-oncall", "prod-email");
  }

  @Test
  void anAlertNoChildTakesGoesToTheRootsReceivers() {
    Router router = new Router(Routes.resolve(tree(false), RECEIVERS));

    assertThat(receivers(router, alert(SHOP_WEB, Priority.P0, Map.of("team", "shop"))))
        .containsExactly("security-slack");
  }

  @Test
  void anAlertTheRootDoesNotMatchGoesNowhere() {
    Router router = new Router(Routes.resolve(tree(false), RECEIVERS));

    assertThat(router.route(alert(SHOP_WEB, Priority.P3, Map.of()))).isEmpty();
  }

  @Test
  void repositoryGlobsMatchWithoutRegardToCaseAndByRegistryToo() {
    var route =
        root(
            List.of("security-slack"),
            new Match(null, List.of("registry.acme.test/PAYMENTS/**"), null, null, null),
            List.of());
    Router router = new Router(Routes.resolve(route, RECEIVERS));

    assertThat(router.route(alert(PAYMENTS_API, Priority.P1, Map.of()))).hasSize(1);
    assertThat(router.route(alert(SHOP_WEB, Priority.P1, Map.of()))).isEmpty();
  }

  @Test
  void updatesAreNotifiedOnlyWhereTheRouteAsksForThemButEscalationsAlways() {
    var quiet = root(List.of("security-slack"), null, List.of());
    var chatty =
        root(
            List.of("security-slack"),
            new Match(null, null, null, null, List.of(AlertState.FIRING, AlertState.UPDATED)),
            List.of());

    AlertEvent updated = AlertEvents.alert(SHOP_WEB, Priority.P0, AlertState.UPDATED);
    AlertEvent escalated = AlertEvents.alert(SHOP_WEB, Priority.P0, AlertState.ESCALATED);
    assertThat(new Router(Routes.resolve(quiet, RECEIVERS)).route(updated)).isEmpty();
    assertThat(new Router(Routes.resolve(chatty, RECEIVERS)).route(updated)).hasSize(1);
    assertThat(new Router(Routes.resolve(quiet, RECEIVERS)).route(escalated)).hasSize(1);
  }

  @Test
  void resolutionsFollowSendResolved() {
    var keepsQuiet =
        new RouteProperties(
            null, List.of("security-slack"), null, null, null, null, null, false, null);
    AlertEvent resolved = AlertEvents.alert(SHOP_WEB, Priority.P0, AlertState.RESOLVED);

    assertThat(new Router(Routes.resolve(keepsQuiet, RECEIVERS)).route(resolved)).isEmpty();
    assertThat(new Router(Routes.resolve(null, RECEIVERS)).route(resolved)).isNotEmpty();
  }

  @Test
  void aChildInheritsWhatItLeavesOutAndOverridesWhatItSets() {
    var child =
        new RouteProperties("fast", null, null, null, null, Duration.ZERO, null, null, null);
    var parent =
        new RouteProperties(
            null,
            List.of("security-slack"),
            null,
            null,
            List.of("repository", "priority"),
            Duration.ofSeconds(45),
            Duration.ofHours(12),
            false,
            List.of(child));

    Route root = Routes.resolve(parent, RECEIVERS);
    Route fast = root.children().getFirst();

    assertThat(fast.receivers()).containsExactly("security-slack");
    assertThat(fast.groupWait()).isZero();
    assertThat(fast.repeatInterval()).isEqualTo(Duration.ofHours(12));
    assertThat(fast.groupBy()).containsExactly(GroupKey.Part.REPOSITORY, GroupKey.Part.PRIORITY);
    assertThat(fast.sendResolved()).isFalse();
  }

  @Test
  void aConfigurationThatCannotWorkIsRefusedWithEveryProblemNamed() {
    var broken =
        new RouteProperties(
            null,
            List.of("nobody"),
            new Match(null, List.of("team//x"), null, null, List.of(AlertState.RESOLVED)),
            null,
            List.of("colour"),
            Duration.ofSeconds(-1),
            null,
            null,
            null);

    assertThatThrownBy(() -> Routes.resolve(broken, RECEIVERS))
        .isInstanceOf(InvalidRoutesException.class)
        .hasMessageContaining("receiver nobody, which is not configured")
        .hasMessageContaining("empty path segment")
        .hasMessageContaining("lists state RESOLVED")
        .hasMessageContaining("groups by \"colour\"")
        .hasMessageContaining("negative group-wait");
  }

  @Test
  void alertsOfOneGroupShareAKeyAndOthersDoNot() {
    Route root = Routes.resolve(null, RECEIVERS);
    AlertEvent first = alert(PAYMENTS_API, Priority.P0, Map.of());
    AlertEvent otherTag =
        alert(
            new ImageReference("registry.acme.test", "payments/api", "2.2", null),
            Priority.P1,
            Map.of());

    assertThat(GroupKey.of(root, first)).isEqualTo(GroupKey.of(root, otherTag));
    assertThat(GroupKey.of(root, first))
        .isNotEqualTo(GroupKey.of(root, alert(SHOP_WEB, Priority.P0, Map.of())));
  }

  @Test
  void theReceiversATreeSendsToAreKnownSoUnusedOnesCanBeReported() {
    assertThat(Routes.receiversOf(Routes.resolve(tree(false), RECEIVERS)))
        .containsExactlyInAnyOrder("security-slack", "payments-oncall", "prod-email");
  }

  /** P0 and P1 to security-slack; payments to on-call; production to e-mail. */
  private static RouteProperties tree(boolean paymentsContinues) {
    var payments =
        new RouteProperties(
            "payments",
            List.of("payments-oncall"),
            new Match(null, null, List.of("payments"), null, null),
            paymentsContinues,
            null,
            null,
            null,
            null,
            null);
    var production =
        new RouteProperties(
            "production",
            List.of("prod-email"),
            new Match(null, null, null, List.of("production"), null),
            null,
            null,
            null,
            null,
            null,
            null);
    return root(
        List.of("security-slack"),
        new Match(List.of(Priority.P0, Priority.P1), null, null, null, null),
        List.of(payments, production));
  }

  private static RouteProperties root(
      List<String> receivers, Match match, List<RouteProperties> children) {
    return new RouteProperties(null, receivers, match, null, null, null, null, null, children);
  }

  private static List<String> receivers(Router router, AlertEvent alert) {
    return router.route(alert).stream().map(Router.Routed::receiver).toList();
  }

  private static AlertEvent alert(
      ImageReference image, Priority priority, Map<String, String> labels) {
    return AlertEvents.withLabels(AlertEvents.alert(image, priority, AlertState.FIRING), labels);
  }
}
