package io.scanwatch.notifier.routing;

import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.RepositoryGlob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves configured routes into {@link Route}s: children inherit the settings they leave out, and
 * every problem (an unknown receiver, a bad glob, a negative duration, a group-by key that does not
 * exist) is collected, so a configuration that cannot work stops the service at start with all of
 * them named.
 */
public final class Routes {

  /** What a root route leaves out. */
  static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);

  static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);
  static final List<GroupKey.Part> DEFAULT_GROUP_BY = List.of(GroupKey.Part.REPOSITORY);
  static final Set<AlertState> DEFAULT_STATES = Set.of(AlertState.FIRING);

  private final List<String> knownReceivers;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  private Routes(List<String> knownReceivers) {
    this.knownReceivers = List.copyOf(knownReceivers);
  }

  /**
   * The route tree of {@code root}.
   *
   * @param knownReceivers every configured receiver; the root sends to all of them unless it names
   *     its own
   * @throws InvalidRoutesException naming every problem
   */
  public static Route resolve(RouteProperties root, List<String> knownReceivers) {
    var routes = new Routes(knownReceivers);
    RouteProperties configured =
        root == null
            ? new RouteProperties(null, null, null, null, null, null, null, null, null)
            : root;
    Route resolved = routes.resolve(configured, null, "root");
    if (!routes.problems.isEmpty()) {
      throw new InvalidRoutesException(routes.problems);
    }
    return resolved;
  }

  /** Every receiver some route of the tree under {@code route} sends to. */
  public static Set<String> receiversOf(Route route) {
    var receivers = new HashSet<>(route.receivers());
    route.children().forEach(child -> receivers.addAll(receiversOf(child)));
    return receivers;
  }

  private Route resolve(RouteProperties configured, Route parent, String position) {
    String id =
        configured.name() == null || configured.name().isBlank() ? position : configured.name();
    if (!ids.add(id)) {
      problems.add("route name " + id + " is used twice");
    }
    List<String> receivers =
        !configured.receivers().isEmpty()
            ? configured.receivers()
            : parent == null ? knownReceivers : parent.receivers();
    for (String receiver : configured.receivers()) {
      if (!knownReceivers.contains(receiver)) {
        problems.add(
            "route "
                + id
                + " sends to receiver "
                + receiver
                + ", which is not configured; the"
                + " receivers are "
                + knownReceivers);
      }
    }
    RouteProperties.Match match =
        configured.match() == null
            ? new RouteProperties.Match(null, null, null, null, null)
            : configured.match();
    var globs = new ArrayList<RepositoryGlob>();
    for (String glob : match.repositories()) {
      Optional<String> problem = RepositoryGlob.problem(glob);
      problem.ifPresentOrElse(
          reason -> problems.add("route " + id + ": " + reason),
          () -> globs.add(RepositoryGlob.ignoringCase(glob)));
    }
    for (AlertState state : match.states()) {
      if (state == AlertState.ESCALATED || state == AlertState.RESOLVED) {
        problems.add(
            "route "
                + id
                + " lists state "
                + state
                + "; escalations always notify and"
                + " resolutions follow send-resolved, so states takes only FIRING and UPDATED");
      }
    }
    var route =
        new Route(
            id,
            receivers,
            Set.<Priority>copyOf(match.priorities()),
            globs,
            Route.lowerCase(match.teams()),
            Route.lowerCase(match.environments()),
            !match.states().isEmpty()
                ? Set.copyOf(match.states())
                : parent == null ? DEFAULT_STATES : parent.states(),
            Boolean.TRUE.equals(configured.continueMatching()),
            groupBy(configured.groupBy(), parent, id),
            duration(
                "group-wait",
                configured.groupWait(),
                parent,
                Route::groupWait,
                DEFAULT_GROUP_WAIT,
                id),
            duration(
                "repeat-interval",
                configured.repeatInterval(),
                parent,
                Route::repeatInterval,
                DEFAULT_REPEAT_INTERVAL,
                id),
            configured.sendResolved() != null
                ? configured.sendResolved()
                : parent == null || parent.sendResolved(),
            List.of());
    var children = new ArrayList<Route>();
    for (int i = 0; i < configured.routes().size(); i++) {
      children.add(resolve(configured.routes().get(i), route, position + "/" + i));
    }
    return route.withChildren(children);
  }

  private List<GroupKey.Part> groupBy(List<String> configured, Route parent, String id) {
    if (configured == null) {
      return parent == null ? DEFAULT_GROUP_BY : parent.groupBy();
    }
    var parts = new ArrayList<GroupKey.Part>();
    for (String key : configured) {
      GroupKey.Part.of(key)
          .ifPresentOrElse(
              parts::add,
              () ->
                  problems.add(
                      "route "
                          + id
                          + " groups by \""
                          + key
                          + "\"; the keys are "
                          + GroupKey.keys()));
    }
    return parts;
  }

  private Duration duration(
      String setting,
      Duration configured,
      Route parent,
      Function<Route, Duration> inherited,
      Duration fallback,
      String id) {
    if (configured == null) {
      return parent == null ? fallback : inherited.apply(parent);
    }
    if (configured.isNegative()) {
      problems.add("route " + id + " has a negative " + setting + ": " + configured);
      return Duration.ZERO;
    }
    return configured;
  }
}
