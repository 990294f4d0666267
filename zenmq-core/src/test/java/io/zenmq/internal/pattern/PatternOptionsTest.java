// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketOptions;
import org.junit.jupiter.api.Test;

/** The routing options captured when set, read by patterns as fields. */
class PatternOptionsTest {
    private final PatternOptions options = new PatternOptions();

    @Test
    void shouldStartAtTheOptionsDefaults() {
        assertThat(options.routerMandatory).isEqualTo(SocketOptions.ROUTER_MANDATORY.defaultValue());
        assertThat(options.probeRouter).isEqualTo(SocketOptions.PROBE_ROUTER.defaultValue());
        assertThat(options.reqRelaxed).isEqualTo(SocketOptions.REQ_RELAXED.defaultValue());
        assertThat(options.xpubManual).isEqualTo(SocketOptions.XPUB_MANUAL.defaultValue());
        assertThat(options.xpubWelcomeMessage).isEmpty();
    }

    @Test
    void shouldCaptureEachRoutingOption() {
        options.update(SocketOptions.ROUTER_MANDATORY, true);
        options.update(SocketOptions.ROUTER_HANDOVER, true);
        options.update(SocketOptions.PROBE_ROUTER, true);
        options.update(SocketOptions.REQ_RELAXED, true);
        options.update(SocketOptions.REQ_CORRELATE, true);
        options.update(SocketOptions.INVERT_MATCHING, true);
        options.update(SocketOptions.XPUB_NODROP, true);
        options.update(SocketOptions.XPUB_VERBOSE, true);
        options.update(SocketOptions.XPUB_VERBOSER, true);
        options.update(SocketOptions.XPUB_MANUAL, true);
        options.update(SocketOptions.XPUB_WELCOME_MSG, new byte[] {1, 2});
        assertThat(options.routerMandatory).isTrue();
        assertThat(options.routerHandover).isTrue();
        assertThat(options.probeRouter).isTrue();
        assertThat(options.reqRelaxed).isTrue();
        assertThat(options.reqCorrelate).isTrue();
        assertThat(options.invertMatching).isTrue();
        assertThat(options.xpubNoDrop).isTrue();
        assertThat(options.xpubVerbose).isTrue();
        assertThat(options.xpubVerboser).isTrue();
        assertThat(options.xpubManual).isTrue();
        assertThat(options.xpubWelcomeMessage).containsExactly(1, 2);

        options.update(SocketOptions.ROUTER_MANDATORY, false);
        assertThat(options.routerMandatory).isFalse();
    }

    @Test
    void shouldIgnoreOptionsNoPatternReads() {
        options.update(SocketOptions.IMMEDIATE, true);
        options.update(SocketOptions.SNDHWM, 5);
        assertThat(options.routerMandatory).isFalse();
        assertThat(options.xpubManual).isFalse();
    }
}
