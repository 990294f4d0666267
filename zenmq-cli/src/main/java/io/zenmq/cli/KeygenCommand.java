// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.CurveCertificate;
import io.zenmq.CurveKeyPair;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code zenmq keygen}: a fresh CURVE key pair, public then secret, in Z85 (cli.md, "keygen");
 * with {@code --cert PATH} it also saves the pair as CZMQ's two certificate files, {@code PATH}
 * and {@code PATH_secret}.
 */
final class KeygenCommand {
    private KeygenCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Path cert = certPath(argv);
        CurveKeyPair pair = CurveKeyPair.generate();
        if (cert != null) {
            save(CurveCertificate.of(pair), cert);
        }
        out.println("public: " + pair.publicKeyZ85());
        out.println("secret: " + pair.secretKeyZ85());
        out.flush();
        return 0;
    }

    /** The {@code --cert} file, or null; anything else is a usage error. */
    private static Path certPath(List<String> argv) {
        if (argv.isEmpty()) {
            return null;
        }
        String value;
        if (argv.size() == 2 && argv.get(0).equals("--cert")) {
            value = argv.get(1);
        } else if (argv.size() == 1 && argv.get(0).startsWith("--cert=")) {
            value = argv.get(0).substring("--cert=".length());
        } else if (argv.size() == 1 && argv.get(0).equals("--cert")) {
            throw CliException.usage("option --cert needs a value");
        } else {
            throw CliException.usage("keygen takes no arguments but --cert PATH");
        }
        if (value.isEmpty()) {
            throw CliException.usage("option --cert: the path must not be empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw CliException.usage("option --cert: bad path '" + value + "'");
        }
    }

    private static void save(CurveCertificate certificate, Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw CliException.failure("cannot write certificate " + path + ": no such directory");
        }
        try {
            certificate.save(path);
        } catch (IOException e) {
            throw CliException.failure("cannot write certificate " + path + ": " + e.getMessage());
        }
    }
}
