// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

/** Checks CURVE keys written in Z85 (ZeroMQ RFC 32): 40 characters, each 5-character group at most 2^32-1. */
final class Z85Key {
    private static final String ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final int KEY_CHARS = 40;

    private Z85Key() {
    }

    /**
     * Checks a key given on the command line.
     *
     * @throws CliException (usage) naming the option if the key is malformed
     */
    static void check(String option, String key) {
        if (key.length() != KEY_CHARS) {
            throw CliException.usage("option " + option + ": a key is 40 Z85 characters, got " + key.length());
        }
        for (int group = 0; group < KEY_CHARS; group += 5) {
            long value = 0;
            for (int i = group; i < group + 5; i++) {
                int digit = ALPHABET.indexOf(key.charAt(i));
                if (digit < 0) {
                    throw CliException.usage("option " + option + ": '" + key.charAt(i) + "' is not a Z85 character");
                }
                value = value * 85 + digit;
            }
            if (value > 0xffff_ffffL) {
                throw CliException.usage("option " + option + ": Z85 group " + key.substring(group, group + 5)
                        + " exceeds 2^32-1");
            }
        }
    }
}
