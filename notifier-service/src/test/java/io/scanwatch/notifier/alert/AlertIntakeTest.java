package io.scanwatch.notifier.alert;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Priority;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.delivery.AlertDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertIntakeTest {

  private final AlertDispatcher dispatcher = mock(AlertDispatcher.class);
  private final AlertIntake intake = new AlertIntake(dispatcher);

  @Test
  void aP0AlertThatStartsFiringIsDispatched() {
    AlertEvent alert = AlertEvents.p0Firing(AlertEvents.uniqueImage());

    intake.accept(alert);

    verify(dispatcher).dispatch(alert);
  }

  @ParameterizedTest
  @CsvSource({"P1, FIRING", "P0, UPDATED", "P0, ESCALATED", "P0, RESOLVED", "P3, RESOLVED"})
  void otherAlertsAreNotDispatched(Priority priority, AlertState state) {
    intake.accept(AlertEvents.alert(AlertEvents.uniqueImage(), priority, state));

    verify(dispatcher, never()).dispatch(any());
  }
}
