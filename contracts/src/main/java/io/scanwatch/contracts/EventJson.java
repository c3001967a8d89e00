package io.scanwatch.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of every event: ISO-8601 instants, absent fields for {@code null}, and unknown
 * fields ignored so that adding a field to an event does not break older consumers.
 */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private EventJson() {}

  /** The mapper configured for events; thread-safe and shared. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static byte[] write(Object event) {
    return MAPPER.writeValueAsBytes(event);
  }

  public static <T> T read(byte[] json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }
}
