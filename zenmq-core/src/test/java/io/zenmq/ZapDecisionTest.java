// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ZapDecision and ZapRequest as values: factories, validation, copies. */
class ZapDecisionTest {
    @Test
    void shouldMakeTheFourStatusCodes() {
        assertThat(ZapDecision.allow("joe")).satisfies(d -> {
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.statusText()).isEqualTo("OK");
            assertThat(d.userId()).isEqualTo("joe");
            assertThat(d.isAllowed()).isTrue();
        });
        assertThat(ZapDecision.temporaryFailure("later").status()).isEqualTo(300);
        assertThat(ZapDecision.deny("no").status()).isEqualTo(400);
        assertThat(ZapDecision.internalError("oops").status()).isEqualTo(500);
        assertThat(ZapDecision.deny("no")).satisfies(d -> {
            assertThat(d.statusText()).isEqualTo("no");
            assertThat(d.userId()).isEmpty();
            assertThat(d.metadata()).isEmpty();
            assertThat(d.isAllowed()).isFalse();
        });
    }

    @Test
    void shouldCopyMetadataInAndOut() {
        byte[] value = "admin".getBytes(UTF_8);
        Map<String, byte[]> metadata = new HashMap<>(Map.of("X-Role", value));
        ZapDecision decision = ZapDecision.allow("joe", metadata);
        value[0] = 'X';
        metadata.clear();
        decision.metadata().get("X-Role")[1] = 'X';

        assertThat(decision.metadata()).containsOnlyKeys("X-Role");
        assertThat(decision.metadata().get("X-Role")).isEqualTo("admin".getBytes(UTF_8));
        assertThat(decision).isEqualTo(ZapDecision.allow("joe", Map.of("X-Role", "admin".getBytes(UTF_8))));
    }

    @Test
    void shouldRefuseMetadataNamesOutsideRfc27() {
        for (String name : new String[] {"", "has space", "colon:", "é", "x".repeat(256)}) {
            assertThatThrownBy(() -> ZapDecision.allow("", Map.of(name, new byte[0])))
                    .as("name '%s'", name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ZapDecision.allow("", Map.of("Az09-_.+", new byte[0])).metadata()).containsKey("Az09-_.+");
    }

    @Test
    void shouldBuildRequestsOnlyWithCredentialsThatFitTheMechanism() {
        assertThatThrownBy(() -> ZapRequest.builder().mechanism(ZapRequest.Mechanism.NULL, new byte[1]).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZapRequest.builder().mechanism(ZapRequest.Mechanism.PLAIN, new byte[1]).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZapRequest.builder().curve(new byte[33]).build())
                .isInstanceOf(IllegalArgumentException.class);

        ZapRequest request = ZapRequest.builder().curve(new byte[32]).build();
        assertThat(request.version()).isEqualTo("1.0");
        assertThat(request.requestId()).isEqualTo("1".getBytes(UTF_8));
        assertThat(request.clientKeyZ85()).isEqualTo("0".repeat(40));
        assertThat(request.domain()).isEmpty();
        assertThat(request.identity()).isEmpty();
    }

    @Test
    void shouldKeepRequestsImmutable() {
        byte[] key = new byte[32];
        ZapRequest request = ZapRequest.builder().curve(key).build();
        key[0] = 1;
        request.clientKey()[1] = 1;
        request.credentials().get(0)[2] = 1;

        assertThat(request.clientKey()).isEqualTo(new byte[32]);
        assertThat(request).isEqualTo(ZapRequest.builder().curve(new byte[32]).build());
    }

    @Test
    void shouldNeverShowThePassword() {
        ZapRequest request = ZapRequest.builder().address("10.0.0.1").plain("admin", "hunter2").build();

        assertThat(request.toString()).contains("admin", "10.0.0.1").doesNotContain("hunter2");
    }
}
