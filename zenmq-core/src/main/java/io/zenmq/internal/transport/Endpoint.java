// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.transport.ipc.AbstractNamespace;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A parsed endpoint string ({@code tcp://host:port}, {@code ipc:///path}, {@code ipc://@name},
 * {@code inproc://name}, {@code udp://[iface;]host:port}).
 *
 * <p>Immutable. Parsing checks syntax only; tcp host names resolve in {@link #resolve()}, which a
 * connecting session calls on every attempt.
 */
public final class Endpoint {
    /** The transports zenmq knows. */
    public enum Transport {
        /** TCP. */
        TCP,
        /** Unix domain sockets. */
        IPC,
        /** In-process pipes. */
        INPROC,
        /** UDP datagrams (RADIO/DISH, DGRAM); see {@link UdpEndpoint}. */
        UDP
    }

    /** Longest ipc path the kernel accepts (sun_path is 108 bytes including the NUL). */
    private static final int MAX_IPC_PATH = 107;

    private final String text;
    private final Transport transport;
    private final String host;
    private final int port;
    private final String path;
    private final Endpoint source;

    private Endpoint(String text, Transport transport, String host, int port, String path) {
        this(text, transport, host, port, path, null);
    }

    private Endpoint(String text, Transport transport, String host, int port, String path, Endpoint source) {
        this.source = source;
        this.text = text;
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /**
     * Parses an endpoint.
     *
     * @param text the endpoint string
     * @param forBind true for bind (wildcards allowed), false for connect
     * @return the endpoint
     * @throws ZmqException {@link ErrorCode#EINVAL} for bad syntax,
     *     {@link ErrorCode#EPROTONOSUPPORT} for an unknown or unsupported transport,
     *     {@link ErrorCode#ENAMETOOLONG} for an ipc path that is too long
     */
    public static Endpoint parse(String text, boolean forBind) {
        int sep = text.indexOf("://");
        if (sep <= 0) {
            throw invalid(text, "expected transport://address");
        }
        String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
        String address = text.substring(sep + 3);
        if (address.isEmpty()) {
            throw invalid(text, "empty address");
        }
        switch (scheme) {
            case "tcp":
                return parseTcp(text, address, forBind);
            case "ipc":
                return parseIpc(text, address);
            case "inproc":
                return new Endpoint(text, Transport.INPROC, null, 0, address);
            case "udp":
                // resolved with the socket's type and options by UdpEndpoint
                return new Endpoint(text, Transport.UDP, null, 0, address);
            default:
                throw new ZmqException(ErrorCode.EPROTONOSUPPORT, "unsupported transport: " + scheme);
        }
    }

    private static Endpoint parseTcp(String text, String address, boolean forBind) {
        int semicolon = address.indexOf(';');
        if (semicolon >= 0) {
            if (forBind) {
                throw invalid(text, "a source address is for connect only");
            }
            // tcp://SOURCE;DEST: bind the outgoing connection to SOURCE first (libzmq)
            Endpoint source = parseTcp(text, address.substring(0, semicolon), true);
            Endpoint dest = parseTcp(text, address.substring(semicolon + 1), false);
            return new Endpoint(text, Transport.TCP, dest.host, dest.port, null, source);
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw invalid(text, "expected host:port");
        }
        String host = address.substring(0, colon);
        String portText = address.substring(colon + 1);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 3) {
                throw invalid(text, "unbalanced brackets");
            }
            host = host.substring(1, host.length() - 1);
        }
        int port;
        if (portText.equals("*")) {
            port = 0;
        } else {
            port = parsePort(text, portText);
        }
        if (!forBind && (port == 0 || host.equals("*"))) {
            throw invalid(text, "connect needs a host and a port from 1 to 65535");
        }
        if (!forBind && !isHostSyntax(host)) {
            // libzmq's resolver refuses such a name at connect with EINVAL; never hand it to DNS
            throw invalid(text, "not a host name or address");
        }
        return new Endpoint(text, Transport.TCP, host, port, null);
    }

    /**
     * Whether a connect host is well formed: an IPv6 literal (hex digits, colons, dots, an optional
     * {@code %zone}), or a DNS name or IPv4 literal (ASCII letters, digits, '-', '_' and dots, labels
     * of 1 to 63 characters, at most 253 in all, one trailing dot allowed).
     */
    static boolean isHostSyntax(String host) {
        if (host.indexOf(':') >= 0) {
            int zone = host.indexOf('%');
            String address = zone < 0 ? host : host.substring(0, zone);
            return !address.isEmpty() && address.chars().allMatch(Endpoint::isIpv6Char)
                    && (zone < 0 || isZone(host.substring(zone + 1)));
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        int label = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
            } else if (isNameChar(c) && ++label <= 63) {
                continue;
            } else {
                return false;
            }
        }
        return label > 0;
    }

    private static boolean isIpv6Char(int c) {
        return c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isZone(String zone) {
        return !zone.isEmpty() && zone.length() <= 64 && zone.chars().allMatch(c -> isNameChar((char) c));
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    static int parsePort(String text, String portText) {
        if (portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(text, "bad port");
        }
        int port = Integer.parseInt(portText);
        if (port > 65535) {
            throw invalid(text, "port above 65535");
        }
        return port;
    }

    private static Endpoint parseIpc(String text, String path) {
        // as libzmq: the whole path counts, '@' included (it becomes the NUL of an abstract name)
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_IPC_PATH) {
            throw new ZmqException(ErrorCode.ENAMETOOLONG, "ipc path too long: " + text);
        }
        if (path.equals("@")) {
            throw invalid(text, "an abstract name needs at least one character");
        }
        if (path.startsWith("@")) {
            AbstractNamespace.checkSupported(text);
        }
        return new Endpoint(text, Transport.IPC, null, 0, path);
    }

    static ZmqException invalid(String text, String why) {
        return new ZmqException(ErrorCode.EINVAL, "invalid endpoint " + text + ": " + why);
    }

    /**
     * Resolves the socket address: numeric hosts directly, names through the resolver
     * (blocking), {@code *} as the wildcard address.
     *
     * @return the address to bind or connect to
     * @throws ZmqException {@link ErrorCode#EINVAL} if a host name does not resolve
     */
    public SocketAddress resolve() {
        if (isAbstractIpc()) {
            try {
                return AbstractNamespace.address(path.substring(1));
            } catch (IOException e) {
                throw new ZmqException(ErrorCode.EINVAL, "bad abstract name " + text + ": " + e.getMessage(), e);
            }
        }
        if (transport == Transport.IPC) {
            return UnixDomainSocketAddress.of(path);
        }
        if (transport != Transport.TCP) {
            throw new IllegalStateException("no socket address for " + transport);
        }
        if (host.equals("*")) {
            return new InetSocketAddress(port);
        }
        try {
            InetAddress nic = interfaceAddress(host);
            return new InetSocketAddress(nic != null ? nic : InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new ZmqException(ErrorCode.EINVAL, "cannot resolve host " + host, e);
        }
    }

    /** The address of a network interface named {@code name} (IPv4 first), or null if none. */
    private static InetAddress interfaceAddress(String name) {
        try {
            java.net.NetworkInterface nic = java.net.NetworkInterface.getByName(name);
            if (nic == null) {
                return null;
            }
            InetAddress any = null;
            for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof java.net.Inet4Address) {
                    return address;
                }
                any = any == null ? address : any;
            }
            return any;
        } catch (java.net.SocketException e) {
            return null;
        }
    }

    /**
     * Tells whether this is an ipc endpoint in the Linux abstract namespace ({@code ipc://@name}):
     * no file, and a channel that only a dedicated I/O thread can select (see
     * {@link AbstractNamespace}).
     *
     * @return true for {@code ipc://@name}
     */
    public boolean isAbstractIpc() {
        return transport == Transport.IPC && path.startsWith("@");
    }

    /**
     * Opens an unconnected channel of this endpoint's kind: tcp, Unix-domain, or abstract-namespace
     * Unix-domain.
     *
     * @return the channel, blocking until configured otherwise
     * @throws IOException if the socket cannot be created
     */
    public SocketChannel openChannel() throws IOException {
        if (isAbstractIpc()) {
            return AbstractNamespace.openChannel();
        }
        return transport == Transport.IPC ? unixDomain(() -> SocketChannel.open(StandardProtocolFamily.UNIX))
                : SocketChannel.open();
    }

    /**
     * Opens an unbound listening channel of this endpoint's kind.
     *
     * @return the channel, blocking until configured otherwise
     * @throws IOException if the socket cannot be created
     */
    public ServerSocketChannel openServerChannel() throws IOException {
        if (isAbstractIpc()) {
            return AbstractNamespace.openServerChannel();
        }
        return transport == Transport.IPC ? unixDomain(() -> ServerSocketChannel.open(StandardProtocolFamily.UNIX))
                : ServerSocketChannel.open();
    }

    /** Opens a channel of some kind. */
    @FunctionalInterface
    interface ChannelOpener<T> {
        T open() throws IOException;
    }

    /**
     * Opens a Unix-domain channel, reporting a JDK or OS without Unix domain sockets (older
     * Windows) as libzmq reports a missing transport.
     *
     * @throws ZmqException {@link ErrorCode#ENOTSUP} where the platform has no Unix domain sockets
     */
    static <T> T unixDomain(ChannelOpener<T> opener) throws IOException {
        try {
            return opener.open();
        } catch (UnsupportedOperationException e) {
            throw new ZmqException(ErrorCode.ENOTSUP, "ipc:// needs Unix domain sockets, which this platform"
                    + " does not offer: " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether this is a tcp bind to every interface ({@code tcp://*:port}).
     *
     * @return true for the wildcard host
     */
    public boolean isWildcard() {
        return transport == Transport.TCP && "*".equals(host);
    }

    /**
     * Returns the tcp port (0 for an ephemeral bind).
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns where a connection must come from ({@code tcp://SOURCE;DEST}).
     *
     * @return the source endpoint, or null if the kernel picks
     */
    public Endpoint source() {
        return source;
    }

    /**
     * Tells whether {@link #resolve()} may have to ask DNS (a tcp host that is neither a literal
     * address nor {@code *}), so it must not run on an I/O thread.
     *
     * @return true for host names
     */
    public boolean needsLookup() {
        return transport == Transport.TCP && !host.equals("*") && !host.contains(":")
                && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /**
     * Formats a bound TCP address the way libzmq reports {@code ZMQ_LAST_ENDPOINT}.
     *
     * @param address the bound address
     * @return e.g. {@code tcp://127.0.0.1:41734} or {@code tcp://[::1]:41734}
     */
    public static String tcpText(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            host = "[" + compressIpv6(ip.getAddress()) + "]";
        }
        return "tcp://" + host + ":" + address.getPort();
    }

    /** Writes an IPv6 address as inet_ntop does (RFC 5952): the longest zero run becomes "::". */
    static String compressIpv6(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** @return the transport */
    public Transport transport() {
        return transport;
    }

    /** @return the ipc path or inproc name; null for tcp */
    public String path() {
        return path;
    }

    /** @return the endpoint as given */
    @Override
    public String toString() {
        return text;
    }
}
