// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer target (F1): {@link Socket#set} with any option and any value of its type, on any socket
 * type. A value is taken or refused with EINVAL (libzmq's answer), nothing else; a taken value reads
 * back without error, and the socket still binds, connects and closes.
 */
class SocketOptionFuzzTest {
    private static final List<Option<?>> OPTIONS = allOptions();
    private static final SocketType[] TYPES = {SocketType.PAIR, SocketType.PUB, SocketType.SUB, SocketType.REQ,
        SocketType.REP, SocketType.DEALER, SocketType.ROUTER, SocketType.PULL, SocketType.PUSH, SocketType.XPUB,
        SocketType.XSUB, SocketType.STREAM};
    private static final Context CTX = Context.create();
    private static int names;

    @AfterAll
    static void closeContext() {
        CTX.close();
    }

    private static List<Option<?>> allOptions() {
        List<Option<?>> options = new ArrayList<>();
        for (Field field : SocketOptions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Option.class) {
                try {
                    options.add((Option<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return options;
    }

    @FuzzTest(maxDuration = "60s")
    void setAnyValue(FuzzedDataProvider data) {
        Socket socket = CTX.socket(TYPES[data.consumeInt(0, TYPES.length - 1)]);
        try {
            socket.set(SocketOptions.LINGER, Duration.ZERO);
            int settings = data.consumeInt(1, 4);
            for (int i = 0; i < settings && data.remainingBytes() > 0; i++) {
                setOne(socket, OPTIONS.get(data.consumeInt(0, OPTIONS.size() - 1)), data);
            }
            String endpoint = "inproc://fuzz-" + (names++);
            socket.bind(endpoint);
            socket.connect("inproc://fuzz-nobody-" + names);
        } catch (ZmqException e) {
            // bind/connect may refuse what the options made impossible; only with a ZmqException
            assertThat(e.code()).isNotNull();
        } finally {
            socket.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void setOne(Socket socket, Option<T> option, FuzzedDataProvider data) {
        T value = (T) valueOf(option.type(), data);
        try {
            socket.set(option, value);
        } catch (ZmqException e) {
            assertThat(e.code()).as(option.name() + " = " + value).isEqualTo(ErrorCode.EINVAL);
            return;
        }
        assertThat((Object) socket.get(option)).as(option.name()).isNotNull();
    }

    private static Object valueOf(Class<?> type, FuzzedDataProvider data) {
        if (type == Integer.class) {
            return data.consumeInt();
        }
        if (type == Long.class) {
            return data.consumeLong();
        }
        if (type == Boolean.class) {
            return data.consumeBoolean();
        }
        if (type == Duration.class) {
            return Duration.ofMillis(data.consumeLong(-5, Integer.MAX_VALUE * 4L));
        }
        if (type == byte[].class) {
            return data.consumeBytes(data.consumeInt(0, 300));
        }
        if (type == String.class) {
            return data.consumeString(data.consumeInt(0, 300));
        }
        if (type == SocketType.class) {
            return SocketType.values()[data.consumeInt(0, SocketType.values().length - 1)];
        }
        throw new IllegalStateException("no generator for " + type);
    }
}
