// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.CurveKeyPair;
import java.io.PrintStream;
import java.util.List;

/** {@code zenmq keygen}: a fresh CURVE key pair, public then secret, in Z85 (cli.md, "keygen"). */
final class KeygenCommand {
    private KeygenCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        if (!argv.isEmpty()) {
            throw CliException.usage("keygen takes no arguments");
        }
        CurveKeyPair pair = CurveKeyPair.generate();
        out.println("public: " + pair.publicKeyZ85());
        out.println("secret: " + pair.secretKeyZ85());
        out.flush();
        return 0;
    }
}
