// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The udp transport's layouts (spec patterns.md sections 7.2 and 7.6, transports.md section 5),
 * in one place. A RADIO's message is one datagram:
 *
 * <pre>
 * +----------+--------------+------------------+
 * | glen (1) | group (glen) | body             |   at most 8192 bytes in all
 * +----------+--------------+------------------+
 * </pre>
 *
 * A DGRAM's datagram is the body alone; its address frame is the peer's {@code "ip:port"} as text
 * ending in a NUL byte, as libzmq hands it out ({@code "[v6]:port"} for IPv6, which libzmq 4.3 does
 * not have); a frame sent may end in a NUL or not. libzmq sends and reads datagrams
 * through a buffer of 8192 bytes: a longer datagram arriving is cut to that size. Stateless.
 */
public final class UdpLayout {
    /** libzmq's udp buffer: the longest datagram sent, and where a longer one received is cut. */
    public static final int MAX_DATAGRAM = 8192;
    /** Length of the group-length byte. */
    public static final int GROUP_LENGTH_LENGTH = 1;

    private UdpLayout() {
    }

    /**
     * Tells whether a RADIO message fits one datagram.
     *
     * @param group the group's bytes (at most 255)
     * @param body the body
     * @return true if {@code 1 + group + body <= 8192}
     */
    public static boolean fits(byte[] group, byte[] body) {
        return GROUP_LENGTH_LENGTH + (long) group.length + body.length <= MAX_DATAGRAM;
    }

    /**
     * Writes a RADIO message as a datagram; it must {@link #fits}.
     *
     * @param out a buffer of at least {@link #MAX_DATAGRAM} bytes, cleared; left flipped
     * @param group the group (at most 255 bytes)
     * @param body the body
     */
    public static void putGroupDatagram(ByteBuffer out, byte[] group, byte[] body) {
        out.put((byte) group.length).put(group).put(body).flip();
    }

    /**
     * Reads the group length of a RADIO datagram.
     *
     * @param in the datagram, flipped
     * @return the group's length, or -1 if the datagram is empty or shorter than its group (libzmq
     *     ignores it)
     */
    public static int groupLength(ByteBuffer in) {
        if (in.remaining() < GROUP_LENGTH_LENGTH) {
            return -1;
        }
        int length = in.get(in.position()) & 0xFF;
        return in.remaining() - GROUP_LENGTH_LENGTH < length ? -1 : length;
    }

    /**
     * Formats a DGRAM peer's address frame.
     *
     * @param address where a datagram came from
     * @return {@code "a.b.c.d:port"} (or {@code "[v6]:port"}) as ASCII, with libzmq's closing NUL
     */
    public static byte[] addressFrame(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String literal = ip instanceof Inet6Address
                ? "[" + Endpoint.compressIpv6(ip.getAddress()) + "]" : ip.getHostAddress();
        return (literal + ":" + address.getPort() + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses a DGRAM address frame: a numeric IP and a port, never a name.
     *
     * @param frame {@code "a.b.c.d:port"} or {@code "[v6]:port"}
     * @return the address, or null if the frame is not one (libzmq drops such a message)
     */
    public static InetSocketAddress parseAddressFrame(byte[] frame) {
        int length = frame.length > 0 && frame[frame.length - 1] == 0 ? frame.length - 1 : frame.length;
        String text = new String(frame, 0, length, StandardCharsets.US_ASCII);
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.length() - colon > 6) {
            return null;
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (!host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return null;
        }
        if (host.isEmpty() || !text.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int port = Integer.parseInt(text.substring(colon + 1));
        if (port == 0 || port > 65535) {
            return null;
        }
        try {
            // a literal: no lookup happens
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
