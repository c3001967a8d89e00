package io.scanwatch.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

  private final AtomicLong now = new AtomicLong(-5_000_000_000L);
  private final List<String> lines = new ArrayList<>();
  private final RefusalLog log = new RefusalLog(Duration.ofSeconds(10), now::get, lines::add);

  @Test
  void aFloodOfRefusalsIsOneLinePerReasonPerIntervalAndTheNextSaysHowManyWentUnlogged() {
    for (int i = 0; i < 1_000; i++) {
      log.refused("unauthenticated", () -> "Refused GET /api/v1/alerts: no bearer token");
    }
    log.refused("forbidden", () -> "Refused PUT /api/v1/policies/p: not an admin token");
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    log.refused("unauthenticated", () -> "not logged: within the interval");
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    log.refused("unauthenticated", () -> "Refused GET /api/v1/images: unknown bearer token");
    log.refused("unauthenticated", () -> "not logged either");
    now.addAndGet(Duration.ofSeconds(30).toNanos());
    log.refused("unauthenticated", () -> "Refused GET /api/v1/images: no bearer token");

    assertThat(lines)
        .containsExactly(
            "Refused GET /api/v1/alerts: no bearer token",
            "Refused PUT /api/v1/policies/p: not an admin token",
            "Refused GET /api/v1/images: unknown bearer token"
                + " (1000 more refused as unauthenticated since the last line)",
            "Refused GET /api/v1/images: no bearer token"
                + " (1 more refused as unauthenticated since the last line)");
  }
}
