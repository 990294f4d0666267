// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one example by name: {@code bin/zenmq-example NAME [ARGS]}; with no name, lists them. Every
 * example takes its endpoints and settings as positional arguments, each with a default, and runs
 * until it is done or until Ctrl-C.
 */
public final class Main {
    /** One runnable example: what it shows, its arguments, and its entry point. */
    private record Example(String summary, String usage, Consumer<String[]> main) {
    }

    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    static {
        add("hello-server", "request-reply: REP server answering World", "[ENDPOINT=tcp://*:5555]",
                HelloServer::main);
        add("hello-client", "request-reply: REQ client", "[ENDPOINT=tcp://localhost:5555] [REQUESTS=10]",
                HelloClient::main);
        add("weather-server", "publish-subscribe: PUB of weather updates", "[ENDPOINT=tcp://*:5556] [ZIPS=1000]",
                WeatherServer::main);
        add("weather-client", "publish-subscribe: SUB filtering one zip code",
                "[ENDPOINT=tcp://localhost:5556] [ZIP=10001] [UPDATES=20]", WeatherClient::main);
        add("ventilator", "pipeline: PUSH tasks to the workers",
                "[ENDPOINT=tcp://*:5557] [TASKS=100]", Ventilator::main);
        add("task-worker", "pipeline: PULL a task, PUSH its result",
                "[TASKS=tcp://localhost:5557] [SINK=tcp://localhost:5558]", TaskWorker::main);
        add("sink", "pipeline: PULL the results of one batch", "[ENDPOINT=tcp://*:5558] [TASKS=100]", Sink::main);
        add("rr-broker", "ROUTER/DEALER broker with a Poller loop", "[FRONTEND=tcp://*:5559] [BACKEND=tcp://*:5560]",
                RequestReplyBroker::main);
        add("proxy-broker", "the same broker with Proxy", "[FRONTEND=tcp://*:5559] [BACKEND=tcp://*:5560]",
                ProxyBroker::main);
        add("rr-worker", "REP worker connected to a broker's backend", "[BACKEND=tcp://localhost:5560] [NAME=worker]",
                BackendWorker::main);
        add("mt-server", "multithreaded server: ROUTER, Proxy, inproc REP workers",
                "[ENDPOINT=tcp://*:5555] [THREADS=4]", MultithreadedServer::main);
        add("lp-client", "Lazy Pirate: client that times out and retries",
                "[ENDPOINT=tcp://localhost:5555] [REQUESTS=10] [TIMEOUT-MS=2500] [RETRIES=3]",
                LazyPirateClient::main);
        add("lp-server", "Lazy Pirate: echo server that can crash", "[ENDPOINT=tcp://*:5555] [CRASH-AFTER=0]",
                LazyPirateServer::main);
        add("sp-queue", "Simple Pirate: load-balancing queue", "[FRONTEND=tcp://*:5555] [BACKEND=tcp://*:5556]",
                SimplePirateQueue::main);
        add("sp-worker", "Simple Pirate: REQ worker that can crash", "[BACKEND=tcp://localhost:5556] [CRASH-AFTER=0]",
                SimplePirateWorker::main);
        add("pp-queue", "Paranoid Pirate: queue with heartbeats",
                "[FRONTEND=tcp://*:5555] [BACKEND=tcp://*:5556] [HEARTBEAT-MS=1000]", ParanoidPirateQueue::main);
        add("pp-worker", "Paranoid Pirate: DEALER worker with heartbeats and reconnect",
                "[BACKEND=tcp://localhost:5556] [HEARTBEAT-MS=1000] [CRASH-AFTER=0]", ParanoidPirateWorker::main);
        add("md-broker", "Majordomo (MDP/0.2): service broker", "[ENDPOINT=tcp://*:5555] [HEARTBEAT-MS=2500]",
                MajordomoBroker::main);
        add("md-worker", "Majordomo (MDP/0.2): echo service worker",
                "[BROKER=tcp://localhost:5555] [SERVICE=echo] [HEARTBEAT-MS=2500] [PARTIALS=0] [CRASH-AFTER=0]",
                MajordomoWorker::main);
        add("md-client", "Majordomo (MDP/0.2): client with retries",
                "[BROKER=tcp://localhost:5555] [SERVICE=echo] [REQUESTS=10] [TIMEOUT-MS=2500] [RETRIES=3]",
                MajordomoClient::main);
        add("clone-server", "Clone: key-value store server (snapshot, updates, republish)",
                "[SNAPSHOT=tcp://*:5556] [UPDATES=tcp://*:5557] [COLLECTOR=tcp://*:5558]", CloneServer::main);
        add("clone-client", "Clone: key-value store client",
                "[SNAPSHOT=tcp://localhost:5556] [UPDATES=tcp://localhost:5557] [COLLECTOR=tcp://localhost:5558] "
                        + "[KEY=VALUE ...]", CloneClient::main);
        add("curve-service", "CURVE encryption with an Authenticator", "[ENDPOINT=tcp://127.0.0.1:*]",
                CurveService::main);
        add("monitor", "socket monitor printing events", "[ENDPOINT=tcp://127.0.0.1:*]", MonitorDemo::main);
    }

    private Main() {
    }

    private static void add(String name, String summary, String usage, Consumer<String[]> main) {
        EXAMPLES.put(name, new Example(summary, usage, main));
    }

    /** The example names, in the order they are listed. */
    static Iterable<String> names() {
        return EXAMPLES.keySet();
    }

    public static void main(String[] args) {
        Example example = args.length == 0 ? null : EXAMPLES.get(args[0]);
        if (example == null) {
            if (args.length > 0 && !args[0].equals("--help") && !args[0].equals("-h")) {
                System.err.println("zenmq-example: no example named " + args[0]);
            }
            System.out.println("usage: bin/zenmq-example NAME [ARGS]   (docs/guide/examples.md)");
            EXAMPLES.forEach((name, e) -> System.out.printf("  %-15s %s%n  %15s %s%n", name, e.summary(), "",
                    name + " " + e.usage()));
            if (args.length > 0 && !args[0].equals("--help") && !args[0].equals("-h")) {
                System.exit(2);
            }
            return;
        }
        example.main().accept(Arrays.copyOfRange(args, 1, args.length));
    }
}
