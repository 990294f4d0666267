// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Poller;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Majordomo, the broker (MDP/0.2, see {@link Mdp}): one ROUTER for clients and workers alike,
 * told apart by the protocol frame. Requests are queued per service name and given to that
 * service's idle workers, oldest first; replies (PARTIAL, then FINAL) go back to the client.
 * Idle workers are heartbeated and every worker silent for {@link Mdp#LIVENESS} intervals is
 * dropped. The service {@code mmi.service} answers "200" if the service named in the body has
 * workers, "404" if not.
 *
 * <pre>bin/zenmq-example md-broker [ENDPOINT=tcp://*:5555] [HEARTBEAT-MS=2500]</pre>
 */
public final class MajordomoBroker {
    private final Socket socket;
    private final long interval;
    private final PrintStream out;
    private final Map<String, Service> services = new HashMap<>();
    private final Map<String, Worker> workers = new HashMap<>();

    /** The requests waiting for one service, and its idle workers. */
    private static final class Service {
        final String name;
        final Deque<Msg> requests = new ArrayDeque<>();
        final Deque<Worker> idle = new ArrayDeque<>();
        int workers;

        Service(String name) {
            this.name = name;
        }
    }

    /** A worker the broker knows: its address, its service, and when it counts as dead. */
    private static final class Worker {
        final byte[] address;
        final String key;
        final Service service;
        long expiresAt;

        Worker(byte[] address, String key, Service service) {
            this.address = address;
            this.key = key;
            this.service = service;
        }
    }

    private MajordomoBroker(Socket socket, Duration heartbeat, PrintStream out) {
        this.socket = socket;
        this.interval = heartbeat.toNanos();
        this.out = out;
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> run(ctx, a.text(0, "tcp://*:5555"), a.millis(1, 2500), System.out));
    }

    /** Runs the broker until the context is closed. */
    public static void run(Context ctx, String endpoint, Duration heartbeat, PrintStream out) {
        try (Socket socket = ctx.socket(SocketType.ROUTER);
             Poller poller = new Poller()) {
            out.println("md-broker: bound " + socket.bind(endpoint));
            poller.register(socket, Poller.IN);
            MajordomoBroker broker = new MajordomoBroker(socket, heartbeat, out);
            long nextHeartbeat = System.nanoTime() + broker.interval;
            while (true) {
                if (poller.poll(heartbeat) > 0) {
                    broker.received(socket.recvMsg());
                }
                long now = System.nanoTime();
                if (now - nextHeartbeat >= 0) {
                    broker.purge(now);
                    broker.heartbeat();
                    nextHeartbeat = now + broker.interval;
                }
            }
        }
    }

    private void received(Msg msg) {
        byte[] sender = msg.pop();
        msg.pop();                                        // the empty delimiter
        byte[] header = msg.pop();
        if (Mdp.is(header, Mdp.CLIENT)) {
            clientRequest(sender, msg);
        } else if (Mdp.is(header, Mdp.WORKER)) {
            workerMessage(sender, msg);
        } else {
            out.println("md-broker: invalid message " + msg);
        }
    }

    /** {@code msg} is {@code [REQUEST][service][body...]}. */
    private void clientRequest(byte[] client, Msg msg) {
        msg.pop();                                        // REQUEST, the only client command
        String name = msg.popString();
        if (name.startsWith("mmi.")) {
            String answer = "501";
            if (name.equals("mmi.service")) {
                Service service = services.get(msg.isEmpty() ? "" : msg.string(0));
                answer = service != null && service.workers > 0 ? "200" : "404";
            }
            socket.send(Msg.of(client, Mdp.EMPTY, Mdp.CLIENT, Mdp.CLIENT_FINAL, bytes(name), bytes(answer)));
            return;
        }
        Service service = service(name);
        service.requests.addLast(msg.wrap(client));       // [client][][body...]
        dispatch(service);
    }

    /** {@code msg} is {@code [command][...]}. */
    private void workerMessage(byte[] address, Msg msg) {
        byte[] command = msg.pop();
        String key = HexFormat.of().formatHex(address);
        Worker worker = workers.get(key);
        if (Mdp.is(command, Mdp.WORKER_READY)) {
            if (worker != null) {                         // READY twice: a protocol error
                disconnect(worker);
                return;
            }
            worker = new Worker(address, key, service(msg.popString()));
            workers.put(key, worker);
            worker.service.workers++;
            out.println("md-broker: worker " + key + " ready for " + worker.service.name);
            idle(worker);
        } else if (worker == null) {                      // not READY first: tell it to start over
            socket.send(Msg.of(address, Mdp.EMPTY, Mdp.WORKER, Mdp.WORKER_DISCONNECT));
        } else if (Mdp.is(command, Mdp.WORKER_PARTIAL) || Mdp.is(command, Mdp.WORKER_FINAL)) {
            boolean last = Mdp.is(command, Mdp.WORKER_FINAL);
            byte[] client = msg.unwrap();                 // [client][] off, the body stays
            msg.push(bytes(worker.service.name));
            msg.push(last ? Mdp.CLIENT_FINAL : Mdp.CLIENT_PARTIAL);
            msg.push(Mdp.CLIENT);
            socket.send(msg.wrap(client));
            worker.expiresAt = System.nanoTime() + Mdp.LIVENESS * interval;
            if (last) {
                idle(worker);
            }
        } else if (Mdp.is(command, Mdp.WORKER_HEARTBEAT)) {
            worker.expiresAt = System.nanoTime() + Mdp.LIVENESS * interval;
        } else if (Mdp.is(command, Mdp.WORKER_DISCONNECT)) {
            forget(worker);
        }
    }

    private void idle(Worker worker) {
        worker.expiresAt = System.nanoTime() + Mdp.LIVENESS * interval;
        worker.service.idle.addLast(worker);
        dispatch(worker.service);
    }

    private void dispatch(Service service) {
        while (!service.idle.isEmpty() && !service.requests.isEmpty()) {
            Worker worker = service.idle.removeFirst();
            Msg request = service.requests.removeFirst();  // [client][][body...]
            request.push(Mdp.WORKER_REQUEST);
            request.push(Mdp.WORKER);
            socket.send(request.wrap(worker.address));
        }
    }

    private void heartbeat() {
        for (Service service : services.values()) {
            for (Worker worker : service.idle) {
                socket.send(Msg.of(worker.address, Mdp.EMPTY, Mdp.WORKER, Mdp.WORKER_HEARTBEAT));
            }
        }
    }

    private void purge(long now) {
        workers.values().removeIf(worker -> {
            boolean dead = now - worker.expiresAt > 0;
            if (dead) {
                out.println("md-broker: worker " + worker.key + " expired");
                worker.service.idle.remove(worker);
                worker.service.workers--;
            }
            return dead;
        });
    }

    private void disconnect(Worker worker) {
        socket.send(Msg.of(worker.address, Mdp.EMPTY, Mdp.WORKER, Mdp.WORKER_DISCONNECT));
        forget(worker);
    }

    private void forget(Worker worker) {
        workers.remove(worker.key);
        worker.service.idle.remove(worker);
        worker.service.workers--;
    }

    private Service service(String name) {
        return services.computeIfAbsent(name, Service::new);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
