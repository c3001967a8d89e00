package io.scanwatch.notifier.routing;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.RepositoryGlob;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A route with its inherited settings resolved: the unit the router hands alerts to.
 *
 * @param id the route's name, or its position such as {@code root/0/1}
 * @param receivers the receivers its alerts go to
 * @param priorities the priorities it takes, or empty for all
 * @param repositories the repository globs it takes, or empty for all
 * @param teams the {@code team} label values it takes (lower case), or empty for all
 * @param environments the {@code environment} label values it takes (lower case), or empty for all
 * @param states the new and changed alert states it notifies ({@code FIRING}, {@code UPDATED})
 * @param continueMatching whether later siblings are tried after this route took an alert
 * @param groupBy the group key's parts
 * @param groupWait how long the first alert of a group waits for others
 * @param repeatInterval how often an open alert is notified again; zero for never
 * @param sendResolved whether resolutions are notified
 * @param children the child routes, tried in order
 */
public record Route(
    String id,
    List<String> receivers,
    Set<Priority> priorities,
    List<RepositoryGlob> repositories,
    Set<String> teams,
    Set<String> environments,
    Set<AlertState> states,
    boolean continueMatching,
    List<GroupKey.Part> groupBy,
    Duration groupWait,
    Duration repeatInterval,
    boolean sendResolved,
    List<Route> children) {

  /** The label that names an image's team. */
  public static final String TEAM_LABEL = "team";

  /** The labels that name an image's environment, the first one present wins. */
  public static final List<String> ENVIRONMENT_LABELS = List.of("environment", "env");

  public Route {
    receivers = List.copyOf(receivers);
    priorities = Set.copyOf(priorities);
    repositories = List.copyOf(repositories);
    teams = Set.copyOf(teams);
    environments = Set.copyOf(environments);
    states = Set.copyOf(states);
    groupBy = List.copyOf(groupBy);
    children = List.copyOf(children);
  }

  /** This route with {@code children} tried before it. */
  Route withChildren(List<Route> children) {
    return new Route(
        id,
        receivers,
        priorities,
        repositories,
        teams,
        environments,
        states,
        continueMatching,
        groupBy,
        groupWait,
        repeatInterval,
        sendResolved,
        children);
  }

  /** Whether the route's matchers take {@code alert}, whatever its state. */
  public boolean matches(AlertEvent alert) {
    return (priorities.isEmpty() || priorities.contains(alert.priority()))
        && (repositories.isEmpty()
            || repositories.stream().anyMatch(glob -> glob.matches(alert.image())))
        && isAmong(team(alert.labels()), teams)
        && isAmong(environment(alert.labels()), environments);
  }

  private static boolean isAmong(String label, Set<String> values) {
    // An image without the label matches only a route that does not ask for it.
    return values.isEmpty() || (label != null && values.contains(lowerCase(label)));
  }

  /**
   * Whether the route notifies an alert in {@code state}: new and changed alerts as configured,
   * escalations always, resolutions when it sends them.
   */
  public boolean notifies(AlertState state) {
    return switch (state) {
      case FIRING, UPDATED -> states.contains(state);
      case ESCALATED -> true;
      case RESOLVED -> sendResolved;
    };
  }

  /** The image's team, from its labels, or {@code null}. */
  public static String team(Map<String, String> labels) {
    return labels.get(TEAM_LABEL);
  }

  /** The image's environment, from its labels, or {@code null}. */
  public static String environment(Map<String, String> labels) {
    return ENVIRONMENT_LABELS.stream()
        .map(labels::get)
        .filter(value -> value != null)
        .findFirst()
        .orElse(null);
  }

  static Set<String> lowerCase(List<String> values) {
    return values.stream().map(Route::lowerCase).collect(Collectors.toSet());
  }

  private static String lowerCase(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
