// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static io.zenmq.PubSubSync.awaitSubscribed;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A PUB fanning out to many SUBs, over every transport: one subscriber that does not read costs
 * the others nothing, and subscribers that share the publisher's frames (the wire ones) never see
 * what an inproc subscriber does to the copy it was handed.
 */
class PubFanOutTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int SUBSCRIBERS = 20;
    private static final int BATCHES = 40;
    private static final int BATCH = 5;

    private static byte[] message(int n) {
        return ("m-" + n).getBytes(StandardCharsets.UTF_8);
    }

    private Socket subscriber(String endpoint, Socket pub) {
        Socket sub = ctx.socket(SocketType.SUB);
        sub.set(SocketOptions.RCVHWM, 10);
        sub.connect(endpoint);
        sub.subscribe("m-");
        awaitSubscribed(pub, sub);
        return sub;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverEverythingToEveryReadingSubscriberWhileOneNeverReads(Transport transport) {
        Socket pub = ctx.socket(SocketType.PUB);
        pub.set(SocketOptions.SNDHWM, 10).set(SocketOptions.LINGER, Duration.ZERO);
        String endpoint = pub.bind(transport.bindable());
        Socket slow = subscriber(endpoint, pub);
        List<Socket> fast = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            fast.add(subscriber(endpoint, pub));
        }

        for (int batch = 0; batch < BATCHES; batch++) {
            for (int i = 0; i < BATCH; i++) {
                pub.send(Msg.of(message(batch * BATCH + i), new byte[] {(byte) i}));
            }
            for (Socket sub : fast) {
                for (int i = 0; i < BATCH; i++) {
                    Msg got = sub.recvMsg(WAIT);
                    assertThat(got).as("message %d", batch * BATCH + i).isNotNull();
                    assertThat(got.frame(0)).isEqualTo(message(batch * BATCH + i));
                    assertThat(got.frame(1)).containsExactly(i);
                }
            }
        }

        // the one that never read got the start of the stream and then, in order, whatever found room
        Msg got = slow.recvMsg(WAIT);
        assertThat(got.frame(0)).isEqualTo(message(0));
        int last = 0;
        int received = 1;
        while ((got = slow.tryRecvMsg()) != null) {
            int n = Integer.parseInt(new String(got.frame(0), StandardCharsets.UTF_8).substring(2));
            assertThat(n).isGreaterThan(last).isLessThan(BATCHES * BATCH);
            assertThat(got.frame(1)).containsExactly(n % BATCH);
            last = n;
            received++;
        }
        assertThat(received).isLessThanOrEqualTo(BATCHES * BATCH);
        for (Socket sub : fast) {
            assertThat(sub.tryRecv()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IPC", "TCP"})
    void shouldKeepWhatWireSubscribersGetWhenAnInprocSubscriberChangesItsFrames(Transport wire) {
        Socket pub = ctx.socket(SocketType.PUB);
        String wireEndpoint = pub.bind(wire.bindable());
        String inprocEndpoint = pub.bind(Transport.INPROC.bindable());
        Socket overWire = subscriber(wireEndpoint, pub);
        Socket inproc = subscriber(inprocEndpoint, pub);
        Socket secondInproc = subscriber(inprocEndpoint, pub);

        int count = 200;
        for (int n = 0; n < count; n++) {
            byte[] body = new byte[64];
            Arrays.fill(body, (byte) n);
            pub.send(Msg.of(message(n), body));
            for (Socket sub : List.of(inproc, secondInproc)) {
                Msg got = sub.recvMsg(WAIT);
                assertThat(got.frame(0)).isEqualTo(message(n));
                assertThat(got.frame(1)).containsOnly((byte) n);
                // an inproc receiver owns what it got and may write over it
                Arrays.fill(got.frame(0), (byte) 'X');
                Arrays.fill(got.frame(1), (byte) 'X');
            }
        }
        for (int n = 0; n < count; n++) {
            Msg got = overWire.recvMsg(WAIT);
            assertThat(got.frame(0)).isEqualTo(message(n));
            assertThat(got.frame(1)).hasSize(64).containsOnly((byte) n);
        }
    }

    @Test
    void shouldGiveTwoInprocSubscribersSeparateArrays() {
        Socket pub = ctx.socket(SocketType.PUB);
        String endpoint = pub.bind(Transport.INPROC.bindable());
        Socket one = subscriber(endpoint, pub);
        Socket two = subscriber(endpoint, pub);
        pub.send(message(1));
        byte[] first = one.recv(WAIT);
        Arrays.fill(first, (byte) 'X');
        assertThat(two.recv(WAIT)).isEqualTo(message(1));
    }
}
