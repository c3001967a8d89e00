package io.scanwatch.notifier.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

/**
 * Binds configuration and refuses any setting under the prefix that nothing took, so that a
 * misspelt key (a route's {@code team} for {@code teams}) stops the service instead of silently
 * widening what a route matches. Boot's {@code NoUnboundElementsBindHandler} lets keys inside list
 * elements pass, which is exactly where routes and receivers live.
 */
public final class StrictBinding {

  private StrictBinding() {}

  /**
   * Binds {@code prefix} from {@code sources} to {@code target}.
   *
   * @throws IllegalStateException naming every setting under {@code prefix} that nothing took
   */
  public static <T> Optional<T> bind(
      Binder binder,
      Iterable<ConfigurationPropertySource> sources,
      String prefix,
      Bindable<T> target) {
    var recorder = new BoundNames();
    BindResult<T> result = binder.bind(prefix, target, recorder);
    ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
    List<String> unknown = new ArrayList<>();
    for (ConfigurationPropertySource source : sources) {
      if (source instanceof IterableConfigurationPropertySource iterable) {
        iterable.stream()
            .filter(name -> root.isAncestorOf(name) || root.equals(name))
            .filter(name -> !recorder.took(name))
            .map(ConfigurationPropertyName::toString)
            .filter(name -> !unknown.contains(name))
            .forEach(unknown::add);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "The notifier's configuration has settings nothing reads (misspelt?): "
              + String.join(", ", unknown));
    }
    return result.isBound() ? Optional.of(result.get()) : Optional.empty();
  }

  /** Remembers every name the binder bound. */
  private static final class BoundNames extends AbstractBindHandler {

    private final Set<ConfigurationPropertyName> names = new HashSet<>();

    @Override
    public Object onSuccess(
        ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
      names.add(name);
      return super.onSuccess(name, target, context, result);
    }

    /**
     * Whether {@code name} was bound: itself, or as an element of a bound list of plain values (the
     * binder reports the list, not each element).
     */
    boolean took(ConfigurationPropertyName name) {
      for (ConfigurationPropertyName candidate = name;
          !candidate.isEmpty();
          candidate = candidate.getParent()) {
        if (names.contains(candidate)) {
          return true;
        }
        if (!candidate.isLastElementIndexed()) {
          return false;
        }
      }
      return false;
    }
  }
}
