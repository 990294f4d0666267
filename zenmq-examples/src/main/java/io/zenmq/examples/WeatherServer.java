// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * Publish-subscribe, the publisher: a PUB socket sends made-up weather updates
 * {@code "ZIP TEMPERATURE HUMIDITY"} for zip codes 10000 to 10000+ZIPS-1, as fast as it can,
 * until stopped. Subscribers that are not there, or too slow, miss updates: PUB never waits.
 *
 * <pre>bin/zenmq-example weather-server [ENDPOINT=tcp://*:5556] [ZIPS=1000]</pre>
 */
public final class WeatherServer {
    private WeatherServer() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> publish(ctx, a.text(0, "tcp://*:5556"), a.number(1, 1000), System.out));
    }

    /** Binds a PUB socket and publishes until the context is closed. */
    public static void publish(Context ctx, String endpoint, int zips, PrintStream out) {
        SplittableRandom random = new SplittableRandom();
        try (Socket pub = ctx.socket(SocketType.PUB)) {
            out.println("weather-server: bound " + pub.bind(endpoint));
            while (true) {
                int zip = 10_000 + random.nextInt(zips);
                int temperature = random.nextInt(-40, 45);
                int humidity = random.nextInt(10, 100);
                pub.send(zip + " " + temperature + " " + humidity);
            }
        }
    }
}
