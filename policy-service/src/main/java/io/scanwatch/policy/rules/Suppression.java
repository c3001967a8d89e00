package io.scanwatch.policy.rules;

import java.time.Instant;

/**
 * Why a finding is not counted although the policy would count it: an exception granted for it, or
 * a VEX statement that the image is not affected or is fixed.
 *
 * @param kind {@code exception} or {@code vex}
 * @param id the exception's id, or the VEX document's id
 * @param reason the exception's reason, or the VEX status and justification
 * @param owner who granted it, or the VEX document's author
 * @param expiresAt when an exception stops applying; {@code null} for VEX
 */
public record Suppression(String kind, String id, String reason, String owner, Instant expiresAt) {

  public static final String EXCEPTION = "exception";
  public static final String VEX = "vex";
}
