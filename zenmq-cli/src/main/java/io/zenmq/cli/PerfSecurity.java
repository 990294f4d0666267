// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.Z85;

/**
 * CURVE for {@code perf} when the environment has {@code ZENMQ_PERF_CURVE=1}, so CURVE can be
 * timed against libzmq's (bench/curve): the binding side is the server, the connecting side the
 * client. The keys are the published test keys of the zmq_curve(7) manual: for benchmarks only.
 */
final class PerfSecurity {
    private static final String SERVER_PUBLIC = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
    private static final String SERVER_SECRET = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
    private static final String CLIENT_PUBLIC = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
    private static final String CLIENT_SECRET = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs";

    private PerfSecurity() {
    }

    static void apply(Socket socket, boolean binds) {
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
