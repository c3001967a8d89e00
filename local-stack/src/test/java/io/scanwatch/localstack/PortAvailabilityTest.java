package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class PortAvailabilityTest {

  @Test
  void aPortSomethingListensOnIsReportedTakenByName() throws Exception {
    try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var ports = new LinkedHashMap<String, Integer>();
      ports.put("MONGO", listener.getLocalPort());
      ports.put("SMTP", freePort());

      assertThat(PortAvailability.taken(ports)).containsExactly("MONGO");
      assertThat(PortAvailability.isListening(listener.getLocalPort())).isTrue();
    }
  }

  @Test
  void aPortNobodyHoldsIsFreeAndNotListening() throws Exception {
    int port = freePort();

    assertThat(PortAvailability.isFree(port)).isTrue();
    assertThat(PortAvailability.isListening(port)).isFalse();
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
