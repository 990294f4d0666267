// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.util.Enumeration;

/**
 * A resolved {@code udp://} endpoint (spec transports.md section 5), as libzmq's udp address:
 * {@code udp://[iface;]host:port}. The host is where a sender sends (a RADIO's connect, DNS
 * allowed) or, for a receiver's bind, the local address or interface name to bind ({@code *}
 * for all); a multicast group as host means: bind the wildcard address on the port and join the
 * group, and send to the group. The interface prefix, by name or address, picks the interface
 * to join and send multicast on, and is refused for a unicast host. A receiver that connects
 * binds too (the port, on the wildcard address), as in libzmq.
 *
 * <p>Immutable. Resolving may look names up (interfaces, DNS for a sender's host): call it on
 * the socket's thread.
 */
public final class UdpEndpoint {
    private final String given;
    private final String interfacePrefix;
    private final NetworkInterface networkInterface;
    private final InetSocketAddress target;
    private final InetSocketAddress bindAddress;
    private final boolean multicast;

    private UdpEndpoint(String given, String interfacePrefix, NetworkInterface networkInterface,
                        InetSocketAddress target, InetSocketAddress bindAddress) {
        this.given = given;
        this.interfacePrefix = interfacePrefix;
        this.networkInterface = networkInterface;
        this.target = target;
        this.bindAddress = bindAddress;
        this.multicast = target.getAddress().isMulticastAddress();
    }

