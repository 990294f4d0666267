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

    @Test
    void shouldBindBareEndpointsOfDraftTypesAsCliMdSays() {
        for (String type : List.of("server", "radio", "gather")) {
            assertThat(Endpoint.parseList("tcp://*:5555", null, type).get(0).bind()).as(type).isTrue();
        }
        for (String type : List.of("client", "dish", "scatter", "peer", "channel")) {
            assertThat(Endpoint.parseList("tcp://h:5555", null, type).get(0).bind()).as(type).isFalse();
        }
        assertThat(Endpoint.parseList("udp://*:5555", null, "dish")).containsExactly(new Endpoint(true, "udp://*:5555"));
        assertThat(Endpoint.parseList("udp://*:5555", null, "dgram")).containsExactly(new Endpoint(true, "udp://*:5555"));
        assertThat(Endpoint.parseList("udp://127.0.0.1:5555", null, "radio"))
                .containsExactly(new Endpoint(false, "udp://127.0.0.1:5555"));
        assertThat(Endpoint.parseList(">udp://127.0.0.1:5555,@udp://*:6", null, "dgram"))
                .containsExactly(new Endpoint(false, "udp://127.0.0.1:5555"), new Endpoint(true, "udp://*:6"));
    }

    @Test
    void shouldAcceptUdpUnicastAnyAndMulticastForms() {
        assertThat(Endpoint.parseList("udp://127.0.0.1:1,udp://*:65535,udp://239.1.1.1:5555,"
                + "udp://eth0;239.1.1.1:5555,udp://127.0.0.1;239.1.1.1:5555,udp://[::1]:7,udp://lo;[ff02::1]:7,"
                + "UDP://localhost:9", null, "dish")).hasSize(8).allMatch(Endpoint::isUdp).allMatch(Endpoint::bind);
        assertThat(Endpoint.parseList("tcp://*:1", null, "radio").get(0).isUdp()).isFalse();
        assertThat(Endpoint.parseList("udp://eth0;239.1.1.1:5555", null, "radio").get(0).bind()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp://*:*", "udp://*:0", "udp://127.0.0.1:0", "udp://h", "udp://h:", "udp://:5",
        "udp://h:65536", "udp://;239.1.1.1:5", "udp://eth0;:5", "udp://[::1:5", "udp://h:x"})
    void shouldRejectMalformedUdpEndpoints(String list) {
        assertThatThrownBy(() -> Endpoint.parseList(list, null, "dish"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void shouldKeepUdpToRadioDishAndDgramAndDgramToUdp() {
        for (String type : List.of("server", "client", "scatter", "gather", "peer", "channel")) {
            assertThatThrownBy(() -> Endpoint.parseList("udp://127.0.0.1:5", null, type))
                    .hasMessageContaining("udp:// works with radio, dish and dgram only");
        }
        assertThatThrownBy(() -> Endpoint.parseList("udp://127.0.0.1:5", SocketType.PUB, "pub"))
                .hasMessageContaining("udp:// works with radio, dish and dgram only");
        for (String list : List.of("tcp://*:5", "ipc:///tmp/x", "udp://*:5,tcp://h:1")) {
            assertThatThrownBy(() -> Endpoint.parseList(list, null, "dgram"))
                    .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageContaining("dgram works over udp:// only");
        }
        assertThat(Endpoint.parseList("tcp://*:1,ipc:///tmp/r,udp://127.0.0.1:2", null, "radio")).hasSize(3);
        assertThat(Endpoint.parseList("tcp://h:1,ipc:///tmp/r,udp://*:2", null, "dish")).hasSize(3);
    }

    @Test
    void shouldRefuseDishConnectingAndRadioBindingOverUdp() {
        assertThatThrownBy(() -> Endpoint.parseList(">udp://127.0.0.1:5", null, "dish"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("dish cannot connect over udp://");
        assertThatThrownBy(() -> Endpoint.parseList("@udp://*:5", null, "radio"))
                .hasMessageContaining("radio cannot bind over udp://");
        assertThatThrownBy(() -> Endpoint.parseList("udp://*:5", null, "radio"))
                .hasMessageContaining("cannot connect to host *");
    }
}
