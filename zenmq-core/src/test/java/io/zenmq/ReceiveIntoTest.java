// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Receiving into the caller's memory ({@code recv(byte[], int, int)}, {@code recv(ByteBuffer)})
 * and into a reused {@link Msg}: lengths and truncation as {@code zmq_recv}, multipart, buffer
 * positions, and the recycling rule (an array handed out by the allocating API is never refilled).
 */
class ReceiveIntoTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Socket[] pushPull(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(transport.bindable()));
        return new Socket[] {push, pull};
    }

    private static byte[] filled(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReturnTheExactLengthAndLeaveTheRestOfTheArrayAlone(Transport transport) {
        Socket[] s = pushPull(transport);
        s[0].send("hello");
        byte[] buffer = new byte[16];
        Arrays.fill(buffer, (byte) '#');
        s[1].set(SocketOptions.RCVTIMEO, WAIT);
        int n = s[1].recv(buffer, 3, 10);
        assertThat(n).isEqualTo(5);
        assertThat(new String(buffer, StandardCharsets.US_ASCII)).isEqualTo("###hello########");
        assertThat(s[1].hasMore()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldCutALongerFrameAndReportItsFullLengthAsZmqRecv(Transport transport) {
        Socket[] s = pushPull(transport);
        s[0].send("hello world");
        s[0].send("next");
        byte[] buffer = new byte[8];
        assertThat(s[1].recv(buffer, 1, 5, WAIT)).isEqualTo(11);
        assertThat(Arrays.copyOfRange(buffer, 0, 7)).containsExactly(0, 'h', 'e', 'l', 'l', 'o', 0);
        // the rest of the cut frame is gone, not delivered as another frame
        assertThat(s[1].recv(buffer, 0, 8, WAIT)).isEqualTo(4);
        assertThat(new String(buffer, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("next");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReceiveMultipartFrameByFrameWithHasMore(Transport transport) {
        Socket[] s = pushPull(transport);
        s[0].send(Msg.of(new byte[0], filled(300, 1), filled(70_000, 2)));
        byte[] buffer = new byte[100_000];
        assertThat(s[1].recv(buffer, 0, buffer.length, WAIT)).isZero();
        assertThat(s[1].hasMore()).isTrue();
        assertThat(s[1].recv(buffer, 0, buffer.length, WAIT)).isEqualTo(300);
        assertThat(Arrays.copyOf(buffer, 300)).isEqualTo(filled(300, 1));
        assertThat(s[1].hasMore()).isTrue();
        assertThat(s[1].tryRecv(buffer, 0, buffer.length)).isEqualTo(70_000);
        assertThat(Arrays.copyOf(buffer, 70_000)).isEqualTo(filled(70_000, 2));
        assertThat(s[1].hasMore()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldFillHeapAndDirectBuffersFromTheirPositionUpToTheirLimit(Transport transport) {
        Socket[] s = pushPull(transport);
        s[1].set(SocketOptions.RCVTIMEO, WAIT);
        for (ByteBuffer buffer : List.of(ByteBuffer.allocate(32), ByteBuffer.allocateDirect(32))) {
            s[0].send("abcdefghij");
            buffer.position(4).limit(20);
            assertThat(s[1].recv(buffer)).isEqualTo(10);
            assertThat(buffer.position()).isEqualTo(14);
            assertThat(buffer.limit()).isEqualTo(20);
            byte[] got = new byte[10];
            buffer.get(4, got);
            assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("abcdefghij");

            // only remaining() bytes are written; the full length is returned
            s[0].send("0123456789");
            buffer.position(16).limit(20);
            assertThat(s[1].recv(buffer, WAIT)).isEqualTo(10);
            assertThat(buffer.position()).isEqualTo(20);
            assertThat(buffer.limit()).isEqualTo(20);
            byte[] cut = new byte[4];
            buffer.get(16, cut);
            assertThat(new String(cut, StandardCharsets.US_ASCII)).isEqualTo("0123");
            assertThat(buffer.limit(32).get(20)).as("past the limit").isZero();
        }
    }

    @Test
    void shouldRefuseAReadOnlyBufferOrABadRangeWithoutLosingTheMessage() {
        Socket[] s = pushPull(Transport.TCP);
        s[0].send("kept");
        ByteBuffer readOnly = ByteBuffer.allocate(8).asReadOnlyBuffer();
        assertThatThrownBy(() -> s[1].recv(readOnly, WAIT)).isInstanceOf(ReadOnlyBufferException.class);
        byte[] small = new byte[4];
        assertThatThrownBy(() -> s[1].recv(small, 2, 3, WAIT)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(s[1].recvString(WAIT)).isEqualTo("kept");
    }

    @Test
    void shouldTimeOutAsTheRestOfTheRecvFamily() {
        Socket[] s = pushPull(Transport.INPROC);
        byte[] buffer = new byte[4];
        assertThat(s[1].tryRecv(buffer, 0, 4)).isEqualTo(-1);
        assertThat(s[1].tryRecv(ByteBuffer.allocate(4))).isEqualTo(-1);
        assertThat(s[1].recv(buffer, 0, 4, Duration.ofMillis(1))).isEqualTo(-1);
        assertThat(s[1].recv(ByteBuffer.allocate(4), Duration.ofMillis(1))).isEqualTo(-1);
        Msg reuse = Msg.of("left alone");
        assertThat(s[1].tryRecvMsg(reuse)).isFalse();
        assertThat(s[1].recvMsg(reuse, Duration.ofMillis(1))).isFalse();
        assertThat(reuse.string(0)).isEqualTo("left alone");
        s[1].set(SocketOptions.RCVTIMEO, Duration.ofMillis(1));
        assertThatThrownBy(() -> s[1].recv(buffer, 0, 4)).isInstanceOf(ZmqException.class)
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EAGAIN);
        assertThatThrownBy(() -> s[1].recv(ByteBuffer.allocate(4))).isInstanceOf(ZmqException.class);
        assertThatThrownBy(() -> s[1].recvMsg(reuse)).isInstanceOf(ZmqException.class);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldRefillAReusedMsgWithMessagesOfChangingSizesAndShapes(Transport transport) throws InterruptedException {
        Socket[] s = pushPull(transport);
        int count = 2_000;
        Thread sender = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                int parts = 1 + i % 3;
                Msg msg = new Msg();
                for (int p = 0; p < parts; p++) {
                    msg.add(filled(sizeOf(i, p), i + p));
                }
                s[0].send(msg);
            }
        });
        sender.start();
        Msg reuse = new Msg();
        for (int i = 0; i < count; i++) {
            assertThat(s[1].recvMsg(reuse, WAIT)).isTrue();
            int parts = 1 + i % 3;
            assertThat(reuse.size()).as("message %d", i).isEqualTo(parts);
            for (int p = 0; p < parts; p++) {
                assertThat(reuse.frame(p)).as("message %d frame %d", i, p).isEqualTo(filled(sizeOf(i, p), i + p));
            }
        }
        sender.join();
    }

    private static int sizeOf(int message, int part) {
        int[] sizes = {1, 16, 255, 256, 4096, 65_536, 70_000};
        return sizes[(message / 7 + part) % sizes.length];
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    void shouldRefillTheArraysAReusedMsgGaveBack(Transport transport) {
        Socket[] s = pushPull(transport);
        Msg reuse = new Msg();
        s[0].send(filled(64, 1));
        s[1].recvMsg(reuse, WAIT);
        byte[] first = reuse.frame(0);
        // this receive gives the first array back; the message after it is decoded into it
        s[0].send(filled(64, 2));
        s[1].recvMsg(reuse, WAIT);
        s[0].send(filled(64, 3));
        s[1].recvMsg(reuse, WAIT);
        assertThat(reuse.frame(0)).isSameAs(first).isEqualTo(filled(64, 3));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldNeverRefillAnArrayTheAllocatingApiHandedOut(Transport transport) {
        Socket[] s = pushPull(transport);
        List<byte[]> kept = new ArrayList<>();
        List<Msg> keptMessages = new ArrayList<>();
        Msg reuse = new Msg();
        byte[] buffer = new byte[128];
        ByteBuffer direct = ByteBuffer.allocateDirect(128);
        for (int i = 0; i < 600; i++) {
            // one size throughout, so any array wrongly given back would be refilled at once
            s[0].send(filled(128, i));
            switch (i % 6) {
                case 0 -> kept.add(s[1].recv(WAIT));
                case 1 -> assertThat(s[1].recv(buffer, 0, buffer.length, WAIT)).isEqualTo(128);
                case 2 -> keptMessages.add(s[1].recvMsg(WAIT));
                case 3 -> assertThat(s[1].recvMsg(reuse, WAIT)).isTrue();
                case 4 -> {
                    // a message from the allocating API passed as the reused one keeps its old frame
                    Msg owned = s[1].recvMsg(WAIT);
                    kept.add(owned.frame(0));
                    s[0].send(filled(128, -i));
                    assertThat(s[1].recvMsg(owned, WAIT)).isTrue();
                    assertThat(owned.frame(0)).isEqualTo(filled(128, -i));
                }
                default -> {
                    direct.clear();
                    assertThat(s[1].recv(direct, WAIT)).isEqualTo(128);
                    // a duplicate shares the frames: the original no longer gives them back
                    keptMessages.add(reuse.duplicate());
                }
            }
        }
        for (int i = 0, k = 0; i < 600; i += 6) {
            assertThat(kept.get(k++)).as("recv() of message %d", i).isEqualTo(filled(128, i));
            assertThat(kept.get(k++)).as("recvMsg() frame of message %d", i + 4).isEqualTo(filled(128, i + 4));
        }
        for (int i = 0, k = 0; i < 600; i += 6) {
            assertThat(keptMessages.get(k++).frame(0)).as("recvMsg() of message %d", i + 2)
                    .isEqualTo(filled(128, i + 2));
            assertThat(keptMessages.get(k++).frame(0)).as("duplicate of message %d", i + 3)
                    .isEqualTo(filled(128, i + 3));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReceiveIntoMemoryOnAThreadSafeSocket(Transport transport) {
        Socket server = ctx.socket(SocketType.SERVER);
        Socket client = ctx.socket(SocketType.CLIENT);
        client.connect(server.bind(transport.bindable()));
        client.send("ping");
        byte[] buffer = new byte[2];
        assertThat(server.recv(buffer, 0, 2, WAIT)).isEqualTo(4);
        assertThat(new String(buffer, StandardCharsets.US_ASCII)).isEqualTo("pi");
        client.send("pong");
        Msg reuse = new Msg();
        assertThat(server.recvMsg(reuse, WAIT)).isTrue();
        assertThat(reuse.string(0)).isEqualTo("pong");
        assertThat(reuse.routingId()).isNotZero();
        server.send(Msg.of("back").routingId(reuse.routingId()));
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        assertThat(client.recv(direct, WAIT)).isEqualTo(4);
        assertThat(direct.position()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldKeepTheRouterEnvelopeIntactWhenItsFramesAreReceivedIntoMemory(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        Socket dealer = ctx.socket(SocketType.DEALER);
        dealer.set(SocketOptions.ROUTING_ID, "D".getBytes(StandardCharsets.US_ASCII));
        dealer.connect(router.bind(transport.bindable()));
        Msg reuse = new Msg();
        byte[] buffer = new byte[8];
        for (int i = 0; i < 50; i++) {
            dealer.send("m" + i);
            if (i % 2 == 0) {
                assertThat(router.recvMsg(reuse, WAIT)).isTrue();
                assertThat(reuse.string(0)).isEqualTo("D");
                assertThat(reuse.string(1)).isEqualTo("m" + i);
            } else {
                assertThat(router.recv(buffer, 0, 8, WAIT)).isEqualTo(1);
                assertThat(router.hasMore()).isTrue();
                int n = router.recv(buffer, 0, 8, WAIT);
                assertThat(new String(buffer, 0, n, StandardCharsets.US_ASCII)).isEqualTo("m" + i);
            }
        }
        router.send(Msg.of("D", "reply"));
        assertThat(dealer.recvString(WAIT)).isEqualTo("reply");
    }
}
