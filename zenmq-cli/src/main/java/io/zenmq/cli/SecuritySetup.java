// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Authenticator;
import io.zenmq.Context;
import io.zenmq.CurveKeyPair;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.Z85;
import io.zenmq.ZapDecision;
import io.zenmq.ZapRequest;

/**
 * Applies {@code sock}'s checked PLAIN and CURVE options (cli.md, "Security") to the socket and,
 * for a server, installs the context's ZAP handler: {@code --auth} users or {@code --auth-curve}
 * keys through an {@link Authenticator}; a PLAIN server without {@code --auth} admits anyone
 * (libzmq would refuse everyone without a handler), a CURVE server without {@code --auth-curve}
 * needs no handler.
 */
final class SecuritySetup {
    private SecuritySetup() {
    }

    static void apply(Context ctx, Socket socket, SockArgs a) {
        if (a.plainServer) {
            socket.set(SocketOptions.PLAIN_SERVER, true);
            ctx.zapHandler(a.auth.isEmpty() ? SecuritySetup::admitAnyone : plainUsers(a));
        } else if (a.plainUser != null) {
            socket.set(SocketOptions.PLAIN_USERNAME, a.plainUser);
            socket.set(SocketOptions.PLAIN_PASSWORD, a.plainPassword);
        } else if (a.curveServer) {
            socket.set(SocketOptions.CURVE_SERVER, true);
            socket.set(SocketOptions.CURVE_SECRETKEY, Z85.decode(a.curveSecret));
            if (!a.authCurve.isEmpty()) {
                Authenticator keys = new Authenticator();
                a.authCurve.forEach(keys::curveKey);
                ctx.zapHandler(keys);
            }
        } else if (a.curveServerKey != null) {
            CurveKeyPair own = a.curveSecret != null ? CurveKeyPair.fromSecretKey(a.curveSecret)
                    : CurveKeyPair.generate();
            socket.set(SocketOptions.CURVE_SERVERKEY, Z85.decode(a.curveServerKey));
            socket.set(SocketOptions.CURVE_PUBLICKEY,
                    a.curvePublic != null ? Z85.decode(a.curvePublic) : own.publicKey());
            socket.set(SocketOptions.CURVE_SECRETKEY, own.secretKey());
        }
    }

    /** Whether this socket authenticates to a server, so a refusal ends the command. */
    static boolean isClient(SockArgs a) {
        return a.plainUser != null || a.curveServerKey != null;
    }

    private static Authenticator plainUsers(SockArgs a) {
        Authenticator users = new Authenticator();
        for (String entry : a.auth) {
            int colon = entry.indexOf(':');
            users.plainUser(entry.substring(0, colon), entry.substring(colon + 1));
        }
        return users;
    }

    private static ZapDecision admitAnyone(ZapRequest request) {
        return ZapDecision.allow(request.mechanism() == ZapRequest.Mechanism.PLAIN ? request.username() : "");
    }
}
