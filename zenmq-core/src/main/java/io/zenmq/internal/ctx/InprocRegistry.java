// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.ctx;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The inproc endpoint names of one context. Pipes join sockets directly, with no I/O thread and
 * no copy. A connect before the bind gets its pipe at once; the bound side adopts it on bind
 * (libzmq 4.x), even if the connector has disconnected or closed meanwhile: as in libzmq it then
 * reads what was sent before and sees the pipe end, and never sends into it. Thread-safe: a lock
 * guards the maps; wake-ups never run under it.
 */
public final class InprocRegistry {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, InprocPeer> bound = new HashMap<>();
    private final Map<String, List<Pending>> pending = new HashMap<>();

    /** The far end of a pipe made before its name was bound; forwards wake-ups once it is. */
    private static final class Pending implements PipeListener {
        private volatile InprocPeer target;
        private final InprocPeer connector;
        private Pipe end;
        /** The connector disconnected or closed before the bind; guarded by the lock. */
        private boolean abandoned;

        Pending(InprocPeer connector) {
            this.connector = connector;
        }

        @Override
        public void pipeReadable(Pipe pipe) {
            InprocPeer socket = target;
            if (socket != null) {
                socket.pipeReadable(pipe);
            }
        }

        @Override
        public void pipeWritable(Pipe pipe) {
            InprocPeer socket = target;
            if (socket != null) {
                socket.pipeWritable(pipe);
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
    public void bind(String name, InprocPeer socket) {
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
                if (p.abandoned) {
                    // the binder's thread owns this end from now on: ended before the socket sees
                    // it, it is only drained, never chosen to send to
                    p.end.terminate();
                }
                socket.attachPipe(p.end);
                // the connector attached its end anonymously: now it learns who is there
                Pipe connectorEnd = p.end.peer();
                connectorEnd.setPeerProperties(socket.inprocProperties());
                p.connector.pipeConnected(connectorEnd);
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
     * @return the connecting socket's end of the new pipe, already adopted by it
     * @throws ZmqException {@link ErrorCode#ECONNREFUSED} if the bound socket is closing
     */
    public Pipe connect(String name, InprocPeer socket, int sendHwm, int receiveHwm) {
        InprocPeer peer;
        lock.lock();
        try {
            peer = bound.get(name);
            if (peer == null) {
                Pending far = new Pending(socket);
                Pipe[] ends = Pipe.pair(socket, sum(sendHwm, receiveHwm), far, sum(sendHwm, receiveHwm),
                        socket.conflates());
                far.end = ends[1];
                far.end.setPeerProperties(socket.inprocProperties());
                pending.computeIfAbsent(name, k -> new ArrayList<>()).add(far);
                socket.adoptInproc(ends[0]);
                return ends[0];
            }
        } finally {
            lock.unlock();
        }
        return join(socket, peer, name, sendHwm, receiveHwm);
    }

    /** Makes a pipe from a connecting socket to a bound one; each queue holds both sides' HWMs. */
    private static Pipe join(InprocPeer socket, InprocPeer peer, String name, int sendHwm, int receiveHwm) {
        Pipe[] ends = Pipe.pair(socket, sum(sendHwm, peer.receiveHwm()), peer, sum(peer.sendHwm(), receiveHwm),
                socket.conflates());
        ends[0].setPeerProperties(peer.inprocProperties());
        ends[1].setPeerProperties(socket.inprocProperties());
        if (!peer.attachPipe(ends[1])) {
            throw new ZmqException(ErrorCode.ECONNREFUSED, "inproc://" + name + " is closing");
        }
        socket.adoptInproc(ends[0]);
        return ends[0];
    }

    /**
     * Marks a connect()ed pipe whose name is not bound yet as given up by its connector
     * (disconnect or close), so that the socket that binds the name later only drains it.
     * A pipe already adopted by a bound socket is not here: that socket learns of the end from
     * the pipe itself.
     *
     * @param name the inproc name connected to
     * @param connectorEnd the connecting socket's end of the pipe
     */
    public void abandon(String name, Pipe connectorEnd) {
        lock.lock();
        try {
            List<Pending> waiting = pending.get(name);
            if (waiting != null) {
                for (Pending p : waiting) {
                    if (p.end.peer() == connectorEnd) {
                        p.abandoned = true;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the socket bound to a name.
     *
     * @param name the inproc name
     * @return the socket, or null if the name is not bound
     */
    public InprocPeer lookup(String name) {
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
    public boolean unbind(String name, InprocPeer socket) {
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
    public void unbindAll(InprocPeer socket) {
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
