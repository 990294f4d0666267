// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PushPullTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);



    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverMessagesInOrder(Transport transport) throws InterruptedException {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        String endpoint = pull.bind(transport.bindable());
        push.connect(endpoint);
        Thread sender = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                push.send("m" + i);
            }
        });
        sender.start();
        for (int i = 0; i < 10_000; i++) {
            assertThat(pull.recvString(WAIT)).isEqualTo("m" + i);
        }
        sender.join();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldSendOneUnchangedArrayManyTimesThroughAReusedMsg(Transport transport) throws InterruptedException {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        String endpoint = pull.bind(transport.bindable());
        push.connect(endpoint);
        byte[] payload = new byte[70_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        int count = 3_000;
        Msg msg = new Msg();
        Thread sender = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                push.send(msg.add(payload));
                assertThat(msg.isEmpty()).as("a sent Msg is empty again").isTrue();
            }
        });
        sender.start();
        for (int i = 0; i < count; i++) {
            byte[] frame = pull.recv(WAIT);
            assertThat(frame).as("message %d", i).isEqualTo(payload);
            if (transport == Transport.INPROC) {
                // no copy anywhere: inproc hands over the sender's array itself
                assertThat(frame).isSameAs(payload);
            }
        }
        sender.join();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverMultipartMessagesWhole(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        String endpoint = pull.bind(transport.bindable());
        push.connect(endpoint);
        byte[] big = new byte[300_000];
        big[299_999] = 7;
        push.send(Msg.of(new byte[0], new byte[] {1}, new byte[255], new byte[256], big));
        Msg msg = pull.recvMsg(WAIT);
        assertThat(msg.size()).isEqualTo(5);
        assertThat(msg.frame(0)).isEmpty();
        assertThat(msg.frame(1)).containsExactly(1);
        assertThat(msg.frame(2)).hasSize(255);
        assertThat(msg.frame(3)).hasSize(256);
        assertThat(msg.frame(4)).isEqualTo(big);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldQueueWhenConnectingBeforeBind(Transport transport) {
        String where = transport.unbound();
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(where);
        push.send("early");
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(where);
        assertThat(pull.recvString(WAIT)).isEqualTo("early");
    }
}
