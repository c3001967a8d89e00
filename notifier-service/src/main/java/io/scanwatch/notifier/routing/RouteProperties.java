package io.scanwatch.notifier.routing;

import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Priority;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.Name;

/**
 * One route as configured: which alerts it takes, who they go to, and how they are grouped. The
 * root is {@code scanwatch.notifier.route}; a child leaves a setting out to inherit its parent's.
 *
 * @param name shown in logs and the delivery history; defaults to the route's position
 * @param receivers the receivers its alerts go to; empty inherits the parent's (every receiver at
 *     the root)
 * @param match what an alert must have for the route to take it; left out, every alert matches
 * @param continueMatching {@code continue}: after this route took an alert, try its later siblings
 *     too
 * @param groupBy what alerts must share to go out in one message: {@code repository}, {@code
 *     image}, {@code tag}, {@code priority}, {@code team}, {@code environment}, {@code alert}
 * @param groupWait how long the first alert of a group waits for others; zero sends at once
 * @param repeatInterval how often an alert that is still open is notified again; zero never
 * @param sendResolved whether a resolution is notified
 * @param routes child routes, tried in order before this one
 */
public record RouteProperties(
    String name,
    List<String> receivers,
    Match match,
    @Name("continue") Boolean continueMatching,
    List<String> groupBy,
    Duration groupWait,
    Duration repeatInterval,
    Boolean sendResolved,
    List<RouteProperties> routes) {

  public RouteProperties {
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    routes = routes == null ? List.of() : List.copyOf(routes);
  }

  /**
   * What an alert must have; every list that is given must contain the alert's value, and an empty
   * or missing list matches everything.
   *
   * @param priorities e.g. {@code [P0, P1]}
   * @param repositories repository globs ({@code *} within a path segment, {@code **} across),
   *     compared without regard to case
   * @param teams values of the image's {@code team} label
   * @param environments values of the image's {@code environment} (or {@code env}) label
   * @param states which new and changed alerts to notify: {@code FIRING} and {@code UPDATED};
   *     escalations always notify, resolutions as {@code send-resolved} says. Default {@code
   *     [FIRING]}
   */
  public record Match(
      List<Priority> priorities,
      List<String> repositories,
      List<String> teams,
      List<String> environments,
      List<AlertState> states) {

    public Match {
      priorities = priorities == null ? List.of() : List.copyOf(priorities);
      repositories = repositories == null ? List.of() : List.copyOf(repositories);
      teams = teams == null ? List.of() : List.copyOf(teams);
      environments = environments == null ? List.of() : List.copyOf(environments);
      states = states == null ? List.of() : List.copyOf(states);
    }
  }
}
