package io.scanwatch.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTest {

  private final ProblemErrorController controller = new ProblemErrorController();

  @Test
  void aRequestForTheErrorPathItselfIsNoEndpointNotAServerError() {
    var answer = controller.error(new MockHttpServletRequest("GET", "/error"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(answer.getBody().getDetail()).isEqualTo("no endpoint at this path");
    assertThat(answer.getBody().getProperties()).containsEntry("reason", "not-found");
  }

  @Test
  void anErrorDispatchIsAnsweredWithTheContainersStatus() {
    assertThat(controller.error(dispatchOf(405)).getStatusCode())
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(controller.error(dispatchOf(500)).getStatusCode())
        .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(controller.error(dispatchOf(799)).getStatusCode())
        .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
  }

  private static MockHttpServletRequest dispatchOf(int status) {
    var request = new MockHttpServletRequest("POST", "/error");
    request.setDispatcherType(DispatcherType.ERROR);
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    return request;
  }
}
