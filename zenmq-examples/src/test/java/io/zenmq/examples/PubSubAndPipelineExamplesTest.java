// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** weather-server and weather-client; ventilator, task-worker and sink. */
@SuppressWarnings("try") // a try block keeps a background program running, referenced or not
@Timeout(120)
class PubSubAndPipelineExamplesTest {
    @TempDir
    Path dir;
    private final Output output = new Output();

    @Test
    void weatherClientAveragesOnlyItsZipCode() {
        String endpoint = "ipc://" + dir.resolve("weather");
        try (Background<Void> server = Background.run("weather-server",
                ctx -> WeatherServer.publish(ctx, endpoint, 10, output.out))) {
            double average = Background.start("weather-client",
                    ctx -> WeatherClient.averageTemperature(ctx, endpoint, 10_003, 25, output.out)).result();
            assertThat(average).isBetween(-40.0, 45.0);
        }
        assertThat(output.text()).contains("average temperature for zip 10003");
    }

    @Test
    void pipelineSumsEveryTaskOnce() {
        String tasks = "ipc://" + dir.resolve("tasks");
        String results = "ipc://" + dir.resolve("results");
        long seed = 7;
        int count = 30;
        try (Background<Long> sink = Background.start("sink", ctx -> Sink.collect(ctx, results, count, output.out));
             Background<Void> w1 = Background.run("w1", ctx -> TaskWorker.work(ctx, tasks, results, output.out));
             Background<Void> w2 = Background.run("w2", ctx -> TaskWorker.work(ctx, tasks, results, output.out))) {
            Background.run("ventilator", ctx -> Ventilator.ventilate(ctx, tasks, count, seed, output.out))
                    .result();
            assertThat(sink.result()).isEqualTo(expectedTotal(seed, count));
        }
    }

    /** The same tasks the ventilator draws, done here. */
    private static long expectedTotal(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += TaskWorker.primesBelow(1_000 + random.nextInt(20_000));
        }
        return total;
    }
}
