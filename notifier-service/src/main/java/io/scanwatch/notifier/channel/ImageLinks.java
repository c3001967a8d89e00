package io.scanwatch.notifier.channel;

import io.scanwatch.contracts.ImageReference;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link from a message to the image it is about: Grafana's image dashboard by default, or any
 * URL built from the template {@code scanwatch.notifier.image-link} (environment variable {@code
 * SCANWATCH_IMAGE_LINK}). The template's {@code {repository}} is {@code registry/repository}, as in
 * the {@code repository} label of the image metrics, and {@code {tag}} the tag (empty for an image
 * known by digest only); both are URL-encoded.
 */
@Component
public final class ImageLinks {

  /** The template used when none is configured: Grafana on localhost, the image dashboard. */
  public static final String DEFAULT_TEMPLATE =
      "http://localhost:3000/d/scanwatch-image/scanwatch-image"
          + "?var-repository={repository}&var-tag={tag}";

  private final String template;

  // Read with a fallback to the bare environment variable, so SCANWATCH_IMAGE_LINK works without
  // a line in application.yml; blank means the default.
  public ImageLinks(
      @Value("${scanwatch.notifier.image-link:${SCANWATCH_IMAGE_LINK:}}") String template) {
    this.template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template.strip();
    URI sample = of(new ImageReference("registry.example", "team/app", "1.0", null));
    if (!sample.isAbsolute()
        || !("http".equalsIgnoreCase(sample.getScheme())
            || "https".equalsIgnoreCase(sample.getScheme()))) {
      throw new IllegalArgumentException(
          "scanwatch.notifier.image-link must be an absolute http or https URL template");
    }
  }

  /** Links built from the default template. */
  public static ImageLinks defaults() {
    return new ImageLinks(null);
  }

  /** The link to {@code image}. */
  public URI of(ImageReference image) {
    String link =
        template
            .replace("{repository}", encode(image.repositoryKey()))
            .replace("{tag}", encode(image.tag() == null ? "" : image.tag()));
    try {
      return URI.create(link);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "scanwatch.notifier.image-link does not make a valid URL: " + e.getMessage());
    }
  }

  /** The template in use. */
  public String template() {
    return template;
  }

  private static String encode(String value) {
    // URLEncoder writes form encoding; a query or path wants %20 for a space.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "ImageLinks[" + template + "]";
  }
}
