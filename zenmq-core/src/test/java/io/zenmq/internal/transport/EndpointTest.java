// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void shouldWriteIpv6AsInetNtopDoes() throws Exception {
        assertThat(Endpoint.compressIpv6(InetAddress.getByName("::1").getAddress())).isEqualTo("::1");
        assertThat(Endpoint.compressIpv6(InetAddress.getByName("::").getAddress())).isEqualTo("::");
        assertThat(Endpoint.compressIpv6(InetAddress.getByName("fe80::1:0:0:2").getAddress()))
                .isEqualTo("fe80::1:0:0:2");
        assertThat(Endpoint.compressIpv6(InetAddress.getByName("2001:db8:0:0:1:0:0:1").getAddress()))
                .isEqualTo("2001:db8::1:0:0:1");
    }

    @Test
    void shouldRejectMalformedEndpoints() {
        for (String bad : new String[] {"tcp://", "tcp://host", "tcp://:5", "tcp://h:x", "tcp://h:123456",
                "tcp://[::1:5", "tcp:/h:5"}) {
            assertThatThrownBy(() -> Endpoint.parse(bad, true)).as(bad).isInstanceOfSatisfying(
                    ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        }
        assertThatThrownBy(() -> Endpoint.parse("pgm://eth0;239.1.1.1:5", true)).isInstanceOfSatisfying(
                ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EPROTONOSUPPORT));
        assertThatThrownBy(() -> Endpoint.parse("ipc:///" + "a".repeat(200), true)).isInstanceOfSatisfying(
                ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENAMETOOLONG));
    }

    @Test
    void shouldRejectAConnectHostThatIsNotANameOrAnAddressAsLibzmqDoes() {
        for (String bad : new String[] {"tcp://ho\u00ffst:5", "tcp://\u00ff:5", "tcp://a b:5", "tcp://a..b:5",
                "tcp://.a:5", "tcp://a/b:5", "tcp://" + "a".repeat(64) + ".com:5", "tcp://" + "a.".repeat(127) + "ab:5",
                "tcp://[::1%]:5", "tcp://[::g]:5", "tcp://ho\u0000st:5", "tcp://h\tost:5", "tcp://127.0.0.1;h\u00ff:5"}) {
            assertThatThrownBy(() -> Endpoint.parse(bad, false)).as(bad).isInstanceOfSatisfying(
                    ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        }
        for (String good : new String[] {"tcp://localhost:5", "tcp://localhost.:5", "tcp://my-host_1.example.org:5",
                "tcp://127.0.0.1:5", "tcp://[::1]:5", "tcp://[fe80::1%lo]:5", "tcp://[::ffff:127.0.0.1]:5",
                "tcp://" + "a".repeat(63) + ".com:5", "tcp://127.0.0.1:0;localhost:5"}) {
            assertThat(Endpoint.parse(good, false).transport()).as(good).isEqualTo(Endpoint.Transport.TCP);
        }
    }

    @Test
    void shouldAcceptWildcardsForBindOnly() {
        assertThat(Endpoint.parse("tcp://*:*", true).transport()).isEqualTo(Endpoint.Transport.TCP);
        assertThatThrownBy(() -> Endpoint.parse("tcp://*:5555", false)).isInstanceOf(ZmqException.class);
        assertThatThrownBy(() -> Endpoint.parse("tcp://127.0.0.1:0", false)).isInstanceOf(ZmqException.class);
    }

    @Test
    void shouldParseAbstractIpcNamesAsLibzmqDoes() {
        Endpoint named = Endpoint.parse("ipc://@zenmq", true);
        assertThat(named.transport()).isEqualTo(Endpoint.Transport.IPC);
        assertThat(named.isAbstractIpc()).isTrue();
        assertThat(named.path()).isEqualTo("@zenmq");
        assertThat(named.toString()).isEqualTo("ipc://@zenmq");
        assertThat(Endpoint.parse("ipc:///tmp/zenmq.ipc", true).isAbstractIpc()).isFalse();
        // the 107-byte limit counts the '@' (it becomes the leading NUL), in UTF-8 bytes
        assertThat(Endpoint.parse("ipc://@" + "a".repeat(106), false).isAbstractIpc()).isTrue();
        assertThatThrownBy(() -> Endpoint.parse("ipc://@" + "a".repeat(107), false)).isInstanceOfSatisfying(
                ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENAMETOOLONG));
        assertThatThrownBy(() -> Endpoint.parse("ipc://@" + "\u00e9".repeat(54), true)).isInstanceOfSatisfying(
                ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENAMETOOLONG));
        assertThatThrownBy(() -> Endpoint.parse("ipc://@", true)).isInstanceOfSatisfying(
                ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }

    @Test
    void shouldReportAPlatformWithoutUnixDomainSocketsAsEnotsup() {
        assertThatThrownBy(() -> Endpoint.unixDomain(() -> {
            throw new UnsupportedOperationException("no AF_UNIX here");
        })).isInstanceOfSatisfying(ZmqException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ENOTSUP);
            assertThat(e.getMessage()).contains("ipc://", "no AF_UNIX here");
        });
    }
}
