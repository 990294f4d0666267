// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.SocketType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class EndpointTest {
    @Test
    void shouldBindBareEndpointsForBindingTypes() {
        for (SocketType type : List.of(SocketType.REP, SocketType.PULL, SocketType.ROUTER, SocketType.PUB,
                SocketType.XPUB)) {
            assertThat(Endpoint.parseList("tcp://*:5555", type, "x")).containsExactly(
                    new Endpoint(true, "tcp://*:5555"));
        }
        assertThat(Endpoint.parseList("tcp://*:5555", null, "server").get(0).bind()).isTrue();
        assertThat(Endpoint.parseList("tcp://*:5555", null, "radio").get(0).bind()).isTrue();
    }

    @Test
    void shouldConnectBareEndpointsForOtherTypes() {
        for (SocketType type : List.of(SocketType.REQ, SocketType.PUSH, SocketType.PAIR, SocketType.SUB,
                SocketType.DEALER)) {
            assertThat(Endpoint.parseList("tcp://localhost:5555", type, "x")).containsExactly(
                    new Endpoint(false, "tcp://localhost:5555"));
        }
        assertThat(Endpoint.parseList("tcp://h:1", null, "client").get(0).bind()).isFalse();
    }

    @Test
    void shouldHonourExplicitPrefixes() {
        assertThat(Endpoint.parseList("@tcp://127.0.0.1:*,>tcp://10.0.0.1:9,ipc:///tmp/a.ipc,@ipc://@abs",
                SocketType.PUSH, "push")).containsExactly(
                new Endpoint(true, "tcp://127.0.0.1:*"), new Endpoint(false, "tcp://10.0.0.1:9"),
                new Endpoint(false, "ipc:///tmp/a.ipc"), new Endpoint(true, "ipc://@abs"));
    }

    @Test
    void shouldAcceptIpv6AndWildcards() {
        assertThat(Endpoint.parseList("@tcp://[::1]:0,@tcp://*:*,tcp://[fe80::1%eth0]:80", SocketType.PULL, "pull"))
                .hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",", "tcp://a:1,", "127.0.0.1:5555", "foo://x", "tcp://", "tcp://:5555",
        "tcp://host", "tcp://host:", "tcp://host:abc", "tcp://host:65536", "tcp://host:99999999",
        "tcp://host:-1", ">tcp://*:5555", ">tcp://host:0", ">tcp://host:*", "tcp://[::1:5", "tcp://[]:5",
        "ipc://", "inproc://x", "udp://1.2.3.4:5", "pgm://eth0;239.1.1.1:5555", "epgm://x", "@", ">",
        "tcp://ho st:5"})
    void shouldRejectMalformedEndpoints(String list) {
        assertThatThrownBy(() -> Endpoint.parseList(list, SocketType.PUSH, "push"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void shouldAcceptPortBounds() {
        assertThat(Endpoint.parseList("tcp://h:1,tcp://h:65535", SocketType.PUSH, "push")).hasSize(2);
    }
}
