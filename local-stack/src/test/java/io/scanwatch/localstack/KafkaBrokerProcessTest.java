package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KafkaBrokerProcessTest {

  @Test
  void brokerIsOneCombinedNodeWithStaticVotersOnTheConfiguredPorts() {
    var ports = new StackPorts(19092, 19093, 37017, 3525, 9190, 9181, 9182, 9183);

    var properties = KafkaBrokerProcess.serverProperties(ports, Path.of("/state/kafka/data"));

    assertThat(properties)
        .contains("process.roles=broker,controller")
        .contains("controller.quorum.voters=1@127.0.0.1:19093")
        .contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .contains("advertised.listeners=PLAINTEXT://127.0.0.1:19092")
        .contains("log.dirs=/state/kafka/data")
        .contains("offsets.topic.replication.factor=1");
  }

  @Test
  void clusterIdHasTheShapeOfKafkasOwnUuids() {
    IntStream.range(0, 200)
        .mapToObj(i -> KafkaBrokerProcess.newClusterId())
        .forEach(id -> assertThat(id).hasSize(22).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"));
  }
}
