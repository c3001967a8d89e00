package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MongoStoreProcessTest {

  private static final StackPorts PORTS =
      new StackPorts(19092, 19093, 37017, 3525, 9190, 9181, 9182, 9183);

  @Test
  void theFileStoreKeepsItsFileUnderTheStateDirInASmallHeap() {
    var command = MongoStoreProcess.command(config(StoreBackend.FILE, List.of()));

    assertThat(command)
        .contains("-Xmx256m", "-XX:+ExitOnOutOfMemoryError")
        .endsWith("37017", "/repo/.scanwatch-local/mongo/scanwatch.mv");
  }

  @Test
  void theMemoryStoreGetsTheHeapItsDocumentsLiveInAndStillExitsWhenItIsFull() {
    var command = MongoStoreProcess.command(config(StoreBackend.MEMORY, List.of()));

    assertThat(command)
        .contains("-Xmx4g", "-XX:+ExitOnOutOfMemoryError")
        .doesNotContain("-Xmx256m")
        .endsWith("37017", MongoStoreMain.MEMORY);
  }

  @Test
  void theStacksJavaOptionsWinOverTheStoresOwnFlagsButNotOverItsHeap() {
    var command =
        MongoStoreProcess.command(
            config(StoreBackend.MEMORY, List.of("-XX:TieredStopAtLevel=4", "-Xmx512m")));

    assertThat(command)
        .containsSubsequence(
            "-XX:TieredStopAtLevel=1",
            "-XX:TieredStopAtLevel=4",
            "-Xmx512m",
            "-Xmx4g",
            MongoStoreMain.class.getName());
  }

  private static StackConfig config(StoreBackend store, List<String> javaOptions) {
    return new StackConfig(
        Path.of("/repo"), Path.of("/repo/.scanwatch-local"), PORTS, store, javaOptions);
  }
}
