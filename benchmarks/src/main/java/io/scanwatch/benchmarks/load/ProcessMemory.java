package io.scanwatch.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resident memory of the services' processes, from {@code VmRSS} in {@code /proc/<pid>/status},
 * read now or sampled as a peak while a phase runs.
 */
final class ProcessMemory implements AutoCloseable {

  private final Map<String, Long> pids;
  private final Map<String, Long> peakKib = new ConcurrentHashMap<>();
  private final Thread sampler;

  private ProcessMemory(Map<String, Long> pids) {
    this.pids = pids;
    this.sampler =
        Thread.ofPlatform()
            .daemon()
            .name("rss-sampler")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    now().forEach((name, kib) -> peakKib.merge(name, kib, Math::max));
                    try {
                      Thread.sleep(250);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  /** Starts sampling every 250 ms until closed. */
  static ProcessMemory samplePeak(Map<String, Long> pids) {
    return new ProcessMemory(pids);
  }

  /** The peak each process reached since sampling started, in KiB. */
  Map<String, Long> peakKib() {
    var peaks = new LinkedHashMap<String, Long>();
    pids.keySet().forEach(name -> peaks.put(name, peakKib.getOrDefault(name, -1L)));
    return peaks;
  }

  @Override
  public void close() {
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Each process's resident memory now, in KiB ({@code -1} when it cannot be read). */
  Map<String, Long> now() {
    return now(pids);
  }

  static Map<String, Long> now(Map<String, Long> pids) {
    var rss = new LinkedHashMap<String, Long>();
    pids.forEach((name, pid) -> rss.put(name, vmRssKib(pid)));
    return rss;
  }

  private static long vmRssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // The process is gone or not readable: reported as -1.
    }
    return -1;
  }
}
