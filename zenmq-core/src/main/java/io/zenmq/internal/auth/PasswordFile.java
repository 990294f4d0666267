// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A password file as zauth reads it: one {@code name=password} per line; lines that start with
 * {@code #}, have no {@code =} or start with one are skipped. The name ends at the first {@code =},
 * and the password is the rest of the line, spaces included (only the line break is removed). A
 * later line for the same name wins. The file is read again whenever it changes; while it cannot be
 * read, no user from it is accepted. Thread-safe.
 */
public final class PasswordFile {
    private final Path file;
    private final ReloadOnChange<Map<String, byte[]>> passwords;

    /**
     * Reads a password file.
     *
     * @param file the file
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public PasswordFile(Path file) {
        this.file = file;
        this.passwords = new ReloadOnChange<>("password file " + file, () -> FileStamp.of(file),
                () -> parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)), Map.of());
    }

    /**
     * Looks a user up, reading the file again first if it changed.
     *
     * @param username the user name
     * @return the password as UTF-8 (not copied), or null if the file has no such user
     */
    byte[] password(String username) {
        return passwords.get().get(username);
    }

    /**
     * Reads the lines of a password file.
     *
     * @param text the file's content
     * @return names to passwords (UTF-8)
     */
    static Map<String, byte[]> parse(String text) {
        Map<String, byte[]> passwords = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int equals = content.indexOf('=');
            if (content.startsWith("#") || equals <= 0) {
                continue;
            }
            passwords.put(content.substring(0, equals),
                    content.substring(equals + 1).getBytes(StandardCharsets.UTF_8));
        }
        return Map.copyOf(passwords);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
