// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.ErrorCode;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which options the thread-safe draft types take, compared with libzmq 4.3.5 built with drafts
 * (the node peer sets each by its number): {@code EINVAL} where libzmq answers it, success where
 * libzmq succeeds. The classic types are compared with python's libzmq in
 * {@link OptionApplicabilityInteropTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DraftOptionInteropTest {
    @RegisterExtension
    final InteropExtension interop = InteropExtension.node();

    @ParameterizedTest
    @EnumSource(value = SocketType.class, names = {"SERVER", "CLIENT", "GATHER", "SCATTER", "PEER", "CHANNEL", "RADIO", "DISH", "DGRAM"})
    void shouldAcceptAndRefuseOptionsAsLibzmqDoes(SocketType type) throws IllegalAccessException {
        LibzmqPeer libzmq = interop.peer().socket(type.name());
        Socket zenmq = interop.socket(type);
        SoftAssertions softly = new SoftAssertions();
        for (Option<?> option : writableOptions()) {
            boolean libzmqTakes = accepted(libzmq.call("setopt " + option.number() + " " + kind(option) + " "
                    + libzmqValue(option), LibzmqPeer.QUICK));
            boolean zenmqTakes = zenmqAccepts(() -> set(zenmq, option));
            softly.assertThat(zenmqTakes).as("set %s on %s (libzmq %s)", option.name(), type, libzmqTakes)
                    .isEqualTo(libzmqTakes);
        }
        softly.assertAll();
    }

    private static List<Option<?>> writableOptions() throws IllegalAccessException {
        List<Option<?>> all = new ArrayList<>();
        for (Field field : SocketOptions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Option.class) {
                Option<?> option = (Option<?>) field.get(null);
                if (!option.isReadOnly()) {
                    all.add(option);
                }
            }
        }
        return all;
    }

    private static String kind(Option<?> option) {
        if (option.type() == byte[].class || option.type() == String.class) {
            return "bytes";
        }
        return option.type() == Long.class ? "int64" : "int";
    }

    /** "OK" or "ERR EINVAL ..."; any other refusal fails the test, as it is not about types. */
    private static boolean accepted(String reply) {
        if (reply.startsWith("OK")) {
            return true;
        }
        assertThat(reply).as("libzmq's answer").startsWith("ERR EINVAL");
        return false;
    }

    private static boolean zenmqAccepts(Runnable action) {
        try {
            action.run();
            return true;
        } catch (ZmqException e) {
            assertThat(e.code()).as("zenmq's refusal: %s", e.getMessage()).isEqualTo(ErrorCode.EINVAL);
            return false;
        }
    }

    /** A value valid for every type, so that only applicability decides: 1, or bytes as hex. */
    private static String libzmqValue(Option<?> option) {
        return kind(option).equals("bytes") ? HexFormat.of().formatHex(bytes(option)) : "1";
    }

    private static byte[] bytes(Option<?> option) {
        return option.name().startsWith("ZMQ_CURVE_") ? new byte[32] : new byte[] {'a', 'b'};
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Socket socket, Option<T> option) {
        T value;
        if (option.type() == byte[].class) {
            value = (T) bytes(option);
        } else if (option.type() == String.class) {
            value = (T) "ab";
        } else if (option.type() == Duration.class) {
            value = (T) Duration.ofMillis(1);
        } else if (option.type() == Integer.class) {
            value = (T) Integer.valueOf(1);
        } else if (option.type() == Long.class) {
            value = (T) Long.valueOf(1);
        } else {
            value = (T) Boolean.TRUE;
        }
        socket.set(option, value);
    }
}
