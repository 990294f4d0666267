// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.zmtp.Mechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link Mechanism.Output} that records what a mechanism asked of its engine. */
final class RecordingOutput implements Mechanism.Output {
    /** Command bodies sent, oldest first. */
    final List<byte[]> sent = new ArrayList<>();
    /** Credentials of each ZAP request. */
    final List<byte[][]> zapRequests = new ArrayList<>();
    /** Mechanism names of each ZAP request. */
    final List<String> zapMechanisms = new ArrayList<>();
    /** The properties given to {@link #ready}, or null. */
    Map<String, byte[]> ready;
    /** The status given to {@link #refused}, or null. */
    Integer refused;
    /** The errno given to {@link #failed}, or null. */
    Integer failed;
    /** What {@link #nowNanos} answers: the test's clock. */
    long now;
    private int taken;

    @Override
    public void send(byte[] body) {
        sent.add(body);
    }

    @Override
    public void askZap(String mechanism, byte[]... credentials) {
        zapMechanisms.add(mechanism);
        zapRequests.add(credentials);
    }

    @Override
    public void ready(Map<String, byte[]> peerProperties) {
        if (ready != null) {
            throw new AssertionError("ready twice");
        }
        ready = peerProperties;
    }

    @Override
    public void refused(int status) {
        refused = status;
    }

    @Override
    public void failed(int errno) {
        failed = errno;
    }

    @Override
    public long nowNanos() {
        return now;
    }

    /** Returns the bodies sent since the last call. */
    List<byte[]> take() {
        List<byte[]> fresh = new ArrayList<>(sent.subList(taken, sent.size()));
        taken = sent.size();
        return fresh;
    }
}
