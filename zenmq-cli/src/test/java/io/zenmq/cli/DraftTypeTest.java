// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The draft types' roles, directions and transports, and the classic types' roles. */
@Timeout(10)
class DraftTypeTest {
    @Test
    void shouldGiveEachDraftTypeItsRole() {
        assertThat(DraftType.SERVER.role(false)).isEqualTo(Role.TWO_WAY);
        assertThat(DraftType.CLIENT.role(false)).isEqualTo(Role.TWO_WAY);
        assertThat(DraftType.PEER.role(false)).isEqualTo(Role.TWO_WAY);
        assertThat(DraftType.CHANNEL.role(false)).isEqualTo(Role.TWO_WAY);
        assertThat(DraftType.DGRAM.role(false)).isEqualTo(Role.TWO_WAY);
        assertThat(DraftType.RADIO.role(false)).isEqualTo(Role.SEND);
        assertThat(DraftType.SCATTER.role(false)).isEqualTo(Role.SEND);
        assertThat(DraftType.DISH.role(false)).isEqualTo(Role.RECEIVE);
        assertThat(DraftType.GATHER.role(false)).isEqualTo(Role.RECEIVE);
    }

    @Test
    void shouldEchoOnServerClientPeerAndChannelOnly() {
        for (DraftType type : DraftType.values()) {
            boolean echoes = type == DraftType.SERVER || type == DraftType.CLIENT || type == DraftType.PEER
                    || type == DraftType.CHANNEL;
            assertThat(type.role(true) == Role.ECHO).as("%s --echo", type).isEqualTo(echoes);
        }
        assertThat(Role.ECHO.readsStdin()).isFalse();
        assertThat(Role.RECEIVE.readsStdin()).isFalse();
        assertThat(Role.TWO_WAY.readsStdin()).isTrue();
    }

    @Test
    void shouldBindBareEndpointsAsCliMdSays() {
        assertThat(DraftType.values()).filteredOn(t -> t.bindsByDefault(false))
                .containsExactlyInAnyOrder(DraftType.SERVER, DraftType.RADIO, DraftType.GATHER, DraftType.DGRAM);
        assertThat(DraftType.DISH.bindsByDefault(true)).isTrue();
        assertThat(DraftType.DGRAM.bindsByDefault(true)).isTrue();
        assertThat(DraftType.RADIO.bindsByDefault(true)).isFalse();
    }

    @Test
    void shouldTakeUdpOnRadioDishAndDgramOnly() {
        assertThat(DraftType.values()).filteredOn(DraftType::takesUdp)
                .containsExactlyInAnyOrder(DraftType.RADIO, DraftType.DISH, DraftType.DGRAM);
        assertThat(DraftType.values()).filteredOn(DraftType::udpOnly).containsExactly(DraftType.DGRAM);
        assertThat(DraftType.DISH.udpDirectionAllowed(false)).isFalse();
        assertThat(DraftType.RADIO.udpDirectionAllowed(true)).isFalse();
        assertThat(DraftType.DGRAM.udpDirectionAllowed(true)).isTrue();
        assertThat(DraftType.DGRAM.udpDirectionAllowed(false)).isTrue();
    }

    @Test
    void shouldFindDraftTypesByLowerCaseNameOnly() {
        assertThat(DraftType.byName("dgram")).isEqualTo(DraftType.DGRAM);
        assertThat(DraftType.byName("DGRAM")).isNull();
        assertThat(DraftType.byName("router")).isNull();
    }

    @Test
    void shouldKeepTheClassicRoles() {
        assertThat(Role.of(SocketType.PUSH, true)).isEqualTo(Role.SEND);
        assertThat(Role.of(SocketType.SUB, false)).isEqualTo(Role.RECEIVE);
        assertThat(Role.of(SocketType.REQ, true)).isEqualTo(Role.REQUEST);
        assertThat(Role.of(SocketType.REP, false)).isEqualTo(Role.REPLY);
        assertThat(Role.of(SocketType.REP, true)).isEqualTo(Role.ECHO);
        assertThat(Role.of(SocketType.STREAM, true)).isEqualTo(Role.ECHO);
        assertThat(Role.of(SocketType.XPUB, true)).isEqualTo(Role.TWO_WAY);
        assertThat(Role.of(SocketType.DEALER, false)).isEqualTo(Role.TWO_WAY);
    }
}
