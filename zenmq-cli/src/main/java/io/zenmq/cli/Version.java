// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of {@code zenmq --version}, which the build writes into version.properties. */
final class Version {
    private Version() {
    }

    /** The project's version, e.g. {@code 0.1.0}. */
    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
