// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The PLAIN users an Authenticator accepts: users given in code, and at most one password file.
 * A user given in code takes precedence over the same name in the file. Immutable.
 *
 * @param users names to passwords (UTF-8)
 * @param file the password file, or null
 */
public record PlainUsers(Map<String, byte[]> users, PasswordFile file) {
    /** No users: every PLAIN client is refused. */
    public static final PlainUsers NONE = new PlainUsers(Map.of(), null);

    /**
     * Adds or replaces a user.
     *
     * @param username the name
     * @param password the password
     * @return the new set of users
     */
    public PlainUsers withUser(String username, String password) {
        Map<String, byte[]> copy = new HashMap<>(users);
        copy.put(username, password.getBytes(StandardCharsets.UTF_8));
        return new PlainUsers(Map.copyOf(copy), file);
    }

    /**
     * Uses a password file, replacing any earlier one.
     *
     * @param passwords the file, already read
     * @return the new set of users
     */
    public PlainUsers withFile(PasswordFile passwords) {
        return new PlainUsers(users, passwords);
    }

    /**
     * Checks a user name and password, both as sent.
     *
     * @param username the name's bytes
     * @param password the password's bytes
     * @return null if they match, else why not
     */
    public String refusal(byte[] username, byte[] password) {
        String name = new String(username, StandardCharsets.UTF_8);
        // bytes that are not UTF-8 must not match a name through replacement characters
        if (!Arrays.equals(name.getBytes(StandardCharsets.UTF_8), username)) {
            return "unknown user";
        }
        byte[] expected = users.get(name);
        if (expected == null && file != null) {
            expected = file.password(name);
        }
        if (expected == null) {
            return users.isEmpty() && file == null ? "no PLAIN users are configured" : "unknown user " + name;
        }
        return MessageDigest.isEqual(expected, password) ? null : "wrong password for user " + name;
    }
}
