// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;

/**
 * Jazzer target (F1): {@link Endpoint#parse} on any text, for bind and for connect. It only parses
 * (nothing is resolved or connected): a {@link ZmqException} with EINVAL, EPROTONOSUPPORT or
 * ENAMETOOLONG is the one way to refuse, and what parses reads back as the text it came from.
 */
class EndpointFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(FuzzedDataProvider data) {
        boolean forBind = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        Endpoint endpoint;
        try {
            endpoint = Endpoint.parse(text, forBind);
        } catch (ZmqException e) {
            assertThat(e.code()).isIn(ErrorCode.EINVAL, ErrorCode.EPROTONOSUPPORT, ErrorCode.ENAMETOOLONG);
            return;
        }
        assertThat(endpoint.transport()).isNotNull();
        assertThat(endpoint.toString()).isEqualTo(text);
    }
}
