// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.Z85;
import java.time.Duration;

/**
 * What the environment changes in {@code perf}, beyond libzmq's tool contract, to time options
 * against libzmq's defaults:
 *
 * <ul>
 *   <li>{@code ZENMQ_PERF_CURVE=1}: CURVE (bench/curve). The binding side is the server, the
 *       connecting side the client; the keys are the published test keys of the zmq_curve(7)
 *       manual, for benchmarks only.
 *   <li>{@code ZENMQ_PERF_SPIN_NS=N}: every context spins up to N nanoseconds before parking
 *       ({@link Context.Builder#spinBeforePark}), 0 to 1 000 000 000.
 * </ul>
 */
final class PerfEnvironment {
    private static final long MAX_SPIN_NANOS = 1_000_000_000L;

    private static final String SERVER_PUBLIC = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
    private static final String SERVER_SECRET = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
    private static final String CLIENT_PUBLIC = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
    private static final String CLIENT_SECRET = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs";

    private PerfEnvironment() {
    }

    /**
     * A context builder with the spin the environment asks for.
     *
     * @throws CliException (usage) for a spin that is not a number of nanoseconds in range
     */
    static Context.Builder contextBuilder() {
        return contextBuilder(System.getenv("ZENMQ_PERF_SPIN_NS"));
    }

    /** {@link #contextBuilder()} for a given value of {@code ZENMQ_PERF_SPIN_NS} (null: unset). */
    static Context.Builder contextBuilder(String spin) {
        Context.Builder builder = Context.builder();
        if (spin == null || spin.isEmpty()) {
            return builder;
        }
        long nanos;
        try {
            nanos = Long.parseLong(spin);
        } catch (NumberFormatException e) {
            nanos = -1;
        }
        if (nanos < 0 || nanos > MAX_SPIN_NANOS) {
            throw CliException.usage("perf: ZENMQ_PERF_SPIN_NS must be 0 to " + MAX_SPIN_NANOS + ", not '" + spin + "'");
        }
        return builder.spinBeforePark(Duration.ofNanos(nanos));
    }

    static void applySecurity(Socket socket, boolean binds) {
        if (!"1".equals(System.getenv("ZENMQ_PERF_CURVE"))) {
            return;
        }
        if (binds) {
            socket.set(SocketOptions.CURVE_SERVER, true);
            socket.set(SocketOptions.CURVE_SECRETKEY, Z85.decode(SERVER_SECRET));
        } else {
            socket.set(SocketOptions.CURVE_SERVERKEY, Z85.decode(SERVER_PUBLIC));
            socket.set(SocketOptions.CURVE_PUBLICKEY, Z85.decode(CLIENT_PUBLIC));
            socket.set(SocketOptions.CURVE_SECRETKEY, Z85.decode(CLIENT_SECRET));
        }
    }
}
