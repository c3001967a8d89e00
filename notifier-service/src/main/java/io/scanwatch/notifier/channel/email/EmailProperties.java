package io.scanwatch.notifier.channel.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The e-mail receiver. The SMTP server and its credentials are Boot's {@code spring.mail.*}.
 *
 * @param from the sender address
 * @param to the recipients; none turns the e-mail receiver off
 */
@Validated
@ConfigurationProperties("scanwatch.notifier.email")
public record EmailProperties(@NotBlank @Email String from, List<@Email String> to) {

  public EmailProperties {
    to =
        to == null
            ? List.of()
            : to.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
  }

  /** Whether any recipient is configured. */
  public boolean enabled() {
    return !to.isEmpty();
  }
}
