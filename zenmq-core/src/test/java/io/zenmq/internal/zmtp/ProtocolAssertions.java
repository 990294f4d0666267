// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helper: asserts that code fails with a {@link ProtocolException} of a given code. */
final class ProtocolAssertions {
    private ProtocolAssertions() {
    }

    static void assertProtocolError(int expectedCode, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProtocolException.class);
        assertThat(ProtocolErrors.name(((ProtocolException) thrown).code()))
                .as("protocol error code of %s", thrown)
                .isEqualTo(ProtocolErrors.name(expectedCode));
    }
}
