// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The IP address rules of zauth: when any address is allowed, only allowed addresses pass and the
 * deny list is ignored; otherwise every address passes except the denied ones. Immutable.
 *
 * <p>Addresses are compared by value where they are IP literals, so {@code ::1} matches
 * {@code 0:0:0:0:0:0:0:1} and an IPv4-mapped {@code ::ffff:10.0.0.1} matches {@code 10.0.0.1};
 * anything else (an ipc peer's {@code localhost:uid:gid:pid}) is compared as text. No name is ever
 * looked up.
 *
 * @param allowed canonical forms of the allowed addresses
 * @param denied canonical forms of the denied addresses
 */
public record AddressRules(Set<String> allowed, Set<String> denied) {
    /** No rules: every address passes. */
    public static final AddressRules NONE = new AddressRules(Set.of(), Set.of());
    /** What {@link InetAddress#getByName} reads as an IPv6 literal without any name lookup. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?");

    /**
     * Adds allowed addresses.
     *
     * @param addresses IP addresses (or ipc peer addresses) as text
     * @return the new rules
     */
    public AddressRules allow(String... addresses) {
        return new AddressRules(union(allowed, addresses), denied);
    }

    /**
     * Adds denied addresses.
     *
     * @param addresses IP addresses (or ipc peer addresses) as text
     * @return the new rules
     */
    public AddressRules deny(String... addresses) {
        return new AddressRules(allowed, union(denied, addresses));
    }

    /** @return true when both lists are set, so the deny list has no effect */
    public boolean ignoresDenyList() {
        return !allowed.isEmpty() && !denied.isEmpty();
    }

    /**
     * Checks an address.
     *
     * @param address the peer's address from the ZAP request
     * @return null if it passes, else why not
     */
    public String refusal(String address) {
        String canonical = canonical(address);
        if (!allowed.isEmpty()) {
            return allowed.contains(canonical) ? null : "address " + address + " is not in the allow list";
        }
        return denied.contains(canonical) ? "address " + address + " is in the deny list" : null;
    }

    /**
     * Returns the form addresses are compared in.
     *
     * @param address an address as text
     * @return IPv6 literals in Java's full form, IPv4-mapped ones as IPv4, anything else unchanged
     */
    static String canonical(String address) {
        String bare = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (bare.indexOf(':') < 0 || !IPV6_LITERAL.matcher(bare).matches()) {
            return address;
        }
        try {
            // a literal with a colon is parsed, never looked up
            return InetAddress.getByName(bare).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static Set<String> union(Set<String> set, String... addresses) {
        Set<String> result = new HashSet<>(set);
        for (String address : addresses) {
            if (address.isEmpty()) {
                throw new IllegalArgumentException("an address must not be empty");
            }
            result.add(canonical(address));
        }
        return Set.copyOf(result);
    }
}
