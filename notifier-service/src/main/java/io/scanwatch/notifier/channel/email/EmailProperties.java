package io.scanwatch.notifier.channel.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What every e-mail receiver shares. The SMTP server and its credentials are Boot's {@code
 * spring.mail.*}; the recipients are each receiver's {@code to}.
 *
 * @param from the sender address ({@code EMAIL_FROM})
 */
@Validated
@ConfigurationProperties("scanwatch.notifier.email")
public record EmailProperties(@NotBlank @Email @DefaultValue("scanwatch@localhost") String from) {}
