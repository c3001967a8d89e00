package io.scanwatch.policy.kev;

/** A file read as a KEV catalogue is not one: not JSON, or not in the shape of CISA's feed. */
public class NotAKevCatalogException extends RuntimeException {

  public NotAKevCatalogException(String message) {
    super(message);
  }

  public NotAKevCatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
