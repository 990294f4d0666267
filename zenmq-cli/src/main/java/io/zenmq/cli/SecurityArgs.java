// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Z85;
import io.zenmq.ZmqException;

/**
 * Checks the PLAIN and CURVE options of {@code sock} for consistency (cli.md, "Security"): key
 * syntax and the combinations that are usage errors.
 */
final class SecurityArgs {
    private static final int KEY_CHARS = 40;

    private SecurityArgs() {
    }

    static void check(SockArgs a) {
        checkKeys(a);
        boolean plainClient = a.plainUser != null || a.plainPassword != null;
        boolean plain = a.plainServer || !a.auth.isEmpty() || plainClient;
        boolean curveClientKeys = a.curveServerKey != null || a.curvePublic != null;
        boolean curve = a.curveServer || a.curveSecret != null || !a.authCurve.isEmpty() || curveClientKeys;
        if (plain && curve) {
            throw CliException.usage("PLAIN and CURVE options cannot be mixed");
        }
        for (String entry : a.auth) {
            if (entry.indexOf(':') < 0) {
                throw CliException.usage("option --auth: expected USER:PASS, got '" + entry + "'");
            }
        }
        if (!a.auth.isEmpty() && !a.plainServer) {
            throw CliException.usage("option --auth needs --plain-server");
        }
        if (a.plainServer && plainClient) {
            throw CliException.usage("--plain-server cannot be combined with --plain-user/--plain-password");
        }
        if (plainClient && (a.plainUser == null || a.plainPassword == null)) {
            throw CliException.usage("a PLAIN client needs both --plain-user and --plain-password");
        }
        checkCurve(a);
    }

    private static void checkCurve(SockArgs a) {
        if (!a.authCurve.isEmpty() && !a.curveServer) {
            throw CliException.usage("option --auth-curve needs --curve-server");
        }
        if (a.curveServer && a.curveSecret == null) {
            throw CliException.usage("--curve-server needs --curve-secret");
        }
        if (a.curveServer && (a.curveServerKey != null || a.curvePublic != null)) {
            throw CliException.usage("--curve-server cannot be combined with client keys");
        }
        if (!a.curveServer && (a.curveSecret != null || a.curvePublic != null) && a.curveServerKey == null) {
            throw CliException.usage("a CURVE client needs --curve-serverkey");
        }
    }

    private static void checkKeys(SockArgs a) {
        checkKey("--curve-secret", a.curveSecret);
        checkKey("--curve-serverkey", a.curveServerKey);
        checkKey("--curve-public", a.curvePublic);
        for (String key : a.authCurve) {
            checkKey("--auth-curve", key);
        }
    }

    private static void checkKey(String option, String key) {
        if (key == null) {
            return;
        }
        if (key.length() != KEY_CHARS) {
            throw CliException.usage("option " + option + ": a key is 40 Z85 characters, got " + key.length());
        }
        try {
            Z85.decode(key);
        } catch (ZmqException e) {
            throw CliException.usage("option " + option + ": " + e.getMessage());
        }
    }
}
