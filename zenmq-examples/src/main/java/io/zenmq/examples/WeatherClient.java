// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;

/**
 * Publish-subscribe, the subscriber: a SUB socket subscribes to one zip code (a prefix filter on
 * the first frame, applied by the publisher, so other updates never cross the network) and prints
 * the average temperature of the next UPDATES updates.
 *
 * <pre>bin/zenmq-example weather-client [ENDPOINT=tcp://localhost:5556] [ZIP=10001] [UPDATES=20]</pre>
 */
public final class WeatherClient {
    private WeatherClient() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> averageTemperature(ctx, a.text(0, "tcp://localhost:5556"), a.number(1, 10001),
                a.number(2, 20), System.out));
    }

    /** Receives {@code updates} updates for one zip code and returns their average temperature. */
    public static double averageTemperature(Context ctx, String endpoint, int zip, int updates, PrintStream out) {
        try (Socket sub = ctx.socket(SocketType.SUB)) {
            sub.connect(endpoint);
            // the trailing space keeps "10001" from also matching a longer code that starts with it
            sub.subscribe(zip + " ");
            long total = 0;
            for (int i = 0; i < updates; i++) {
                String[] fields = sub.recvString().split(" ", -1);
                total += Integer.parseInt(fields[1]);
            }
            double average = (double) total / updates;
            out.println("weather-client: average temperature for zip " + zip + " was " + average + " F");
            return average;
        }
    }
}