    /**
     * Resolves a udp endpoint.
     *
     * @param endpoint a parsed {@code udp://} endpoint
     * @param forBind true for a receiver's bind (interface names and {@code *} as host), false
     *     for a connect (DNS names allowed)
     * @param ipv6 {@code ZMQ_IPV6}: the wildcard is IPv6's
     * @return the endpoint
     * @throws ZmqException {@link ErrorCode#EINVAL} for bad syntax, an interface with a unicast
     *     host, a multicast interface address or a host that does not resolve;
     *     {@link ErrorCode#ENODEV} for an unknown interface
     */
    public static UdpEndpoint resolve(Endpoint endpoint, boolean forBind, boolean ipv6) {
        String text = endpoint.toString();
        String address = endpoint.path();
        int semicolon = address.lastIndexOf(';');
        String prefix = null;
        NetworkInterface nic = null;
        if (semicolon >= 0) {
            prefix = address.substring(0, semicolon);
            nic = interfaceOf(text, prefix);
            address = address.substring(semicolon + 1);
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw Endpoint.invalid(text, "expected host:port");
        }
        String host = address.substring(0, colon);
        String portText = address.substring(colon + 1);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 3) {
                throw Endpoint.invalid(text, "unbalanced brackets");
            }
            host = host.substring(1, host.length() - 1);
        }
        int port = portText.equals("*") && forBind ? 0 : Endpoint.parsePort(text, portText);
        if (!forBind && port == 0) {
            throw Endpoint.invalid(text, "connect needs a port from 1 to 65535");
        }
        InetAddress hostAddress = hostAddress(text, host, forBind, ipv6);
        boolean isMulticast = hostAddress.isMulticastAddress();
        if (prefix != null && !isMulticast) {
            throw Endpoint.invalid(text, "an interface goes with a multicast group only");
        }
        InetSocketAddress target = new InetSocketAddress(hostAddress, port);
        InetSocketAddress bind = isMulticast || !forBind
                ? new InetSocketAddress(wildcard(hostAddress instanceof Inet6Address), port) : target;
        return new UdpEndpoint(text, prefix, nic, target, bind);
    }

    private static NetworkInterface interfaceOf(String text, String name) {
        if (name.equals("*")) {
            return null;
        }
        try {
            NetworkInterface byName = NetworkInterface.getByName(name);
            if (byName != null) {
                return byName;
            }
            if (!isLiteral(name)) {
                throw new ZmqException(ErrorCode.ENODEV, "no interface " + name + " for " + text);
            }
            InetAddress address = InetAddress.getByName(name);
            if (address.isMulticastAddress()) {
                throw Endpoint.invalid(text, "a multicast address is no interface");
            }
            NetworkInterface byAddress = NetworkInterface.getByInetAddress(address);
            if (byAddress == null) {
                throw new ZmqException(ErrorCode.ENODEV, "no interface has address " + name + " for " + text);
            }
            return byAddress;
        } catch (SocketException | UnknownHostException e) {
            throw new ZmqException(ErrorCode.ENODEV, "no interface " + name + " for " + text, e);
        }
    }

    private static InetAddress hostAddress(String text, String host, boolean forBind, boolean ipv6) {
        try {
            if (host.equals("*")) {
                if (!forBind) {
                    throw Endpoint.invalid(text, "connect needs a host");
                }
                return wildcard(ipv6);
            }
            if (isLiteral(host)) {
                return InetAddress.getByName(host);
            }
            if (forBind) {
                // a receiver binds an interface by name, never a DNS name (libzmq)
                NetworkInterface nic = NetworkInterface.getByName(host);
                if (nic == null) {
                    throw new ZmqException(ErrorCode.ENODEV, "no interface " + host + " for " + text);
                }
                return firstAddress(text, nic, ipv6);
            }
            return InetAddress.getByName(host);
        } catch (UnknownHostException | SocketException e) {
            throw Endpoint.invalid(text, "cannot resolve " + host);
        }
    }

    private static InetAddress firstAddress(String text, NetworkInterface nic, boolean ipv6) {
        InetAddress fallback = null;
        for (Enumeration<InetAddress> it = nic.getInetAddresses(); it.hasMoreElements();) {
            InetAddress address = it.nextElement();
            if (address instanceof Inet4Address) {
                return address;
            }
            if (ipv6 && fallback == null) {
                fallback = address;
            }
        }
        if (fallback == null) {
            throw new ZmqException(ErrorCode.ENODEV, "interface " + nic.getName() + " has no address for " + text);
        }
        return fallback;
    }

    /** An IP literal: digits and dots, or anything with a colon (IPv6); never looked up in DNS. */
    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static InetAddress wildcard(boolean ipv6) {
        try {
            return InetAddress.getByName(ipv6 ? "::" : "0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the wildcard address is always known", e);
        }
    }

    /**
     * Opens an unbound, non-blocking datagram channel of the endpoint's address family.
     *
     * @return the channel
     * @throws IOException if the JDK cannot open one
     */
    public DatagramChannel openChannel() throws IOException {
        ProtocolFamily family = target.getAddress() instanceof Inet6Address || bindAddress.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel channel = DatagramChannel.open(family);
        channel.configureBlocking(false);
        return channel;
    }

    /**
     * Finds the interface to join a multicast group on: the one given, else the one the routing
     * table sends the group's traffic through (what the kernel picks for libzmq's "any
     * interface" join), else the first interface up (a non-loopback one first).
     *
     * @return the interface
     * @throws ZmqException {@link ErrorCode#ENODEV} if no interface is up
     */
    public NetworkInterface joinInterface() {
        if (networkInterface != null) {
            return networkInterface;
        }
        NetworkInterface routed = routedInterface();
        if (routed != null) {
            return routed;
        }
        try {
            // a route without a source address (e.g. "224.0.0.0/4 dev lo"): the first interface up,
            // preferring one that is not loopback
            NetworkInterface loopback = null;
            for (Enumeration<NetworkInterface> it = NetworkInterface.getNetworkInterfaces(); it.hasMoreElements();) {
                NetworkInterface nic = it.nextElement();
                if (!nic.isUp()) {
                    continue;
                }
                if (!nic.isLoopback() && nic.supportsMulticast()) {
                    return nic;
                }
                if (nic.isLoopback()) {
                    loopback = nic;
                }
            }
            if (loopback != null) {
                return loopback;
            }
        } catch (SocketException e) {
            throw new ZmqException(ErrorCode.ENODEV, "no interface for " + given + ": " + e.getMessage(), e);
        }
        throw new ZmqException(ErrorCode.ENODEV, "no interface routes to " + given);
    }

    /** The interface whose address the routing table picks as the source towards the group, or null. */
    private NetworkInterface routedInterface() {
        try (DatagramChannel probe = openChannel()) {
            // connecting a datagram socket sends nothing: it only asks the routing table
            probe.connect(new InetSocketAddress(target.getAddress(), target.getPort() == 0 ? 9 : target.getPort()));
            InetAddress local = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
            return local.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(local);
        } catch (IOException e) {
            // no route at all: fall back to the interfaces that are up
            return null;
        }
    }

    /** @return the interface given in the endpoint, or null */
    public NetworkInterface networkInterface() {
        return networkInterface;
    }

    /** @return where a sender sends: the host (or group) and port */
    public InetSocketAddress target() {
        return target;
    }

    /** @return where a receiver binds: the wildcard for a group or a connect, else the host */
    public InetSocketAddress bindAddress() {
        return bindAddress;
    }

    /** @return true if the host is a multicast group */
    public boolean isMulticast() {
        return multicast;
    }

    /**
     * Returns the endpoint as bound, with the port the kernel chose.
     *
     * @param port the bound port
     * @return e.g. {@code udp://127.0.0.1:41734} or {@code udp://lo;239.0.0.1:5555}
     */
    public String boundText(int port) {
        InetAddress host = multicast ? target.getAddress() : bindAddress.getAddress();
        String literal = host instanceof Inet6Address
                ? "[" + Endpoint.compressIpv6(host.getAddress()) + "]" : host.getHostAddress();
        return "udp://" + (interfacePrefix != null ? interfacePrefix + ";" : "") + literal + ":" + port;
    }

    @Override
    public String toString() {
        return given;
    }
}
