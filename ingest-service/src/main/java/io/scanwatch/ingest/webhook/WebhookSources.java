package io.scanwatch.ingest.webhook;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registries Scanwatch can read and the sources configured for them. Checked when the service
 * starts: a source naming a registry that does not exist, or the same source twice, stops it with a
 * message naming the source.
 */
public class WebhookSources {

  private final Map<String, WebhookNormalizer> normalizers;
  private final Map<String, WebhookSource> sources;

  public WebhookSources(List<WebhookNormalizer> normalizers, List<WebhookSource> sources) {
    this.normalizers =
        normalizers.stream()
            .collect(
                Collectors.toMap(
                    WebhookNormalizer::provider,
                    Function.identity(),
                    (a, b) -> duplicate(a),
                    TreeMap::new));
    Set<String> seen = new HashSet<>();
    for (WebhookSource source : sources) {
      if (!this.normalizers.containsKey(source.provider())) {
        throw new IllegalStateException(
            "webhook source '"
                + source.name()
                + "' names provider '"
                + source.provider()
                + "'; known providers: "
                + providers());
      }
      if (!seen.add(key(source.provider(), source.name()))) {
        throw new IllegalStateException(
            "webhook source '"
                + source.name()
                + "' of '"
                + source.provider()
                + "' is configured twice");
      }
    }
    this.sources =
        sources.stream()
            .collect(Collectors.toUnmodifiableMap(s -> key(s.provider(), s.name()), s -> s));
  }

  /** The registry behind a URL's provider segment. */
  public Optional<WebhookNormalizer> normalizer(String provider) {
    return Optional.ofNullable(normalizers.get(provider));
  }

  /** The configured source of that registry with that name. */
  public Optional<WebhookSource> source(String provider, String name) {
    return Optional.ofNullable(sources.get(key(provider, name)));
  }

  /** The provider segments there are, sorted. */
  public Set<String> providers() {
    return normalizers.keySet();
  }

  private static String key(String provider, String name) {
    return provider + '\u0000' + name;
  }

  private static WebhookNormalizer duplicate(WebhookNormalizer normalizer) {
    throw new IllegalStateException(
        "two webhook normalizers claim the provider '" + normalizer.provider() + "'");
  }
}
