// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.ctx;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.socket.SocketCore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The inproc endpoint names of one context. Pipes join sockets directly, with no I/O thread and
 * no copy. A connect before the bind gets its pipe at once; the bound side adopts it on bind
 * (libzmq 4.x). Thread-safe: a lock guards the maps; wake-ups never run under it.
 */
public final class InprocRegistry {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, SocketCore> bound = new HashMap<>();
    private final Map<String, List<Pending>> pending = new HashMap<>();

    /** The far end of a pipe made before its name was bound; forwards wake-ups once it is. */
    private static final class Pending implements PipeListener {
        private volatile SocketCore target;
        private Pipe end;

        @Override
        public void readActivated(Pipe pipe) {
            SocketCore socket = target;
            if (socket != null) {
                socket.readActivated(pipe);
            }
        }

        @Override
        public void writeActivated(Pipe pipe) {
            SocketCore socket = target;
            if (socket != null) {
                socket.writeActivated(pipe);
            }
        }
    }

    /**
     * Binds a name to a socket and adopts the pipes of earlier connects.
     *
     * @param name the inproc name
     * @param socket the binding socket (caller's thread owns it)
     * @throws ZmqException {@link ErrorCode#EADDRINUSE} if the name is taken
     */
    public void bind(String name, SocketCore socket) {
        List<Pending> waiting;
        lock.lock();
        try {
            if (bound.containsKey(name)) {
                throw new ZmqException(ErrorCode.EADDRINUSE, "inproc://" + name + " is already bound");
            }
            bound.put(name, socket);
            waiting = pending.remove(name);
        } finally {
            lock.unlock();
        }
        if (waiting != null) {
            for (Pending p : waiting) {
                p.target = socket;
                socket.attachPipe(p.end);
                // the connector attached its end anonymously: now it learns who is there
                Pipe connectorEnd = p.end.peer();
                connectorEnd.setPeerProperties(socket.inprocProperties());
                ((SocketCore) connectorEnd.listener()).pipeConnected(connectorEnd);
            }
        }
    }

    /**
     * Connects a socket to a name, bound now or later.
     *
     * @param name the inproc name
     * @param socket the connecting socket (caller's thread owns it)
     * @param sendHwm its SNDHWM
     * @param receiveHwm its RCVHWM
     */
    public void connect(String name, SocketCore socket, int sendHwm, int receiveHwm) {
        SocketCore peer;
        lock.lock();
        try {
            peer = bound.get(name);
            if (peer == null) {
                Pending far = new Pending();
                Pipe[] ends = Pipe.pair(socket, sum(sendHwm, receiveHwm), far, sum(sendHwm, receiveHwm),
                        socket.conflates());
                far.end = ends[1];
                far.end.setPeerProperties(socket.inprocProperties());
                pending.computeIfAbsent(name, k -> new ArrayList<>()).add(far);
                socket.adoptInproc(ends[0]);
                return;
            }
        } finally {
            lock.unlock();
        }
        int[] peerHwms = peer.hwms();
        if (!socket.connectInproc(peer, sendHwm, receiveHwm, peerHwms[0], peerHwms[1])) {
            throw new ZmqException(ErrorCode.ECONNREFUSED, "inproc://" + name + " is closing");
        }
    }

    /**
     * Returns the socket bound to a name.
     *
     * @param name the inproc name
     * @return the socket, or null if the name is not bound
     */
    public SocketCore lookup(String name) {
        lock.lock();
        try {
            return bound.get(name);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases one name if this socket bound it.
     *
     * @param name the inproc name
     * @param socket the socket that bound it
     * @return false if the socket had not bound that name
     */
    public boolean unbind(String name, SocketCore socket) {
        lock.lock();
        try {
            return bound.remove(name, socket);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases every name a closing socket bound.
     *
     * @param socket the closing socket
     */
    public void unbindAll(SocketCore socket) {
        lock.lock();
        try {
            bound.values().removeIf(s -> s == socket);
        } finally {
            lock.unlock();
        }
    }

    private static long sum(int a, int b) {
        return a == 0 || b == 0 ? 0 : (long) a + b;
    }
}
