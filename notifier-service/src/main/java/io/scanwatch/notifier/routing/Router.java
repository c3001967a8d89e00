package io.scanwatch.notifier.routing;

import io.scanwatch.contracts.AlertEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the routes an alert takes, as Alertmanager does: the first matching child route, depth
 * first, takes the alert, and its later siblings are tried only when it says {@code continue}; a
 * route none of whose children matched takes the alert itself. Each receiver gets the alert once,
 * on the first route that led to it.
 */
public final class Router {

  private final Route root;

  public Router(Route root) {
    this.root = root;
  }

  /** The root route. */
  public Route root() {
    return root;
  }

  /** Where {@code alert} goes: one entry per receiver, in route order. */
  public List<Routed> route(AlertEvent alert) {
    var routes = new ArrayList<Route>();
    walk(root, alert, routes);
    Map<String, Routed> byReceiver = new LinkedHashMap<>();
    for (Route route : routes) {
      if (!route.notifies(alert.state())) {
        continue;
      }
      for (String receiver : route.receivers()) {
        byReceiver.putIfAbsent(receiver, new Routed(route, receiver));
      }
    }
    return List.copyOf(byReceiver.values());
  }

  private static boolean walk(Route route, AlertEvent alert, List<Route> taken) {
    if (!route.matches(alert)) {
      return false;
    }
    boolean childTook = false;
    for (Route child : route.children()) {
      if (walk(child, alert, taken)) {
        childTook = true;
        if (!child.continueMatching()) {
          break;
        }
      }
    }
    if (!childTook) {
      taken.add(route);
    }
    return true;
  }

  /**
   * An alert's way to one receiver.
   *
   * @param route the route that took the alert, whose grouping and repeat settings apply
   * @param receiver the receiver's name
   */
  public record Routed(Route route, String receiver) {}
}
