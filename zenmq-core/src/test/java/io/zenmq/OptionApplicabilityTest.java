// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Type-specific options answer EINVAL on socket types they do not apply to, as libzmq 4.3 does;
 * every other option is taken by every type. The expected table is written out here on purpose,
 * apart from the one in the code, from what libzmq 4.3.4 answers.
 */
class OptionApplicabilityTest {
    private static final Map<Option<?>, Set<SocketType>> TYPE_SPECIFIC = Map.ofEntries(
            Map.entry(SocketOptions.ROUTER_MANDATORY, EnumSet.of(SocketType.ROUTER, SocketType.REP)),
            Map.entry(SocketOptions.ROUTER_HANDOVER, EnumSet.of(SocketType.ROUTER, SocketType.REP)),
            Map.entry(SocketOptions.CONNECT_ROUTING_ID,
                    EnumSet.of(SocketType.ROUTER, SocketType.REP, SocketType.STREAM)),
            Map.entry(SocketOptions.PROBE_ROUTER,
                    EnumSet.of(SocketType.ROUTER, SocketType.REP, SocketType.DEALER, SocketType.REQ)),
            Map.entry(SocketOptions.REQ_CORRELATE, EnumSet.of(SocketType.REQ)),
            Map.entry(SocketOptions.REQ_RELAXED, EnumSet.of(SocketType.REQ)),
            Map.entry(SocketOptions.XPUB_VERBOSE, EnumSet.of(SocketType.XPUB, SocketType.PUB)),
            Map.entry(SocketOptions.XPUB_VERBOSER, EnumSet.of(SocketType.XPUB, SocketType.PUB)),
            Map.entry(SocketOptions.XPUB_MANUAL, EnumSet.of(SocketType.XPUB, SocketType.PUB)),
            Map.entry(SocketOptions.XPUB_NODROP, EnumSet.of(SocketType.XPUB, SocketType.PUB, SocketType.RADIO)),
            Map.entry(SocketOptions.XPUB_WELCOME_MSG, EnumSet.of(SocketType.XPUB, SocketType.PUB)),
            Map.entry(SocketOptions.STREAM_NOTIFY, EnumSet.of(SocketType.STREAM)));

    private final Context ctx = Context.create();

    @AfterEach
    void closeContext() {
        ctx.close();
    }

    /** Every public option constant of {@link SocketOptions}. */
    static List<Option<?>> allOptions() throws IllegalAccessException {
        List<Option<?>> all = new ArrayList<>();
        for (Field field : SocketOptions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Option.class) {
                all.add((Option<?>) field.get(null));
            }
        }
        return all;
    }

    /** A value every type would take for the option, so that only applicability is tested. */
    @SuppressWarnings("unchecked")
    static <T> T sample(Option<T> option) {
        if (option.type() == byte[].class) {
            return (T) (option.name().startsWith("ZMQ_CURVE_") ? new byte[32] : new byte[] {'a', 'b'});
        }
        return option.defaultValue();
    }

    @ParameterizedTest
    @EnumSource(SocketType.class)
    void shouldRefuseTypeSpecificOptionsWhereLibzmqDoes(SocketType type) throws IllegalAccessException {
        for (Option<?> option : allOptions()) {
            if (option.isReadOnly()) {
                continue;
            }
            Set<SocketType> only = TYPE_SPECIFIC.get(option);
            boolean applies = only == null || only.contains(type);
            try (Socket socket = ctx.socket(type)) {
                if (applies) {
                    set(socket, option);
                    assertThat(socket.get(option)).as("%s readable on %s", option, type).isNotNull();
                } else {
                    assertThatThrownBy(() -> set(socket, option)).as("set %s on %s", option, type)
                            .isInstanceOfSatisfying(ZmqException.class,
                                    e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
                    assertThatThrownBy(() -> socket.get(option)).as("get %s on %s", option, type)
                            .isInstanceOfSatisfying(ZmqException.class,
                                    e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
                }
            }
        }
    }

    @Test
    void shouldLeaveTheOptionUnchangedWhenRefused() {
        try (Socket dealer = ctx.socket(SocketType.DEALER)) {
            assertThatThrownBy(() -> dealer.set(SocketOptions.ROUTER_MANDATORY, true))
                    .isInstanceOf(ZmqException.class);
            dealer.set(SocketOptions.PROBE_ROUTER, true);
            assertThat(dealer.get(SocketOptions.PROBE_ROUTER)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SocketType.class)
    void shouldReadTheGeneralReadOnlyOptionsOnEveryType(SocketType type) {
        try (Socket socket = ctx.socket(type)) {
            assertThat(socket.get(SocketOptions.TYPE)).isEqualTo(type);
            assertThat(socket.get(SocketOptions.LAST_ENDPOINT)).isEmpty();
            assertThat(socket.get(SocketOptions.MECHANISM)).isEqualTo("NULL");
        }
    }

    private static <T> void set(Socket socket, Option<T> option) {
        socket.set(option, sample(option));
    }
}
