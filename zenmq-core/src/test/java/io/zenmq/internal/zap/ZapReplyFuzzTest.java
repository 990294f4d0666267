// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target (F1): ZAP replies (RFC 27) as a handler could send them, mostly well formed with a
 * fuzzed part. {@link ZapLayout#parseReply} accepts one with status 200/300/400/500 or refuses it
 * with a {@code ZAP_*} protocol error; nothing else.
 */
class ZapReplyFuzzTest {
    private static final String[] GOOD = {"", "1.0", "1", "200", "OK", "user", ""};

    @FuzzTest(maxDuration = "60s")
    void parseReply(FuzzedDataProvider data) {
        int count = data.consumeInt(0, 9);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean fuzzed = data.consumeBoolean();
            frames.add(fuzzed || i >= GOOD.length ? data.consumeBytes(data.consumeInt(0, 64))
                    : GOOD[i].getBytes(StandardCharsets.US_ASCII));
        }
        if (data.remainingBytes() > 0 && frames.size() == GOOD.length) {
            frames.set(GOOD.length - 1, data.consumeRemainingAsBytes());
        }
        try {
            ZapReply reply = ZapLayout.parseReply(frames);
            assertThat(reply.status()).isIn(200, 300, 400, 500);
        } catch (ProtocolException e) {
            assertThat(ProtocolErrors.name(e.code())).startsWith("ZAP_");
        }
    }
}
