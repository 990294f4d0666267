// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandshakeRehearsalTest {
    @Test
    void shouldFinishTheHandshakeAndBothMessagesEachWay() {
        assertThat(HandshakeRehearsal.rehearse()).isTrue();
    }

    @Test
    void shouldRunAgainWithTheSameOutcome() {
        // each rehearsal has its own connections and pipes: nothing is left over from the last one
        assertThat(HandshakeRehearsal.rehearse()).isTrue();
        assertThat(HandshakeRehearsal.rehearse()).isTrue();
    }
}
